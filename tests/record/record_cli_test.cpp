// record_cli_test.cpp — `ganarium record` end to end through the built
// binary ($GANARIUM_BIN): H.264 output checked with ffprobe, two recordings
// of one scene and seed decoding to identical frames, GIF and PNG outputs,
// and the failure paths (no ffmpeg, unwritable output, Ctrl-C, disk full).
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <utility>

#include "record/record_test_support.h"

using namespace ganarium::test;

namespace {

// `ganarium record SCENE ARGS...` at `size` (320x180 unless given).
RunResult record(const std::string& scene, std::vector<std::string> args, const std::string& env_path = "",
                 const std::string& size = "320x180") {
    return runRecord(scene, std::move(args), env_path, size);
}

bool haveBinary() {
    if (!ganariumBinary().empty()) return true;
    MESSAGE("GANARIUM_BIN is not set: run through ctest, or set it to the built ganarium");
    return false;
}

}  // namespace

TEST_CASE("60 frames of a small scene become a 320x180 H.264 video with 60 frames") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    const RunResult r = record(dir.file("tiny.toml"), {"-o", dir.file("tiny.mp4"), "--frames", "60"});
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(probeVideo(dir.file("tiny.mp4")) == "h264,320,180,60");
    CHECK(r.output.find("60 frames") != std::string::npos);
}

TEST_CASE("the same scene and seed record to identical frames") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"), 11);
    // Panels only, large enough that the samples, field and manifold fill the frame.
    const std::vector<std::string> options = {"--frames", "30", "--steps-per-frame", "2", "--no-curves"};
    auto recordTo = [&](const std::string& name, std::vector<std::string> extra) {
        std::vector<std::string> args = {"-o", dir.file(name)};
        args.insert(args.end(), options.begin(), options.end());
        args.insert(args.end(), extra.begin(), extra.end());
        return record(dir.file("tiny.toml"), args, "", "480x270");
    };
    const RunResult a = recordTo("a.mp4", {});
    const RunResult b = recordTo("b.mp4", {});
    INFO(a.output);
    REQUIRE(a.exit_code == 0);
    REQUIRE(b.exit_code == 0);
    const std::string ha = frameHashes(dir.file("a.mp4")), hb = frameHashes(dir.file("b.mp4"));
    CHECK(std::count(ha.begin(), ha.end(), '\n') == 30);
    CHECK(ha == hb);
    CHECK(readFile(dir.file("a.mp4")) == readFile(dir.file("b.mp4")));  // even the files are byte-identical

    // A different seed trains differently, so the frames differ: the check above can fail.
    const RunResult c = recordTo("c.mp4", {"--seed", "12"});
    REQUIRE(c.exit_code == 0);
    CHECK(frameHashes(dir.file("c.mp4")) != ha);
}

TEST_CASE("GIF output and a PNG sequence") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    const RunResult r = record(dir.file("tiny.toml"),
                               {"-o", dir.file("tiny.gif"), "--frames", "12", "--png-dir", dir.file("frames")});
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(probeVideo(dir.file("tiny.gif")) == "gif,320,180,12");
    for (int i : {0, 11}) {
        char name[32];
        std::snprintf(name, sizeof name, "frames/frame_%05d.png", i);
        int w = 0, h = 0;
        REQUIRE(pngSize(dir.file(name), w, h));
        CHECK(w == 320);
        CHECK(h == 180);
    }
    CHECK_FALSE(fileExists(dir.file("frames/frame_00012.png")));
}

TEST_CASE("without ffmpeg on PATH: the package is named and no file is created") {
    REQUIRE(haveBinary());
    TempDir dir;
    TempDir empty_bin;
    writeTinyScene(dir.file("tiny.toml"));
    const RunResult r = record(dir.file("tiny.toml"), {"-o", dir.file("none.mp4"), "--frames", "5"}, empty_bin.path());
    INFO(r.output);
    CHECK(r.exit_code != 0);
    CHECK(r.output.find("apt-get install ffmpeg") != std::string::npos);
    CHECK_FALSE(fileExists(dir.file("none.mp4")));
}

TEST_CASE("an unwritable output path is refused before any work") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    const RunResult missing = record(dir.file("tiny.toml"), {"-o", dir.file("no/such/folder/out.mp4"), "--frames", "5"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.output.find("does not exist") != std::string::npos);
    CHECK(missing.output.find("Render:") == std::string::npos);  // nothing was rendered
    const RunResult folder = record(dir.file("tiny.toml"), {"-o", dir.path(), "--frames", "5"});
    CHECK(folder.exit_code == 2);
    CHECK(folder.output.find("cannot") != std::string::npos);
}

TEST_CASE("Ctrl-C stops at a frame boundary and leaves a playable video") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    const pid_t pid = startProgram({ganariumBinary(), "record", dir.file("tiny.toml"), "--size", "320x180", "-o",
                                    dir.file("cut.mp4"), "--frames", "100000", "--png-dir", dir.file("frames")},
                                   dir.file("log.txt"));
    REQUIRE(pid > 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!fileExists(dir.file("frames/frame_00020.png")) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(pid, SIGINT);
    const int code = waitProgram(pid);
    const std::string log = readFile(dir.file("log.txt"));
    INFO(log);
    CHECK(code == 130);
    CHECK(log.find("Interrupted after") != std::string::npos);
    const std::string probe = probeVideo(dir.file("cut.mp4"));
    REQUIRE(probe.rfind("h264,320,180,", 0) == 0);
    const int frames = std::stoi(probe.substr(std::string("h264,320,180,").size()));
    CHECK(frames >= 20);
    CHECK(frames < 100000);
}

TEST_CASE("a full disk is a clear error, not a crash") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    // A 12 KiB tmpfs fills after a few frames; mounting needs root (record_faults_test.cpp simulates a
    // full disk without root, with a file-size limit on ffmpeg).
    const std::string small = dir.file("small");
    REQUIRE(runProgram({"/bin/mkdir", small}).exit_code == 0);
    const bool mounted = ::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=12k") == 0;
    if (!mounted) {
        MESSAGE("skipped: cannot mount a small tmpfs here (not root?)");
        return;
    }
    const std::string out = small + "/full.mp4";
    const RunResult r = record(dir.file("tiny.toml"), {"-o", out, "--frames", "400"});
    const std::vector<std::string> left = folderEntries(small);
    ::umount(small.c_str());
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("No space left on device") != std::string::npos);
    CHECK(r.output.find("disk is full") != std::string::npos);
    // Less than a second of video fits: nothing playable, so nothing is left on the full disk.
    CHECK(r.output.find("No playable video was written") != std::string::npos);
    CHECK(left.empty());

    // PNG frames filling a small disk: a clear error, and the video so far is closed and playable.
    if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=200k") == 0) {
        const RunResult p = record(dir.file("tiny.toml"),
                                   {"-o", dir.file("kept.mp4"), "--png-dir", small + "/frames", "--frames", "100"});
        ::umount(small.c_str());
        INFO(p.output);
        CHECK(p.exit_code == 1);
        CHECK(p.output.find("cannot write") != std::string::npos);
        const std::string probe = probeVideo(dir.file("kept.mp4"));
        REQUIRE(probe.rfind("h264,320,180,", 0) == 0);
        const int frames = std::stoi(probe.substr(std::string("h264,320,180,").size()));
        CHECK(frames > 0);
        CHECK(frames < 100);
    }
}
