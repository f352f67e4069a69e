// scene_parser.cpp — TOML scene text to a validated SceneSpec: the top-level
// tables, [scene], [defaults], [[run]] and cross-checks. The [data] and run
// keys are read in scene_data_section.cpp / scene_run_section.cpp.
#include "core/scene_parser.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/distribution.h"
#include "core/key_suggestions.h"
#include "core/scene_sections.h"

namespace ganarium::embedded {
// Defined in the build-generated embedded_scenes.cpp (cmake/EmbedFiles.cmake).
const std::vector<std::pair<std::string, std::string>>& files();
}  // namespace ganarium::embedded

namespace ganarium {
namespace {

using detail::Range;
using detail::TableReader;

void parseSceneTable(const TableReader& r, SceneSpec& scene, bool is1d) {
    r.rejectUnknown({"title", "caption", "seed", "steps", "metrics_every", "threads", "view", "show", "hide", "curves"});
    r.readChoices("show", layerNames(), scene.show);
    r.readChoices("hide", layerNames(), scene.hide);
    int curves = -1;
    if (r.readChoice("curves", curveNames(), curves)) scene.curves = curveNames()[static_cast<size_t>(curves)];
    r.readString("title", scene.title);
    r.readString("caption", scene.caption);
    int64_t seed = 0;
    if (r.readInt("seed", seed, Range{0, 9.2e18, false, false, ">= 0"})) scene.seed = static_cast<uint64_t>(seed);
    r.readInt("steps", scene.steps, Range{1, 1e12, false, false, ">= 1"});
    r.readInt("metrics_every", scene.metrics_every, Range{1, 1e9, false, false, ">= 1"});
    r.readInt("threads", scene.threads, Range{1, 64, false, false, "1..64"});
    std::vector<double> view;
    if (r.readNumbers("view", view)) {
        if (view.size() == 2 && is1d) {
            scene.view[0] = view[0];
            scene.view[1] = view[1];
        } else if (view.size() == 4) {
            scene.view = {view[0], view[1], view[2], view[3]};
        } else {
            r.fail("view", is1d ? "expected [x0, x1] (or [x0, x1, y0, y1])" : "expected [x0, x1, y0, y1]");
        }
        if (!(scene.view[0] < scene.view[1])) r.fail("view", "needs x0 < x1");
        if (view.size() == 4 && !(scene.view[2] < scene.view[3])) r.fail("view", "needs y0 < y1");
        scene.has_view = true;
    }
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
bool onlyDiracRuns(const toml::table& root) {
    const toml::array* runs = root.get("run") ? root.get("run")->as_array() : nullptr;
    if (!runs || runs->empty()) return false;
    for (const toml::node& node : *runs) {
        const toml::table* t = node.as_table();
        if (!t || t->get_as<std::string>("kind") == nullptr || **t->get_as<std::string>("kind") != "dirac") return false;
    }
    return true;
}

}  // namespace

SceneSpec parseSceneText(const std::string& text, const std::string& name, const std::string& base_dir) {
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        throw SceneError(name + ":" + std::to_string(b.line) + ":" + std::to_string(b.column) +
                         ": TOML syntax error: " + std::string(e.description()));
    }
    TableReader top(root, "the top level", name);
    top.rejectUnknown({"scene", "data", "defaults", "run"});
    for (const char* key : {"scene", "data", "defaults"}) {
        const toml::node* node = root.get(key);
        if (node && !node->is_table())
            top.fail(key, std::string("expected a table [") + key + "], got " + detail::describeType(*node));
    }

    SceneSpec scene;
    scene.source_path = name;
    const toml::table* data = root[toml::path("data")].as_table();
    if (!data && !onlyDiracRuns(root))
        throw SceneError(name + ": missing [data] table (add e.g. `[data]` with `family = \"ring\"`)");
    if (data) scene.data = detail::parseDataTable(TableReader(*data, "[data]", name), base_dir);
    const bool is1d = familyDimension(scene.data.family) == 1;
    if (const toml::table* t = root[toml::path("scene")].as_table()) parseSceneTable(TableReader(*t, "[scene]", name), scene, is1d);
    if (data) checkDistribution(scene.data, TableReader(*data, "[data]", name).at(nullptr));

    RunSpec base;
    if (const toml::table* t = root[toml::path("defaults")].as_table()) {
        TableReader r(*t, "[defaults]", name);
        if (t->get("fixed_data")) r.fail("fixed_data", "belongs in a [run.fixed_data] table, not in [defaults]");
        detail::applyRunKeys(r, base);
    }

    const toml::node* runs = root.get("run");
    if (!runs) throw SceneError(name + ": no [[run]] tables: add 1 to 6 `[[run]]` tables (e.g. objective = \"wasserstein\")");
    const toml::array* arr = runs->as_array();
    if (!arr || !arr->is_array_of_tables())
        top.fail("run", "expected [[run]] tables (an array of tables)");
    if (arr->size() < 1 || arr->size() > 6)
        top.fail("run", std::to_string(arr->size()) + " runs is out of range: allowed range is 1..6 [[run]] tables");
    for (size_t i = 0; i < arr->size(); ++i) {
        const toml::table& t = *(*arr)[i].as_table();
        const std::string where = "[[run]] #" + std::to_string(i + 1);
        TableReader r(t, where, name);
        RunSpec run = base;
        detail::applyRunKeys(r, run);
        if (run.kind != RunKind::ToyGan) {
            // Kinds other than the toy GAN carry their own data (the Dirac-GAN: P_data = delta_0).
        } else if (const toml::node* fd = t.get("fixed_data")) {
            if (!fd->is_table()) r.fail("fixed_data", "expected a [run.fixed_data] table, got " + detail::describeType(*fd));
            if (!run.fixed_generator)
                r.fail("fixed_data", "is only used with `fixed_generator = true`");
            TableReader fr(*fd->as_table(), where + " [run.fixed_data]", name);
            run.fixed_data = detail::parseDataTable(fr, base_dir);
            if (familyDimension(run.fixed_data.family) != familyDimension(scene.data.family))
                r.fail("fixed_data", std::string("family '") + familyName(run.fixed_data.family) + "' is " +
                                         std::to_string(familyDimension(run.fixed_data.family)) + "D but [data] is " +
                                         std::to_string(familyDimension(scene.data.family)) + "D");
            checkDistribution(run.fixed_data, fr.at(nullptr));
        } else if (run.fixed_generator) {
            throw SceneError(r.at(nullptr) + where + ": `fixed_generator = true` needs a [run.fixed_data] table describing P_G");
        }
        if (run.name.empty()) run.name = runLabel(run);
        scene.runs.push_back(run);
    }
    return scene;
}

SceneSpec loadSceneFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw SceneError("cannot open scene file '" + path + "': " + std::strerror(errno) +
                         " (check the path; shipped scenes live in the scenes/ folder)");
    std::ostringstream text;
    text << file.rdbuf();
    std::string dir = std::filesystem::path(path).parent_path().string();
    if (dir.empty()) dir = ".";
    SceneSpec scene = parseSceneText(text.str(), path, dir);
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
