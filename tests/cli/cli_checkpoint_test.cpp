// cli_checkpoint_test.cpp — `ganarium train --checkpoint-dir DIR` then
// `--resume DIR` ends with the same metrics file, byte for byte, as one
// uninterrupted `train` (toy and image scenes, same thread count), and a
// bad --resume folder is refused with the fix.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "cli_process.h"
#include "cli_scenes.h"

using namespace ganarium::test;

namespace {

// Two small toy runs on a ring, checkpoints every 20, metrics every 10.
const char* kToyScene = R"(
[scene]
title = "CLI test: resume"
seed = 5
steps = 60
metrics_every = 10
checkpoint_every = 20
threads = 2

[data]
family = "ring"

[defaults]
batch = 64
latent_dim = 2
g_hidden = [16, 16]
d_hidden = [16, 16]

[[run]]
name = "NS"
objective = "non_saturating"

[[run]]
name = "WGAN-GP"
objective = "wasserstein"
lipschitz = "gp"
)";

// The tiny image scene, checkpoints every 2 steps.
const std::string kImageScene = tinyImageScene("CLI test: resume images", 8, 3, "checkpoint_every = 2\n");

// Trains `scene_text` to `split` steps with checkpoints, resumes to `total`, and compares with one straight run.
void checkResumeMatches(const std::string& scene_text, int split, int total) {
    ScratchDir dir;
    const std::string scene = dir.write("scene.toml", scene_text);
    const std::string ckpt = dir.file("ckpt");
    const std::string common = "train " + shellQuote(scene) + " --no-image-metrics ";
    const ProcessResult first = runGanarium(common + "--steps " + std::to_string(split) + " --checkpoint-dir " + shellQuote(ckpt));
    INFO(first.output);
    REQUIRE(first.exit_code == 0);
    CHECK(first.output.find("Checkpoints in " + ckpt) != std::string::npos);
    CHECK(std::filesystem::is_directory(ckpt + "/01-ns"));

    const ProcessResult resumed = runGanarium(common + "--steps " + std::to_string(total) + " --resume " + shellQuote(ckpt) +
                                              " --metrics " + shellQuote(dir.file("resumed.json")));
    INFO(resumed.output);
    REQUIRE(resumed.exit_code == 0);
    CHECK(resumed.output.find("Loaded 2 runs at step " + std::to_string(split)) != std::string::npos);
    char last[64];
    std::snprintf(last, sizeof last, "/01-ns/step-%06d/checkpoint.toml", total);
    CHECK(std::filesystem::is_regular_file(ckpt + last));  // the resumed run keeps writing into the folder

    const ProcessResult straight = runGanarium(common + "--steps " + std::to_string(total) + " --metrics " +
                                               shellQuote(dir.file("straight.json")));
    REQUIRE(straight.exit_code == 0);
    const std::string a = readText(dir.file("resumed.json")), b = readText(dir.file("straight.json"));
    CHECK(a.size() > 200);
    CHECK(a == b);
}

}  // namespace

TEST_CASE("train --resume continues toy runs to the same metrics file as an uninterrupted train") {
    checkResumeMatches(kToyScene, 30, 60);  // 30 is not on the checkpoint cadence: the last step is saved at the end
}

TEST_CASE("train --resume continues image runs to the same metrics file as an uninterrupted train") {
    checkResumeMatches(kImageScene, 5, 8);
}

TEST_CASE("train --resume refuses a folder without checkpoints, naming it") {
    ScratchDir dir;
    const std::string scene = dir.write("scene.toml", kToyScene);
    const ProcessResult r = runGanarium("train " + shellQuote(scene) + " --steps 5 --resume " + shellQuote(dir.file("none")));
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("no folder " + dir.file("none")) != std::string::npos);
    CHECK(r.output.find("--checkpoint-dir") != std::string::npos);
}

TEST_CASE("SIGTERM with --checkpoint-dir saves the step where training stopped, and --resume starts there") {
    ScratchDir dir;
    const std::string ckpt = dir.file("ckpt");
    const std::string log_path = dir.file("train.log");
    const ProcessResult r = runShell(
        "OPENBLAS_NUM_THREADS=1 " + shellQuote(ganariumBinary()) + " train default --steps 100000000 --checkpoint-every 1000000 "
        "--checkpoint-dir " + shellQuote(ckpt) + " > " + shellQuote(log_path) + " 2>&1 & pid=$!; "
        "for i in $(seq 1 600); do grep -q '^Runs:' " + shellQuote(log_path) + " && break; sleep 0.1; done; "
        "sleep 2; kill -TERM $pid; wait $pid; code=$?; cat " + shellQuote(log_path) + "; exit $code");
    INFO(r.output);
    CHECK(r.exit_code == 143);
    CHECK(r.output.find("Checkpoints in " + ckpt) != std::string::npos);
    for (const auto& run : std::filesystem::directory_iterator(ckpt)) {
        int steps = 0;
        for (const auto& step : std::filesystem::directory_iterator(run.path()))
            steps += std::filesystem::is_regular_file(step.path() / "checkpoint.toml");
        CHECK(steps == 2);  // step 0 and the step where SIGTERM stopped it
    }
    const ProcessResult resumed = runGanarium("train default --steps 1 --resume " + shellQuote(ckpt));
    INFO(resumed.output);
    CHECK(resumed.exit_code == 0);
    CHECK(resumed.output.find("Loaded 2 runs at step ") != std::string::npos);
    CHECK(resumed.output.find("Loaded 2 runs at step 0") == std::string::npos);
}
