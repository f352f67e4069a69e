// app_follow_window_test.cpp — the real `ganarium follow DIR` under Xvfb:
// a missing folder is a clear error (exit 2) before any window; an empty one
// waits for the first checkpoint; following a finished toy or image run
// shows its newest checkpoint and leaves every file of DIR as it was; and a
// folder being written (checkpoints copied in while it runs, one of them
// file by file) shows each new step: the log says so, and the run panels'
// pixels change.
#include <doctest/doctest.h>

#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "app_window_fixture.h"
#include "cli/cli_scenes.h"
#include "shell_command.h"

using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

// Two small toy runs on a ring: checkpoints at 0, 100, 200 (after `train --steps 200`).
const char* kToyScene = R"(
[scene]
title = "Follow test"
seed = 7
steps = 200
metrics_every = 20
checkpoint_every = 100
threads = 1

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
name = "Hinge"
objective = "hinge"
)";

// The ganarium binary (ctest sets GANARIUM_BIN), single-quoted for the shell.
std::string binary() {
    const char* bin = std::getenv("GANARIUM_BIN");
    REQUIRE_MESSAGE(bin != nullptr, "GANARIUM_BIN is not set (ctest sets it)");
    return "'" + std::string(bin) + "'";
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// Trains `scene_text` (written to DIR/scene.toml) with checkpoints in DIR/ckpt; returns that folder.
fs::path trainWithCheckpoints(const fs::path& dir, const std::string& scene_text, int steps) {
    std::ofstream(dir / "scene.toml") << scene_text;
    const ShellResult r = runShell("OPENBLAS_NUM_THREADS=1 " + binary() + " train " + quoted(dir / "scene.toml") +
                                   " --no-image-metrics --steps " + std::to_string(steps) + " --checkpoint-dir " +
                                   quoted(dir / "ckpt"));
    REQUIRE_MESSAGE(r.code == 0, r.output);
    return dir / "ckpt";
}

// Every entry under `dir`: its kind, size, modification time and content, by relative path.
std::map<std::string, std::string> fingerprint(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        std::ostringstream line;
        line << (entry.is_directory() ? "dir " : "file ") << fs::last_write_time(entry.path()).time_since_epoch().count();
        if (entry.is_regular_file()) {
            std::ifstream in(entry.path(), std::ios::binary);
            line << ' ' << entry.file_size() << ' ' << std::hash<std::string>{}(std::string(std::istreambuf_iterator<char>(in), {}));
        }
        out[fs::relative(entry.path(), dir).string()] = line.str();
    }
    return out;
}

// Share of pixels of the run panels (right of the controls, above the status line) that differ between two PNGs.
double panelDifference(const fs::path& a, const fs::path& b) {
    int wa = 0, ha = 0, wb = 0, hb = 0, channels = 0;
    unsigned char* pa = stbi_load(a.string().c_str(), &wa, &ha, &channels, 3);
    unsigned char* pb = stbi_load(b.string().c_str(), &wb, &hb, &channels, 3);
    double share = -1;
    if (pa && pb && wa == wb && ha == hb) {
        long differing = 0, total = 0;
        for (int y = ha / 10; y < ha * 85 / 100; ++y) {
            for (int x = wa * 35 / 100; x < wa; ++x, ++total) {
                const unsigned char* p = pa + (static_cast<long>(y) * wa + x) * 3;
                const unsigned char* q = pb + (static_cast<long>(y) * wa + x) * 3;
                if (std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]) > 40) ++differing;
            }
        }
        share = static_cast<double>(differing) / static_cast<double>(total);
    }
    if (pa) stbi_image_free(pa);
    if (pb) stbi_image_free(pb);
    return share;
}

}  // namespace

TEST_CASE("follow: a missing folder, a file or no folder at all is a clear error before any window") {
    const fs::path dir = freshTempDir("ganarium-follow", "missing");
    const ShellResult missing = runShell("env -u DISPLAY " + binary() + " follow " + quoted(dir / "nowhere"));
    CHECK(missing.code == 2);
    CHECK(missing.output.find("no folder " + (dir / "nowhere").string()) != std::string::npos);
    CHECK(missing.output.find("--checkpoint-dir") != std::string::npos);
    CHECK(missing.output.find("no display") == std::string::npos);
    std::ofstream(dir / "file.txt") << "x";
    const ShellResult file = runShell("env -u DISPLAY " + binary() + " follow " + quoted(dir / "file.txt"));
    CHECK(file.code == 2);
    CHECK(file.output.find("is not a folder") != std::string::npos);
    const ShellResult none = runShell("env -u DISPLAY " + binary() + " follow");
    CHECK(none.code == 2);
    CHECK(none.output.find("expected one checkpoint folder") != std::string::npos);
    const ShellResult training_option = runShell(binary() + " follow " + quoted(dir) + " --paused");
    CHECK(training_option.code == 2);
    CHECK_FALSE(fs::exists(dir / "nowhere"));
    fs::remove_all(dir);
}

TEST_CASE("follow: an empty folder waits for the first checkpoint") {
    const fs::path dir = freshTempDir("ganarium-follow", "empty");
    const ShellResult r = runShell(binary() + " follow " + quoted(dir) + " --frames 20 --screenshot " + quoted(dir / "../follow-empty.png"));
    CHECK_MESSAGE(r.code == 0, r.output);
    CHECK(r.output.find("follow: waiting for the first checkpoint in " + dir.string()) != std::string::npos);
    CHECK(fs::is_empty(dir));
    fs::remove(dir / "../follow-empty.png");
    fs::remove_all(dir);
}

TEST_CASE("follow shows a finished run's newest checkpoint and leaves every file of DIR as it was") {
    const fs::path dir = freshTempDir("ganarium-follow", "readonly");
    const fs::path ckpt = trainWithCheckpoints(dir, kToyScene, 200);
    const auto before = fingerprint(ckpt);
    CHECK(before.size() == 2 + 2 * 3 * 5);  // 2 run folders, each with 3 step folders of 4 files
    const ShellResult r = runShell("OPENBLAS_NUM_THREADS=1 " + binary() + " follow " + quoted(ckpt) +
                                   " --frames 90 --screenshot " + quoted(dir / "shot.png"));
    REQUIRE_MESSAGE(r.code == 0, r.output);
    CHECK(r.output.find("follow: checkpoint step 200 (of 3 found)") != std::string::npos);
    CHECK(fs::file_size(dir / "shot.png") > 10000);
    CHECK(fingerprint(ckpt) == before);
    fs::remove_all(dir);
}

TEST_CASE("follow shows an image run's checkpoint (grids and curves from the folder)") {
    const fs::path dir = freshTempDir("ganarium-follow", "image");
    // The CLI tests' two tiny DCGANs, a checkpoint every 2 steps.
    const std::string scene = tinyImageScene("Follow test: images", 4, 2, "checkpoint_every = 2\n");
    const fs::path ckpt = trainWithCheckpoints(dir, scene, 4);
    const auto before = fingerprint(ckpt);
    const ShellResult r = runShell("OPENBLAS_NUM_THREADS=1 " + binary() + " follow " + quoted(ckpt) +
                                   " --frames 120 --screenshot " + quoted(dir / "image.png"));
    REQUIRE_MESSAGE(r.code == 0, r.output);
    CHECK(r.output.find("follow: checkpoint step 4 (of 3 found)") != std::string::npos);
    CHECK(fingerprint(ckpt) == before);
    fs::remove_all(dir);
}

TEST_CASE("follow on a folder being written shows each new checkpoint, waiting out one still arriving") {
    const fs::path dir = freshTempDir("ganarium-follow", "growing");
    const fs::path source = trainWithCheckpoints(dir, kToyScene, 200);
    const fs::path followed = dir / "followed";
    // The folder so far: step 0 of both runs.
    for (const auto& run : fs::directory_iterator(source)) {
        fs::create_directories(followed / run.path().filename());
        fs::copy(run.path() / "step-000000", followed / run.path().filename() / "step-000000");
    }
    const ShellResult first = runShell("OPENBLAS_NUM_THREADS=1 " + binary() + " follow " + quoted(followed) +
                                       " --frames 90 --screenshot " + quoted(dir / "step0.png"));
    REQUIRE_MESSAGE(first.code == 0, first.output);
    CHECK(first.output.find("follow: checkpoint step 0 (of 1 found)") != std::string::npos);

    // While a second follow runs, step 200 arrives file by file: headers and scenes first, the state 3 s later.
    const std::string copy_step = "for run in " + quoted(source) + "/*/; do name=$(basename \"$run\"); "
                                  "mkdir -p " + quoted(followed) + "/$name/step-000200; ";
    const std::string script =
        "OPENBLAS_NUM_THREADS=1 " + binary() + " follow " + quoted(followed) + " --frames 330 --fps 30 --screenshot " +
        quoted(dir / "step200.png") + " > " + quoted(dir / "follow.log") + " 2>&1 & pid=$!; "
        "for i in $(seq 1 600); do grep -q 'checkpoint step 0 ' " + quoted(dir / "follow.log") + " && break; sleep 0.1; done; " +
        copy_step + "cp \"$run\"/step-000200/checkpoint.toml \"$run\"/step-000200/scene.toml " + quoted(followed) +
        "/$name/step-000200/; done; sleep 3; " + copy_step + "cp \"$run\"/step-000200/state.pt \"$run\"/step-000200/metrics.csv " +
        quoted(followed) + "/$name/step-000200/; done; wait $pid; code=$?; cat " + quoted(dir / "follow.log") + "; exit $code";
    const ShellResult second = runShell(script);
    INFO(second.output);
    REQUIRE(second.code == 0);
    const size_t at_zero = second.output.find("follow: checkpoint step 0 (of 1 found)");
    const size_t arriving = second.output.find("follow: step 200 cannot be shown yet");
    const size_t at_200 = second.output.find("follow: checkpoint step 200 (of 2 found)");
    CHECK(at_zero != std::string::npos);
    CHECK(arriving != std::string::npos);  // the poll saw the bare headers and waited
    REQUIRE(at_200 != std::string::npos);
    CHECK(at_zero < at_200);
    const double changed = panelDifference(dir / "step0.png", dir / "step200.png");
    MESSAGE("share of panel pixels changed from step 0 to step 200: " << changed);
    CHECK(changed > 0.01);
    fs::remove_all(dir);
}
