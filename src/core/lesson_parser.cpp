// lesson_parser.cpp — reads a scene file's [[lesson.step]] tables into a
// LessonSpec, checking every step against the scene's runs (the parameters a
// run kind has, the metrics a run records), and computes each step's state.
#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

#include "core/key_suggestions.h"
#include "core/lesson.h"
#include "core/metric_catalogue.h"
#include "core/scene_sections.h"

namespace ganarium::detail {
namespace {

// Every key a [[lesson.step]] table may hold: the caption, the actions and the advance rule.
const std::vector<std::string> kStepKeys = {
    "caption", "caption_zh",                                               // text
    "play", "pause", "run_to_step", "show", "hide", "curves", "focus",      // actions
    "set", "set_run", "reset", "reseed", "checkpoint", "d_steps", "g_steps",  // actions
    "at_step", "when", "run", "hold"};                                      // advance rule

// The comparison operators of a `when` rule, two-character ones first (so "<=" is not read as "<").
constexpr std::pair<const char*, AdvanceRule::Compare> kCompareOps[] = {{"<=", AdvanceRule::Compare::LessEqual},
                                                                      {">=", AdvanceRule::Compare::GreaterEqual},
                                                                      {"<", AdvanceRule::Compare::Less},
                                                                      {">", AdvanceRule::Compare::Greater}};

// The parameter keys `set` may not change: they name or rebuild a run instead of tuning it.
bool isIdentityKey(const std::string& key) {
    return key == "kind" || key == "name" || key == "name_zh" || key == "fixed_data" || key == "domain_x" ||
           key == "domain_y";
}

// The keys a run of `run`'s kind has.
std::vector<std::string> parameterKeys(const RunSpec& run) {
    switch (kindOf(run)) {
        case RunKind::DiracGan: return diracRunKeys();
        case RunKind::ImageGan: return imageRunKeys();
        case RunKind::CycleGan: return cycleRunKeys();
        case RunKind::ToyGan: break;
    }
    return runKeys();
}

// The catalogue's spelling of a run kind ("toy", "dirac", "image").
std::string catalogueKind(const RunSpec& run) {
    switch (kindOf(run)) {
        case RunKind::DiracGan: return "dirac";
        case RunKind::ImageGan: return "image";
        case RunKind::CycleGan: return "cyclegan";
        case RunKind::ToyGan: break;
    }
    return "toy";
}

// True when `family` is a mixture with modes (the mode metrics need them).
bool hasModes(DataFamily family) {
    return family == DataFamily::Mixture1D || family == DataFamily::Ring || family == DataFamily::Grid ||
           family == DataFamily::Blobs2D;
}

// The metrics run `run` of `scene` records (catalogue keys).
std::vector<std::string> metricsOf(const SceneSpec& scene, const RunSpec& run) {
    const std::string kind = catalogueKind(run);
    const ToyGanSpec* toy = toyOf(run);
    std::vector<std::string> keys;
    for (const MetricInfo& info : kMetricCatalogue) {
        const std::string key = info.key;
        bool recorded = kind == info.run_kind;
        if (kind == "image") recorded = recorded || key == "loss_d" || key == "loss_g" || key == "g_grad_norm";
        if (kind == "cyclegan") recorded = recorded || key == "loss_d" || key == "loss_g";
        if (toy && (key == "modes_covered" || key == "hq_share" || key == "mode_rkl"))
            recorded = recorded && hasModes(scene.data.family);
        if (toy && (key == "gp_norm_mean" || key == "gp_norm_std"))
            recorded = recorded && toy->lipschitz == Lipschitz::GradientPenalty;
        if (recorded) keys.push_back(key);
    }
    return keys;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

// Index of the run called `name` (its `name` or `name_zh`); fails on `key` with the names when none is.
int runNamed(const TableReader& r, const std::string& key, const std::string& name, const SceneSpec& scene) {
    std::vector<std::string> names;
    for (size_t i = 0; i < scene.runs.size(); ++i) {
        if (scene.runs[i].name == name || (!scene.runs[i].name_zh.empty() && scene.runs[i].name_zh == name))
            return static_cast<int>(i);
        names.push_back(scene.runs[i].name);
    }
    r.fail(key, "no run is called '" + name + "'; the runs are: " + joined(names) + didYouMean(name, names));
}

// Refuses keys that are not step keys, naming the action that was probably meant.
void rejectUnknownActions(const TableReader& r) {
    for (const auto& [key, node] : r.table()) {
        const std::string name(key.str());
        if (std::find(kStepKeys.begin(), kStepKeys.end(), name) != kStepKeys.end()) continue;
        const auto& src = key.source();
        const std::string where = src.begin.line > 0 ? r.file() + ":" + std::to_string(src.begin.line) + ": " : r.at(&node);
        throw SceneError(where + "unknown action '" + name + "' in " + r.where() + didYouMean(name, kStepKeys) +
                         "; a step takes: " + joined(kStepKeys));
    }
}

// Reads `caption` and `caption_zh`, both required.
void readCaptions(const TableReader& r, LessonStep& step) {
    const bool en = r.readString("caption", step.caption) && !step.caption.empty();
    const bool zh = r.readString("caption_zh", step.caption_zh) && !step.caption_zh.empty();
    if (en && zh) return;
    const std::string missing = !en && !zh ? "captions in English (`caption`) and Chinese (`caption_zh`)"
                                : !en      ? "English caption: add caption = \"...\""
                                           : "Chinese caption: add caption_zh = \"...\"";
    throw SceneError(r.at(nullptr) + r.where() + " has no " + missing);
}

// `set` (with `set_run`, else every run): the parameters of a run, read as that run's own [[run]] keys.
void readSet(const TableReader& r, const SceneSpec& scene, LessonStep& step) {
    const toml::node* set = r.table().get("set");
    std::string run_name;
    const bool named = r.readString("set_run", run_name);
    if (!set) {
        if (named) r.fail("set_run", "names the run of a `set` table, but this step has none");
        return;
    }
    if (!set->is_table()) r.fail("set", "expected a table of run parameters, e.g. set = { d_lr = 0.001 }, got " + describeType(*set));
    const toml::table& table = *set->as_table();
    if (named) step.set_runs = {runNamed(r, "set_run", run_name, scene)};
    else
        for (size_t i = 0; i < scene.runs.size(); ++i) step.set_runs.push_back(static_cast<int>(i));
    for (int index : step.set_runs) {
        RunSpec& run = step.runs[static_cast<size_t>(index)];
        const TableReader setter(table, "`set` of " + r.where() + " (run '" + run.name + "')", r.file());
        const std::vector<std::string> allowed = parameterKeys(run);
        for (const auto& [key, node] : table) {
            const std::string name(key.str());
            const std::string where = setter.at(&node);
            if (isIdentityKey(name))
                throw SceneError(where + "`set` of " + r.where() + " cannot change '" + name +
                                 "': a lesson tunes runs; give the run its own [[run]] table instead");
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                throw SceneError(where + "`set` of " + r.where() + ": run '" + run.name + "' is a " +
                                 runKindNames()[static_cast<size_t>(kindOf(run))] + " run, which has no parameter '" +
                                 name + "'" + didYouMean(name, allowed) +
                                 (named ? "" : " (without `set_run` the step sets every run; name one with set_run = \"...\")"));
        }
        applyRunKeys(setter, run);
    }
}

// "modes_covered <= 2" into the rule; fails on `when` when it does not read so.
void readWhen(const TableReader& r, const std::string& text, AdvanceRule& rule) {
    const char* example = "expected \"METRIC OP VALUE\" with OP one of <, <=, >, >=, e.g. \"modes_covered <= 2\"";
    for (const auto& [symbol, compare] : kCompareOps) {
        const size_t at = text.find(symbol);
        if (at == std::string::npos) continue;
        std::istringstream left(text.substr(0, at)), right(text.substr(at + std::string(symbol).size()));
        std::string metric, rest;
        double value = 0;
        if (!(left >> metric) || (left >> rest) || !(right >> value) || (right >> rest) || !std::isfinite(value))
            r.fail("when", std::string(example) + ", got \"" + text + "\"");
        rule.metric = metric;
        rule.compare = compare;
        rule.value = value;
        return;
    }
    r.fail("when", std::string(example) + ", got \"" + text + "\"");
}

// The advance rule: `at_step`, or `when` on run `run` (else the first run), or a click; `hold` for recordings.
void readAdvance(const TableReader& r, const SceneSpec& scene, LessonStep& step) {
    AdvanceRule& rule = step.advance;
    std::string when, run_name;
    const bool at = r.readInt("at_step", rule.at_step, Range{1, 1e12, false, false, "1..1000000000000"});
    const bool watched = r.readString("when", when);
    const bool named = r.readString("run", run_name);
    r.readNumber("hold", rule.hold_seconds, Range{0, 600, false, false, "0..600 seconds"});
    if (at && watched) r.fail("when", "a step has one advance rule: `at_step` or `when`, not both");
    if (named && !watched) r.fail("run", "names the run a `when` rule watches, but this step has no `when`");
    if (at) rule.kind = AdvanceRule::Kind::AtStep;
    if (watched) {
        rule.kind = AdvanceRule::Kind::When;
        readWhen(r, when, rule);
        rule.run = named ? runNamed(r, "run", run_name, scene) : 0;
        const RunSpec& run = step.runs[static_cast<size_t>(rule.run)];
        const std::vector<std::string> metrics = metricsOf(scene, run);
        if (std::find(metrics.begin(), metrics.end(), rule.metric) == metrics.end())
            r.fail("when", "run '" + run.name + "' does not record the metric '" + rule.metric + "'" +
                               didYouMean(rule.metric, metrics) + "; it records: " + joined(metrics) +
                               (named ? "" : " (the rule watches the first run unless `run` names another)"));
    }
    if ((at || watched) && !step.playing)
        r.fail(at ? "at_step" : "when", "waits for training, but training is paused during this step: add play = true");
}

// The step's actions onto `step`, whose state fields hold the previous step's state.
void readActions(const TableReader& r, const SceneSpec& scene, LessonStep& step) {
    bool play = false, pause = false;
    r.readBool("play", play);
    r.readBool("pause", pause);
    if (play && pause) r.fail("pause", "a step cannot both play and pause");
    step.transport = play ? Transport::Play : pause ? Transport::Pause : Transport::Keep;
    if (step.transport != Transport::Keep) step.playing = play;
    r.readInt("run_to_step", step.run_to_step, Range{1, 1e12, false, false, "1..1000000000000"});
    std::vector<std::string> show, hide;
    r.readChoices("show", layerNames(), show);
    r.readChoices("hide", layerNames(), hide);
    setLayers(step.display.layers, show, true);
    setLayers(step.display.layers, hide, false);
    int curves = -1;
    if (r.readChoice("curves", curveNames(), curves)) step.display.curves = curves > 0 ? curveNames()[static_cast<size_t>(curves)] : "";
    std::string focus;
    step.focus = r.readString("focus", focus) ? runNamed(r, "focus", focus, scene) : -1;
    readSet(r, scene, step);
    r.readBool("reset", step.reset);
    int64_t seed = 0;
    if (r.readInt("reseed", seed, Range{0, 1e18, false, false, ">= 0"})) {
        step.reseed = true;
        step.seed = static_cast<uint64_t>(seed);
        step.scene_seed = step.seed;
    }
    r.readInt("checkpoint", step.checkpoint, Range{0, 1e12, false, false, "0..1000000000000"});
    r.readInt("d_steps", step.d_steps, Range{1, 1000, false, false, "1..1000"});
    r.readInt("g_steps", step.g_steps, Range{1, 1000, false, false, "1..1000"});
    if (step.checkpoint >= 0 && (step.reset || step.reseed))
        r.fail("checkpoint", "a step that resets has no checkpoints to go back to: drop `reset` / `reseed` or `checkpoint`");
}

}  // namespace

std::shared_ptr<const LessonSpec> parseLesson(const toml::node& node, const SceneSpec& scene, const std::string& file) {
    if (!node.is_table())
        throw SceneError(file + ":" + std::to_string(node.source().begin.line) +
                         ": `lesson` must hold [[lesson.step]] tables, got " + describeType(node));
    const TableReader lesson(*node.as_table(), "[lesson]", file);
    lesson.rejectUnknown({"step"});
    const toml::node* steps = node.as_table()->get("step");
    if (!steps) throw SceneError(lesson.at(nullptr) + "[lesson] has no steps: add [[lesson.step]] tables with a caption each");
    const toml::array* arr = steps->as_array();
    if (!arr || !arr->is_array_of_tables() || arr->empty())
        lesson.fail("step", "expected [[lesson.step]] tables (an array of tables)");
    auto spec = std::make_shared<LessonSpec>();
    LessonStep state;  // the state before the first step: the scene as loaded, paused
    state.display = scene.display;
    state.runs = scene.runs;
    state.scene_seed = scene.seed;
    for (size_t i = 0; i < arr->size(); ++i) {
        const toml::table& t = *(*arr)[i].as_table();
        const TableReader r(t, "[[lesson.step]] #" + std::to_string(i + 1), file);
        LessonStep step;
        step.display = state.display;
        step.runs = state.runs;
        step.scene_seed = state.scene_seed;
        step.playing = state.playing;
        step.line = static_cast<int>(t.source().begin.line);
        rejectUnknownActions(r);
        readCaptions(r, step);
        readActions(r, scene, step);
        readAdvance(r, scene, step);
        state = step;
        spec->steps.push_back(std::move(step));
    }
    return spec;
}

}  // namespace ganarium::detail
