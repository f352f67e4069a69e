// record_faults_test.cpp — `ganarium record` when things go wrong, through
// the built binary with a fake `ffmpeg` first on PATH: a full disk (the
// encoding ffmpeg runs under a small RLIMIT_FSIZE with SIGXFSZ ignored, so
// its writes fail with EFBIG as on a full file system), ffmpeg killed
// mid-way (mp4 and GIF), an ffmpeg that never reads (timeout and Ctrl-C),
// Ctrl-C during a long training frame, and outputs that must not be
// overwritten or written through a symbolic link.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <utility>

#include "record/record_test_support.h"

using namespace ganarium::test;

namespace {

using Clock = std::chrono::steady_clock;

// `ganarium record SCENE --size 320x180 ARGS...` with `env_path` as $PATH when given.
RunResult record(const std::string& scene, std::vector<std::string> args, const std::string& env_path = "") {
    return runRecord(scene, std::move(args), env_path);
}

bool haveBinary() {
    if (!ganariumBinary().empty()) return true;
    MESSAGE("GANARIUM_BIN is not set: run through ctest, or set it to the built ganarium");
    return false;
}

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Waits until `path` contains `text` (or `seconds` pass); true when it does.
bool waitForText(const std::string& path, const std::string& text, double seconds) {
    const auto start = Clock::now();
    while (secondsSince(start) < seconds) {
        if (readFile(path).find(text) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

// The folder's entries that are not `keep` (temporary files left behind, for instance).
std::vector<std::string> entriesBesides(const std::string& dir, const std::vector<std::string>& keep) {
    std::vector<std::string> out;
    for (const auto& name : folderEntries(dir))
        if (std::find(keep.begin(), keep.end(), name) == keep.end()) out.push_back(name);
    return out;
}

}  // namespace

TEST_CASE("a full disk during an mp4 recording leaves a playable video and says so") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    // 600 blocks of 512 bytes (dash's unit): ~300 KB, a few seconds of this scene at 10 fps.
    FakeFfmpeg ffmpeg("", "trap '' XFSZ\nulimit -f 600");
    const RunResult r = record(dir.file("tiny.toml"), {"-o", dir.file("full.mp4"), "--frames", "3000", "--fps", "10"},
                               ffmpeg.searchPath());
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("File too large") != std::string::npos);  // ffmpeg's own words for EFBIG
    CHECK(r.output.find("disk is full") != std::string::npos);
    CHECK(r.output.find("fragmented MP4") != std::string::npos);
    const int frames = decodedFrames(dir.file("full.mp4"));
    CHECK(frames >= 10);
    CHECK(frames < 3000);
    CHECK(entriesBesides(dir.path(), {"tiny.toml", "full.mp4"}).empty());
}

TEST_CASE("ffmpeg killed mid-way: the mp4 holds the seconds recorded; the GIF is made from what was kept") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    // The encoding ffmpeg is killed 3 s after it starts; the short final runs are not touched.
    FakeFfmpeg ffmpeg("(sleep 3; kill -9 $$) &");
    const RunResult mp4 = record(dir.file("tiny.toml"), {"-o", dir.file("cut.mp4"), "--frames", "100000", "--fps", "10"},
                                 ffmpeg.searchPath());
    INFO(mp4.output);
    CHECK(mp4.exit_code == 1);
    CHECK(mp4.output.find("signal 9") != std::string::npos);
    CHECK(decodedFrames(dir.file("cut.mp4")) >= 10);

    const RunResult gif = record(dir.file("tiny.toml"),
                                 {"-o", dir.file("cut.gif"), "--frames", "100000", "--fps", "10", "--no-curves"},
                                 ffmpeg.searchPath());
    INFO(gif.output);
    CHECK(gif.exit_code == 1);
    CHECK(gif.output.find("signal 9") != std::string::npos);
    CHECK(gif.output.find("holds the frames recorded before the fault") != std::string::npos);
    CHECK(decodedFrames(dir.file("cut.gif")) > 0);
    CHECK(entriesBesides(dir.path(), {"tiny.toml", "cut.mp4", "cut.gif"}).empty());
}

TEST_CASE("an ffmpeg that stops reading ends the recording with a clear error after --ffmpeg-timeout") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    FakeFfmpeg ffmpeg("exec sleep 1000");
    const auto start = Clock::now();
    const RunResult r = record(dir.file("tiny.toml"),
                               {"-o", dir.file("stuck.mp4"), "--frames", "100000", "--ffmpeg-timeout", "2"},
                               ffmpeg.searchPath());
    INFO(r.output);
    CHECK(secondsSince(start) < 30);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("took no frame data for 2 s") != std::string::npos);
    CHECK(r.output.find("No playable video was written") != std::string::npos);
    CHECK(entriesBesides(dir.path(), {"tiny.toml"}).empty());
}

TEST_CASE("Ctrl-C ends a recording promptly, even while ffmpeg is stuck or a frame trains for minutes") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    FakeFfmpeg stuck("exec sleep 1000");
    struct Case {
        const char* what;
        std::vector<std::string> args;
        std::string path;
    };
    const std::vector<Case> cases = {
        {"ffmpeg never reads (default 30 s timeout)", {"-o", dir.file("stuck.mp4"), "--frames", "100000"},
         stuck.searchPath()},
        // About a minute of training per frame: the first frame is never reached.
        {"a frame of 200000 training steps", {"-o", dir.file("slow.mp4"), "--steps-per-frame", "200000"}, ""},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        std::vector<std::string> argv = {ganariumBinary(), "record", dir.file("tiny.toml"), "--size", "320x180"};
        argv.insert(argv.end(), c.args.begin(), c.args.end());
        const std::string log = dir.file("log.txt");
        const pid_t pid = startProgram(argv, log, c.path);
        REQUIRE(pid > 0);
        REQUIRE(waitForText(log, "Length:", 60));
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // well inside the stall / the frame
        const auto sent = Clock::now();
        ::kill(pid, SIGINT);
        const int code = waitProgram(pid);
        const double took = secondsSince(sent);
        INFO(readFile(log));
        CHECK(code == 130);
        CHECK(took < 10);  // the 5 s grace for a stuck ffmpeg at most
    }
}

TEST_CASE("record refuses an existing output or PNG frame without --force, and never writes through a link") {
    REQUIRE(haveBinary());
    TempDir dir;
    writeTinyScene(dir.file("tiny.toml"));
    const std::string out = dir.file("old.mp4");
    std::ofstream(out) << "an older video";
    const RunResult refused = record(dir.file("tiny.toml"), {"-o", out, "--frames", "3"});
    INFO(refused.output);
    CHECK(refused.exit_code == 2);
    CHECK(refused.output.find("already exists") != std::string::npos);
    CHECK(refused.output.find("--force") != std::string::npos);
    CHECK(readFile(out) == "an older video");

    const RunResult forced = record(dir.file("tiny.toml"), {"-o", out, "--frames", "3", "--force"});
    INFO(forced.output);
    CHECK(forced.exit_code == 0);
    CHECK(probeVideo(out) == "h264,320,180,3");

    // A link planted where the video goes: refused even with --force; its target is untouched.
    const std::string victim = dir.file("victim.txt"), link = dir.file("planted.mp4");
    std::ofstream(victim) << "precious";
    REQUIRE(::symlink(victim.c_str(), link.c_str()) == 0);
    const RunResult linked = record(dir.file("tiny.toml"), {"-o", link, "--frames", "3", "--force"});
    INFO(linked.output);
    CHECK(linked.exit_code == 2);
    CHECK(linked.output.find("symbolic link") != std::string::npos);
    CHECK(readFile(victim) == "precious");

    // PNG frames: an existing first frame is refused; a planted link among later frames is never followed.
    REQUIRE(runProgram({"/bin/mkdir", dir.file("frames")}).exit_code == 0);
    std::ofstream(dir.file("frames/frame_00000.png")) << "old frame";
    const RunResult png = record(dir.file("tiny.toml"), {"--png-dir", dir.file("frames"), "--frames", "3"});
    CHECK(png.exit_code == 2);
    CHECK(png.output.find("already exists") != std::string::npos);
    REQUIRE(::symlink(victim.c_str(), dir.file("frames/frame_00002.png").c_str()) == 0);
    const RunResult png_forced =
        record(dir.file("tiny.toml"), {"--png-dir", dir.file("frames"), "--frames", "3", "--force"});
    INFO(png_forced.output);
    CHECK(png_forced.exit_code == 1);
    CHECK(png_forced.output.find("symbolic link") != std::string::npos);
    CHECK(readFile(victim) == "precious");
    int w = 0, h = 0;
    CHECK(pngSize(dir.file("frames/frame_00000.png"), w, h));  // replaced, as --force asked
}
