// cli_train_test.cpp — `ganarium train` as a real process: metrics files in
// both formats, fail-fast on bad paths and options, Ctrl-C and SIGTERM,
// --force and symbolic links, the diverged run's step and reason.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "cli_process.h"
#include "mini_json.h"

using namespace ganarium::test;

namespace {

// 1D Gaussian, small nets, 2 runs, 60 steps, metrics every 20.
const char* kTinyScene = R"(
[scene]
title = "CLI test: tiny 1D"
seed = 3
steps = 60
metrics_every = 20
threads = 1

[data]
family = "gaussian"
mean = 1.0
std = 0.5

[defaults]
latent_dim = 2
batch = 64
g_hidden = [16]
d_hidden = [16]
g_lr = 1e-3
d_lr = 1e-3

[[run]]
name = "Standard, \"quoted\""
objective = "non_saturating"

[[run]]
name = "WGAN-GP"
objective = "wasserstein"
lipschitz = "gp"
)";

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

// `ganarium train default ARGS --metrics JSON`, sent SIGNAL (INT or TERM) 2 s after training has started (the
// "Runs:" line is flushed just before the signal handlers go in: no fixed start-up delay); its log and exit code.
ProcessResult interruptedTrain(const std::string& signal, const std::string& args, const std::string& json_path,
                               const std::string& log_path) {
    return runShell("OPENBLAS_NUM_THREADS=1 " + shellQuote(ganariumBinary()) + " train default " + args +
                    " --metrics " + shellQuote(json_path) + " > " + shellQuote(log_path) + " 2>&1 & pid=$!; " +
                    "for i in $(seq 1 600); do grep -q '^Runs:' " + shellQuote(log_path) + " && break; sleep 0.1; done; " +
                    "sleep 2; kill -" + signal + " $pid; wait $pid; code=$?; cat " + shellQuote(log_path) + "; exit $code");
}

}  // namespace

TEST_CASE("train writes a JSON metrics file of the documented shape") {
    ScratchDir dir;
    const std::string scene = dir.write("tiny.toml", kTinyScene);
    const std::string json_path = dir.file("m.json");
    const ProcessResult r = runGanarium("train " + shellQuote(scene) + " --metrics " + shellQuote(json_path));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("BLAS:") != std::string::npos);
    CHECK(r.output.find("WGAN-GP") != std::string::npos);      // the final table names each run
    CHECK(r.output.find("loss_d") != std::string::npos);       // ... with its metric columns
    CHECK(r.output.find("modes_covered") == std::string::npos);  // undefined for a 1D Gaussian: no column

    const std::string text = readText(json_path);
    INFO(text);
    CHECK(text.find("NaN") == std::string::npos);
    CHECK(text.find("nan") == std::string::npos);
    const Json doc = JsonReader(text).parseDocument();
    CHECK(doc.at("scene").string == "CLI test: tiny 1D");
    CHECK(doc.at("seed").number == 3);
    const auto& runs = doc.at("runs").array;
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].at("name").string == "Standard, \"quoted\"");
    CHECK(runs[0].at("objective").string == "non_saturating");
    CHECK(runs[1].at("objective").string == "wasserstein");
    CHECK(runs[1].at("lipschitz").string == "gp");
    for (const Json& run : runs) {
        const std::string status = run.at("status").string;
        CHECK((status == "ok" || status == "diverged"));
        const auto& series = run.at("series").array;
        REQUIRE(series.size() >= 3);
        CHECK(series.back().at("step").number == 60);
        double previous = -1;
        for (const Json& point : series) {
            const double step = point.at("step").number;
            CHECK(step > previous);
            CHECK(std::fmod(step, 20.0) == 0);
            previous = step;
            // losses are averaged over the steps since the last evaluation: maybe none at step 0
            if (step > 0) CHECK(point.at("loss_d").type == Json::Type::Number);
            CHECK(point.at("js").type == Json::Type::Number);
            CHECK(point.at("modes_covered").type == Json::Type::Null);  // NaN -> null (not a mixture)
        }
    }
}

TEST_CASE("train writes a CSV metrics file with one row per run and step") {
    ScratchDir dir;
    const std::string scene = dir.write("tiny.toml", kTinyScene);
    const std::string csv_path = dir.file("m.csv");
    const ProcessResult r = runGanarium("train " + shellQuote(scene) + " --steps 40 --every 10 --seed 5 --metrics " +
                                        shellQuote(csv_path));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto rows = lines(readText(csv_path));
    REQUIRE(rows.size() >= 2);
    CHECK(rows[0].rfind("run,objective,step,", 0) == 0);
    CHECK(rows[0].find("loss_d") != std::string::npos);
    int ns_rows = 0, gp_rows = 0, last_step_rows = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (rows[i].rfind("\"Standard, \"\"quoted\"\"\",non_saturating,", 0) == 0) ++ns_rows;
        if (rows[i].rfind("WGAN-GP,wasserstein,", 0) == 0) ++gp_rows;
        if (rows[i].find(",wasserstein,40,") != std::string::npos ||
            rows[i].find(",non_saturating,40,") != std::string::npos)
            ++last_step_rows;
    }
    CHECK(ns_rows >= 4);  // steps 10, 20, 30, 40 (and 0 if evaluated at the start)
    CHECK(ns_rows == gp_rows);
    CHECK(ns_rows + gp_rows == static_cast<int>(rows.size()) - 1);
    CHECK(last_step_rows == 2);
}

TEST_CASE("train is reproducible: same scene and seed give the same metrics file") {
    ScratchDir dir;
    const std::string scene = dir.write("tiny.toml", kTinyScene);
    auto metricsFor = [&](const std::string& name, const std::string& seed) {
        const ProcessResult r = runGanarium("train " + shellQuote(scene) + " --steps 40 --seed " + seed +
                                            " --metrics " + shellQuote(dir.file(name)));
        INFO(r.output);
        CHECK(r.exit_code == 0);
        return readText(dir.file(name));
    };
    const std::string first = metricsFor("a.csv", "11");
    const std::string again = metricsFor("b.csv", "11");
    const std::string other = metricsFor("c.csv", "12");
    CHECK(!first.empty());
    CHECK(first == again);
    CHECK(first != other);
}

TEST_CASE("a diverged run is flagged in the table and the JSON, and the command still succeeds") {
    // An unconstrained critic under SGD with lr 10 blows up within a few steps; the second run is sane.
    ScratchDir dir;
    const std::string scene = dir.write("diverge.toml", R"(
[scene]
title = "diverge"
steps = 100
metrics_every = 20
threads = 1
[data]
family = "gaussian"
mean = 3.0
std = 0.5
[defaults]
g_hidden = [16]
d_hidden = [16]
optimizer = "sgd"
g_lr = 10.0
d_lr = 10.0
[[run]]
name = "Unconstrained critic"
objective = "wasserstein"
[[run]]
name = "Sane"
objective = "non_saturating"
g_lr = 1e-3
d_lr = 1e-3
)");
    const std::string json_path = dir.file("d.json");
    const ProcessResult r = runGanarium("train " + shellQuote(scene) + " --metrics " + shellQuote(json_path));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("Unconstrained critic: DIVERGED at step ") != std::string::npos);
    const Json doc = JsonReader(readText(json_path)).parseDocument();
    REQUIRE(doc.at("runs").array.size() == 2);
    const Json& diverged = doc.at("runs").array[0];
    CHECK(diverged.at("status").string == "diverged");
    CHECK(diverged.at("diverged_reason").string.find("in loss_d") != std::string::npos);  // NaN or Inf
    const double diverged_step = diverged.at("diverged_step").number;
    CHECK(diverged_step < 100);
    // The reason names the same step ("... at step N"), and the table says it too.
    CHECK(diverged.at("diverged_reason").string.find("at step " + std::to_string(static_cast<int>(diverged_step))) !=
          std::string::npos);
    CHECK(r.output.find("DIVERGED at step " + std::to_string(static_cast<int>(diverged_step))) != std::string::npos);
    CHECK(doc.at("runs").array[1].at("status").string == "ok");
    CHECK_FALSE(doc.at("runs").array[1].has("diverged_step"));
    CHECK(doc.at("runs").array[1].at("series").array.back().at("step").number == 100);
}

TEST_CASE("train refuses an unwritable metrics path before training") {
    ScratchDir dir;
    const std::string bad = dir.file("no/such/dir/m.json");
    const ProcessResult r = runGanarium("train default --steps 100000 --metrics " + shellQuote(bad));
    INFO(r.output);
    CHECK(r.exit_code != 0);
    CHECK(r.output.find("cannot write the metrics file") != std::string::npos);
    CHECK(r.output.find(bad) != std::string::npos);
    CHECK(r.output.find("BLAS:") == std::string::npos);  // failed before any training set-up
    CHECK(r.seconds < 20);

    const ProcessResult ext = runGanarium("train default --metrics " + shellQuote(dir.file("m.txt")));
    CHECK(ext.exit_code != 0);
    CHECK(ext.output.find(".json or .csv") != std::string::npos);
}

TEST_CASE("train suggests the nearest option for a misspelt one") {
    const ProcessResult r = runGanarium("train default --stpes 10");
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("unknown option --stpes") != std::string::npos);
    CHECK(r.output.find("did you mean --steps?") != std::string::npos);
    CHECK(r.output.find("--metrics") != std::string::npos);  // lists the valid ones
}

TEST_CASE("train explains a missing scene file and a bad option value") {
    const ProcessResult r = runGanarium("train /nonexistent/scene.toml");
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("/nonexistent/scene.toml") != std::string::npos);
    CHECK(r.output.find("not found") != std::string::npos);

    const ProcessResult v = runGanarium("train default --steps ten");
    CHECK(v.exit_code == 2);
    CHECK(v.output.find("--steps must be a whole number") != std::string::npos);
}

TEST_CASE("Ctrl-C stops training early and still writes the table and the metrics") {
    ScratchDir dir;
    const std::string json_path = dir.file("interrupted.json");
    const ProcessResult r = interruptedTrain("INT", "--steps 1000000 --every 10", json_path, dir.file("train.log"));
    INFO(r.output);
    CHECK(r.exit_code == 130);
    CHECK(r.output.find("Interrupted at step") != std::string::npos);
    CHECK(r.output.find("WGAN-GP") != std::string::npos);
    const Json doc = JsonReader(readText(json_path)).parseDocument();
    REQUIRE(doc.at("runs").array.size() == 2);
    CHECK(!doc.at("runs").array[0].at("series").array.empty());
}

TEST_CASE("SIGTERM stops training between steps and still writes a complete metrics file (exit 143)") {
    ScratchDir dir;
    const std::string json_path = dir.file("terminated.json");
    // The file holds the evaluations so far plus a final one at the step where the signal stopped training.
    const ProcessResult r = interruptedTrain("TERM", "--steps 100000000 --every 50", json_path, dir.file("train.log"));
    INFO(r.output);
    CHECK(r.exit_code == 143);
    CHECK(r.output.find("Interrupted at step") != std::string::npos);
    CHECK(r.output.find("SIGTERM") != std::string::npos);
    const std::string text = readText(json_path);
    INFO(text);
    const Json doc = JsonReader(text).parseDocument();
    CHECK(doc.at("interrupted").boolean);
    REQUIRE(doc.at("runs").array.size() == 2);
    for (const Json& run : doc.at("runs").array) {
        const auto& series = run.at("series").array;
        REQUIRE(series.size() >= 2);  // step 0 and where it stopped
        CHECK(series.back().at("step").number > 0);
    }
    // Only the finished file is left: no temporary file next to it.
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.file(""))) files += entry.is_regular_file();
    CHECK(files == 2);  // train.log and terminated.json
}

TEST_CASE("train refuses to replace a metrics file without --force and never writes through a link") {
    ScratchDir dir;
    const std::string scene = dir.write("tiny.toml", kTinyScene);
    const std::string existing = dir.write("m.json", "{\"old\": true}");
    const ProcessResult refused =
        runGanarium("train " + shellQuote(scene) + " --steps 20 --metrics " + shellQuote(existing));
    INFO(refused.output);
    CHECK(refused.exit_code == 2);
    CHECK(refused.output.find("already exists") != std::string::npos);
    CHECK(refused.output.find("--force") != std::string::npos);
    CHECK(refused.output.find("BLAS:") == std::string::npos);  // before any training
    CHECK(readText(existing) == "{\"old\": true}");

    const ProcessResult forced =
        runGanarium("train " + shellQuote(scene) + " --steps 20 --metrics " + shellQuote(existing) + " --force");
    INFO(forced.output);
    CHECK(forced.exit_code == 0);
    CHECK(JsonReader(readText(existing)).parseDocument().at("runs").array.size() == 2);

    const std::string victim = dir.write("victim.txt", "precious");
    std::filesystem::create_symlink(victim, dir.file("link.json"));
    const ProcessResult linked = runGanarium("train " + shellQuote(scene) + " --steps 20 --metrics " +
                                             shellQuote(dir.file("link.json")) + " --force");
    INFO(linked.output);
    CHECK(linked.exit_code == 2);
    CHECK(linked.output.find("symbolic link") != std::string::npos);
    CHECK(readText(victim) == "precious");
}
