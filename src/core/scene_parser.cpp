// scene_parser.cpp — TOML scene text to a validated SceneSpec: the top-level
// tables, [scene], [defaults], [[run]] and cross-checks. The [data] and run
// keys are read in scene_data_section.cpp / scene_run_section.cpp.
#include "core/scene_parser.h"

#include <algorithm>
#include <filesystem>

#include "core/condition_data.h"
#include "core/distribution.h"
#include "core/input_limits.h"
#include "core/key_suggestions.h"
#include "core/memory_estimate.h"
#include "core/quoted_string.h"
#include "core/regular_file.h"
#include "core/scene_sections.h"
#include "core/toml_nesting.h"

namespace ganarium::embedded {
// Defined in the build-generated embedded_scenes.cpp (cmake/EmbedFiles.cmake).
const std::vector<std::pair<std::string, std::string>>& files();
}  // namespace ganarium::embedded

namespace ganarium {
namespace {

using detail::Range;
using detail::TableReader;

// Narrowest view box side (float32 coordinates lose the grid below it).
constexpr double kMinViewSpan = 1e-3;
constexpr size_t kShownLineChars = 80;

// Line `line_no` (1-based) of `text`, "" past the end.
std::string_view lineOf(std::string_view text, size_t line_no) {
    size_t start = 0;
    for (size_t n = 1; n < line_no; ++n) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    std::string_view line = text.substr(start, text.find('\n', start) - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    return line;
}

// The last [table] or [[table]] header at or above `line_no`, "" when none (one pass over the text).
std::string tableAbove(std::string_view text, size_t line_no) {
    std::string_view header;
    size_t start = 0;
    for (size_t n = 1; n <= line_no && start <= text.size(); ++n) {
        const size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        const size_t b = line.find_first_not_of(" \t");
        if (b != std::string_view::npos && line[b] == '[') {
            size_t close = line.find(']', b);
            if (close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == ']') ++close;
            header = close != std::string_view::npos ? line.substr(b, close + 1 - b) : line.substr(b);
        }
        start = end + 1;
    }
    return std::string(header);
}

// " (in [scene]; line 4 reads: stpes == 4)": where a syntax error is, in words.
std::string syntaxErrorContext(std::string_view text, size_t line_no) {
    const std::string table = tableAbove(text, line_no);
    const std::string_view line = lineOf(text, line_no);
    std::string context = table.empty() ? "at the top level" : "in " + printableExcerpt(table, kShownLineChars);
    if (line.find_first_not_of(" \t") != std::string_view::npos)
        context += "; line " + std::to_string(line_no) + " reads: " + printableExcerpt(line, kShownLineChars);
    return " (" + context + ")";
}

// "NAME:LINE: " of a node with a source line, else of `fallback_line`.
std::string locate(const std::string& name, const toml::node* node, size_t fallback_line) {
    const size_t line = node && node->source().begin.line > 0 ? node->source().begin.line : fallback_line;
    return name + ":" + std::to_string(line) + ": ";
}

// Number of the last line of `text` (1 for an empty text).
size_t lastLine(const std::string& text) {
    size_t lines = 1;
    for (size_t i = 0; i + 1 < text.size(); ++i) lines += text[i] == '\n';
    return lines;
}

// The [scene] keys about how the scene is shown: show / hide (layers), curves, layout, presenter and view.
void parseDisplayKeys(const TableReader& r, DisplayState& display, bool is1d) {
    std::vector<std::string> show, hide;
    r.readChoices("show", layerNames(), show);
    r.readChoices("hide", layerNames(), hide);
    setLayers(display.layers, show, true);
    setLayers(display.layers, hide, false);  // a layer named in both ends up off
    int curves = -1;
    // The first tab is what a scene gets without naming one: kept as "" so both spellings compare equal.
    if (r.readChoice("curves", curveNames(), curves) && curves > 0)
        display.curves = curveNames()[static_cast<size_t>(curves)];
    if (r.readString("layout", display.layout) && !isLayoutName(display.layout))
        r.fail("layout", "expected \"auto\" or columns x rows, e.g. \"2x1\" (1..6 each)");
    r.readBool("presenter", display.presenter);
    std::vector<double> view;
    if (r.readNumbers("view", view)) {
        std::array<double, 4>& box = display.view;
        if (view.size() == 2 && is1d) {
            box[0] = view[0];
            box[1] = view[1];
        } else if (view.size() == 4) {
            box = {view[0], view[1], view[2], view[3]};
        } else {
            r.fail("view", is1d ? "expected [x0, x1] (or [x0, x1, y0, y1])" : "expected [x0, x1, y0, y1]");
        }
        r.checkEach("view", view, Range{-kMaxCoordinate, kMaxCoordinate, false, false, "-10000..10000"});
        if (!(box[1] - box[0] >= kMinViewSpan)) r.fail("view", "needs x0 < x1, at least 0.001 apart");
        if (view.size() == 4 && !(box[3] - box[2] >= kMinViewSpan))
            r.fail("view", "needs y0 < y1, at least 0.001 apart");
        display.has_view = true;
    }
}

void parseSceneTable(const TableReader& r, SceneSpec& scene, bool is1d) {
    r.rejectUnknown({"title", "caption", "title_zh", "caption_zh", "seed", "steps", "metrics_every", "threads", "view", "show",
                     "hide", "curves", "layout", "checkpoint_every", "checkpoint_memory_mb", "presenter"});
    r.readString("title", scene.title);
    r.readString("caption", scene.caption);
    r.readString("title_zh", scene.title_zh);
    r.readString("caption_zh", scene.caption_zh);
    int64_t seed = 0;
    if (r.readInt("seed", seed, Range{0, 1e19, false, false, ">= 0"})) scene.seed = static_cast<uint64_t>(seed);
    r.readInt("steps", scene.steps, Range{1, 1e12, false, false, "1..1000000000000"});
    r.readInt("metrics_every", scene.metrics_every, Range{1, 1e9, false, false, "1..1000000000"});
    r.readInt("threads", scene.threads, Range{1, 64, false, false, "1..64"});
    r.readInt("checkpoint_every", scene.checkpoint_every, Range{0, 1e12, false, false, "0..1000000000000"});
    r.readInt("checkpoint_memory_mb", scene.checkpoint_memory_mb, Range{1, 65536, false, false, "1..65536"});
    parseDisplayKeys(r, scene.display, is1d);
}

// Builds the distribution once so bad parameters surface at load time.
void checkDistribution(const DataSpec& data, const std::string& where) {
    try {
        makeDistribution(data);
    } catch (const SceneError& e) {
        throw SceneError(where + e.what());
    }
}

// True when the text has [[run]] tables and every one says kind = "dirac" (such scenes need no [data]).
// True when every [[run]] is of a kind that brings its own data (Dirac-GAN, image GAN): its own `kind`, else
// [defaults]' kind, else a toy GAN.
bool noRunNeedsData(const toml::table& root) {
    const toml::array* runs = root.get("run") ? root.get("run")->as_array() : nullptr;
    if (!runs || runs->empty()) return false;
    const toml::table* defaults = root.get("defaults") ? root.get("defaults")->as_table() : nullptr;
    const toml::value<std::string>* default_kind = defaults ? defaults->get_as<std::string>("kind") : nullptr;
    for (const toml::node& node : *runs) {
        const toml::table* t = node.as_table();
        if (!t) return false;
        const toml::value<std::string>* kind = t->get_as<std::string>("kind");
        if (!kind) kind = default_kind;
        if (!kind || **kind == "toy") return false;
    }
    return true;
}

// A conditional run needs labelled data (core/condition_data.h): refused at its `conditional` key (or the table).
void checkConditionalData(const TableReader& r, const DataSpec& data) {
    const std::string problem = conditionalDataProblem(data);
    if (problem.empty()) return;
    if (r.table().get("conditional")) r.fail("conditional", problem);
    throw SceneError(r.at(nullptr) + r.where() + ": `conditional = true` (from [defaults]) " + problem);
}

}  // namespace

SceneSpec parseSceneText(const std::string& text, const std::string& name, const std::string& base_dir,
                         const SceneLoadOptions& options) {
    requireTomlNestingAtMost(text, name, kMaxTomlNesting);  // toml++ would overflow its stack
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        throw SceneError(name + ":" + std::to_string(b.line) + ":" + std::to_string(b.column) +
                         ": TOML syntax error: " + std::string(e.description()) + syntaxErrorContext(text, b.line));
    }
    TableReader top(root, "the top level", name);
    top.rejectUnknown({"scene", "data", "defaults", "run", "lesson"});
    for (const char* key : {"scene", "data", "defaults"}) {
        const toml::node* node = root.get(key);
        if (node && !node->is_table())
            top.fail(key, std::string("expected a table [") + key + "], got " + detail::describeType(*node));
    }

    SceneSpec scene;
    scene.source_path = name;
    const toml::table* data = root[toml::path("data")].as_table();
    const toml::array* run_tables = root.get("run") ? root.get("run")->as_array() : nullptr;
    const toml::node* first_run = run_tables && !run_tables->empty() ? run_tables->get(0) : nullptr;
    if (!data && !noRunNeedsData(root))
        throw SceneError(locate(name, first_run, 1) + "missing [data] table" +
                         (first_run ? " before this [[run]]" : " (none in the whole file)") +
                         ": add e.g. `[data]` with `family = \"ring\"` (only scenes of Dirac-GAN and image GAN runs need none)");
    if (data) scene.data = detail::parseDataTable(TableReader(*data, "[data]", name), base_dir, options);
    const bool is1d = familyDimension(scene.data.family) == 1;
    if (const toml::table* t = root[toml::path("scene")].as_table()) parseSceneTable(TableReader(*t, "[scene]", name), scene, is1d);
    if (data) checkDistribution(scene.data, TableReader(*data, "[data]", name).at(nullptr));

    RunSpec base;
    if (const toml::table* t = root[toml::path("defaults")].as_table()) {
        TableReader r(*t, "[defaults]", name);
        if (t->get("fixed_data")) r.fail("fixed_data", "belongs in a [run.fixed_data] table, not in [defaults]");
        for (const char* key : {"domain_x", "domain_y"})
            if (t->get(key)) r.fail(key, std::string("belongs in a [run.") + key + "] table, not in [defaults]");
        detail::applyRunKeys(r, base);
    }

    const toml::node* runs = root.get("run");
    if (!runs)
        throw SceneError(name + ":" + std::to_string(lastLine(text)) +
                         ": no [[run]] tables by the end of the file: add 1 to 6 `[[run]]` tables "
                         "(e.g. objective = \"wasserstein\")");
    const toml::array* arr = runs->as_array();
    if (!arr || !arr->is_array_of_tables())
        top.fail("run", "expected [[run]] tables (an array of tables)");
    if (arr->size() < 1 || arr->size() > static_cast<size_t>(kMaxRunsPerScene))
        top.fail("run", std::to_string(arr->size()) + " runs is out of range: allowed range is 1.." +
                            std::to_string(kMaxRunsPerScene) + " [[run]] tables");
    for (size_t i = 0; i < arr->size(); ++i) {
        const toml::table& t = *(*arr)[i].as_table();
        const std::string where = "[[run]] #" + std::to_string(i + 1);
        TableReader r(t, where, name);
        RunSpec run = base;
        detail::applyRunKeys(r, run);
        ToyGanSpec* toy = toyOf(run);
        if (CycleGanSpec* cycle = cycleOf(run)) {
            detail::parseCycleDomains(r, *cycle, base_dir, options);
        } else if (!toy) {
            // Kinds other than the toy GAN carry their own data (the Dirac-GAN: P_data = delta_0).
        } else if (const toml::node* fd = t.get("fixed_data")) {
            if (!fd->is_table()) r.fail("fixed_data", "expected a [run.fixed_data] table, got " + detail::describeType(*fd));
            if (!toy->fixed_generator)
                r.fail("fixed_data", "is only used with `fixed_generator = true`");
            TableReader fr(*fd->as_table(), where + " [run.fixed_data]", name);
            toy->fixed_data = detail::parseDataTable(fr, base_dir, options);
            if (familyDimension(toy->fixed_data.family) != familyDimension(scene.data.family))
                r.fail("fixed_data", std::string("family '") + familyName(toy->fixed_data.family) + "' is " +
                                         std::to_string(familyDimension(toy->fixed_data.family)) + "D but [data] is " +
                                         std::to_string(familyDimension(scene.data.family)) + "D");
            checkDistribution(toy->fixed_data, fr.at(nullptr));
        } else if (toy->fixed_generator) {
            throw SceneError(r.at(nullptr) + where + ": `fixed_generator = true` needs a [run.fixed_data] table describing P_G");
        }
        if (toy && toy->conditional) checkConditionalData(r, scene.data);
        if (run.name.empty()) run.name = runLabel(run);
        scene.runs.push_back(run);
    }
    if (const toml::node* lesson = root.get("lesson")) scene.lesson = detail::parseLesson(*lesson, scene, name);
    size_t worst = 0;
    const double available = options.available_memory < 0 ? availableMemoryBytes() : options.available_memory;
    if (const std::string problem = memoryProblem(scene, available, worst); !problem.empty())
        throw SceneError(TableReader(*(*arr)[worst].as_table(), "", name).at(nullptr) + "[[run]] #" +
                         std::to_string(worst + 1) + " (" + scene.runs[worst].name + ") " + problem);
    return scene;
}

SceneSpec loadSceneFile(const std::string& path, const SceneLoadOptions& options) {
    const FileRules rules{"scene file", options.max_scene_bytes,
                          "check the path; shipped scenes live in the scenes/ folder",
                          "a scene is a few KB of TOML; put large point sets in a `csv` file"};
    const std::string text = readRegularFile(path, rules);
    std::string dir = std::filesystem::path(path).parent_path().string();
    if (dir.empty()) dir = ".";
    SceneSpec scene = parseSceneText(text, path, dir, options);
    scene.source_path = path;
    return scene;
}

const std::string& defaultSceneText() {
    for (const auto& [file, contents] : embedded::files())
        if (file == "default.toml") return contents;
    throw UserError("the default scene is missing from this build (scenes/default.toml was not embedded)");
}

SceneSpec defaultScene() {
    SceneSpec scene = parseSceneText(defaultSceneText(), "default.toml", ".");
    scene.source_path = "<embedded>";
    return scene;
}

}  // namespace ganarium
