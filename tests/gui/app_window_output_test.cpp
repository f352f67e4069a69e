// app_window_output_test.cpp — what the window writes and at which size:
// `--size WxH` (one parser shared with `record --size`, the window and its
// screenshot get that size, bad values are exit 2 with the fix), F12 /
// screenshot-button PNGs in the --record-dir folder (created when missing,
// never replacing a file, a clear error when it cannot be written), in-app
// clips with even sides, and the real-time clip's frame timing
// (RealtimePacer: frames repeated or dropped so video time = wall time).
#include <doctest/doctest.h>

#include <stb_image.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include "shell_command.h"
#include "app/cli_size.h"
#include "app/gui_recorder.h"
#include "app/gui_screenshot.h"
#include "app/realtime_pacer.h"
#include "app_window_fixture.h"
#include "core/errors.h"
#include "core/scene_parser.h"

using namespace ganarium;
using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) { return freshTempDir("ganarium-window-output", name); }

using Result = ShellResult;

// Runs `command` through the shell, capturing stdout+stderr.
Result run(const std::string& command) { return runShell(command); }

// The ganarium binary (ctest sets GANARIUM_BIN), quoted for the shell.
std::string binary() {
    const char* bin = std::getenv("GANARIUM_BIN");
    return bin ? "'" + std::string(bin) + "'" : "";
}

// "WxH" of a PNG file ("" when unreadable).
std::string pngSize(const fs::path& path) {
    int w = 0, h = 0, channels = 0;
    if (!stbi_info(path.string().c_str(), &w, &h, &channels)) return "";
    return std::to_string(w) + "x" + std::to_string(h);
}

// "WIDTH,HEIGHT,FRAMES" of the first video stream (ffprobe decodes to count), "" on failure.
std::string probeClip(const fs::path& path) {
    const Result r = run("ffprobe -v error -select_streams v:0 -count_frames -show_entries "
                         "stream=width,height,nb_read_frames -of csv=p=0 '" + path.string() + "'");
    if (r.code != 0) return "";
    std::string out = r.output;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ',')) out.pop_back();
    return out;
}

// The files in `dir` whose names end in `extension`.
std::vector<fs::path> filesWith(const fs::path& dir, const std::string& extension) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == extension) found.push_back(entry.path());
    return found;
}

}  // namespace

TEST_CASE("--size: one parser for the window and record, with the fix in every message") {
    const PixelSize full_hd = parseSizeOption("1920x1080", false);
    CHECK(full_hd.width == 1920);
    CHECK(full_hd.height == 1080);
    const PixelSize upper = parseSizeOption("640X360", true);
    CHECK(upper.width == 640);
    CHECK(upper.height == 360);
    const PixelSize odd = parseSizeOption("1281x721", false);  // a window may be odd; a video may not
    CHECK(odd.width == 1281);
    CHECK(odd.height == 721);
    CHECK_THROWS_WITH_AS(parseSizeOption("1281x721", true), doctest::Contains("1280x720"), UserError);
    for (const char* bad : {"", "1920", "1920x", "x1080", "1920x1080x3", "-640x360", "+640x360", " 640x360",
                            "640x 360", "63x360", "640x4097", "99999999999x720", "axb", "640*360"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(parseSizeOption(bad, false), doctest::Contains("WIDTHxHEIGHT"), UserError);
    }
    CHECK_NOTHROW(parseSizeOption("64x4096", true));
}

TEST_CASE("real-time clips: each rendered frame fills the video frames whose moment has come") {
    RealtimePacer pacer(30);
    CHECK(pacer.framesFor(100.0) == 1);  // the first frame starts the clip, whatever the clock's origin
    // The window draws at 60 Hz: every other frame is dropped.
    int kept = 0;
    for (int i = 1; i <= 60; ++i) kept += pacer.framesFor(100.0 + i / 60.0);
    CHECK(kept == 30);
    CHECK(pacer.written() == 31);  // frames at 0, 1/30, ..., 30/30 s
    // The window stalls for 0.2 s: the next frame fills the six moments it missed (repeated).
    CHECK(pacer.framesFor(101.2) == 6);
    // Two frames in the same 1/30 s: the second is dropped.
    CHECK(pacer.framesFor(101.21) == 0);
    CHECK(pacer.written() == 37);
    CHECK(pacer.written() / pacer.fps() == doctest::Approx(pacer.wallSeconds()).epsilon(0.03));
    CHECK(pacer.cutSeconds() == 0);
}

TEST_CASE("real-time clips: a slow window's clip lasts as long as the wall clock, a long stall is cut") {
    // 12 pictures per second (a busy laptop): each becomes 2 or 3 video frames.
    RealtimePacer pacer(30, 5);
    for (int i = 0; i <= 120; ++i) {
        const int copies = pacer.framesFor(i / 12.0);
        CHECK(copies >= (i == 0 ? 1 : 2));
        CHECK(copies <= 3);
    }
    CHECK(pacer.written() == 301);  // 10 s of video for 10 s of screen (+ the first frame's own moment)
    CHECK(std::abs(pacer.written() / pacer.fps() - pacer.wallSeconds()) <= 1.0 / 30 + 1e-9);
    // A 60 s freeze (a suspended laptop) keeps 5 s of still picture and cuts the rest.
    CHECK(pacer.framesFor(70.0) == 150);
    CHECK(pacer.cutSeconds() == doctest::Approx(55.0).epsilon(0.01));
    CHECK(pacer.framesFor(70.0 + 1.0 / 30) == 1);  // and then follows the clock again
    CHECK(std::abs(pacer.written() / pacer.fps() - pacer.wallSeconds()) <= 1.0 / 30 + 1e-9);
}

TEST_CASE("a real-time clip keeps the training thread and repeats or drops frames by the clock") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const fs::path dir = freshDir("realtime");
    GuiSession session(defaultScene(), testSessionOptions(true));  // threaded, as in the real window
    session.ui().record_dir = dir.string();
    GuiRecorder recorder;
    recorder.setPacing(RecordPacing::Realtime);
    REQUIRE(recorder.start(session, 1280, 691));
    CHECK_FALSE(session.lockstep());  // training goes on on its own thread
    CHECK(recorder.recorder().height() == 690);  // even sides
    // Rendered at +0, +0.02 s (dropped), +0.1 s (the moments 1/30, 2/30, 3/30 s: 3 frames), +0.3 s (6 frames).
    const double times[] = {5.0, 5.02, 5.1, 5.3};
    for (double t : times) {
        recorder.publishStatus(session);
        fx.window->beginFrame();
        ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
        session.buildFrame(ImGui::GetIO().DisplaySize);
        fx.window->renderFrame();
        recorder.capture(session, 1280, 720, t);
        session.serviceRequests();
    }
    CHECK(recorder.recorder().frames() == 10);
    const int64_t during = session.trainer().iteration();
    const std::string path = recorder.stop(session);
    CHECK(probeClip(path) == "1280,690,10");
    CHECK(session.trainer().iteration() >= during);
    fs::remove_all(dir);
}

TEST_CASE("F12 and the screenshot buttons write into --record-dir, created when missing, never over a file") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const fs::path parent = freshDir("shots");
    const fs::path dir = parent / "lecture";  // does not exist yet
    GuiSessionOptions options = testSessionOptions(false);
    options.output_dir = dir.string();  // what --record-dir sets
    GuiSession session(defaultScene(), options);
    CHECK(session.ui().screenshot_dir == dir.string());
    CHECK(session.ui().record_dir == dir.string());
    fx.frame(session);
    session.ui().requests.screenshot = true;  // what F12 and the buttons do
    fx.window->beginFrame();
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    session.buildFrame(ImGui::GetIO().DisplaySize);
    fx.window->renderFrame();
    REQUIRE(session.takeScreenshotRequest());
    int w = 0, h = 0;
    fx.window->framebufferSize(w, h);
    const std::string first = saveScreenshotInFolder(session.ui().screenshot_dir, w, h);
    CHECK(fs::path(first).parent_path() == dir);
    CHECK(fs::path(first).filename().string().rfind("ganarium-", 0) == 0);
    CHECK(pngSize(first) == std::to_string(w) + "x" + std::to_string(h));
    // The same second again: a new name, the first file untouched.
    const auto first_size = fs::file_size(first);
    const std::string second = saveScreenshotInFolder(session.ui().screenshot_dir, w, h);
    CHECK(second != first);
    CHECK(fs::file_size(first) == first_size);
    // A link planted under the next name is neither followed nor replaced.
    const fs::path victim = parent / "victim.txt";
    std::ofstream(victim) << "keep";
    const std::string stem = first.substr(0, first.size() - 4);
    for (int i = 3; i < 6; ++i) fs::create_symlink(victim, stem + "-" + std::to_string(i) + ".png");
    const std::string third = saveScreenshotInFolder(session.ui().screenshot_dir, w, h);
    CHECK(fs::is_regular_file(fs::symlink_status(third)));
    CHECK(fs::file_size(victim) == 4);
    fx.window->swap();
    session.serviceRequests();

    // A folder that cannot exist (below a plain file): a clear error naming it and the fix.
    const fs::path blocked = parent / "plain-file";
    std::ofstream(blocked) << "x";
    try {
        saveScreenshotInFolder((blocked / "shots").string(), w, h);
        FAIL("a screenshot was written below a plain file");
    } catch (const UserError& error) {
        const std::string message = error.what();
        CHECK(message.find("screenshots") != std::string::npos);
        CHECK(message.find((blocked / "shots").string()) != std::string::npos);
        CHECK(message.find("mkdir -p") != std::string::npos);
    }
    fs::remove_all(parent);
}

TEST_CASE("the real binary: --size sets the window and its screenshot; a bad --size, --record-mode or --training-policy is exit 2") {
    const std::string bin = binary();
    REQUIRE_MESSAGE(!bin.empty(), "GANARIUM_BIN is not set (ctest sets it)");
    REQUIRE_MESSAGE(std::getenv("DISPLAY"), "needs a display: run under xvfb-run -a");
    const fs::path dir = freshDir("size");
    for (const std::string size : {"1920x1080", "640x360"}) {
        const fs::path png = dir / ("shot-" + size + ".png");
        const Result r = run(bin + " --frames 6 --size " + size + " --screenshot '" + png.string() + "'");
        CAPTURE(r.output);
        REQUIRE(r.code == 0);
        CHECK(pngSize(png) == size);
    }
    const Result bad = run(bin + " --frames 2 --size 1920by1080");
    CHECK(bad.code == 2);
    CHECK(bad.output.find("--size must be WIDTHxHEIGHT") != std::string::npos);
    CHECK(bad.output.find("1920by1080") != std::string::npos);
    const Result tiny = run(bin + " --frames 2 --size 32x32");
    CHECK(tiny.code == 2);
    CHECK(tiny.output.find("64 to 4096") != std::string::npos);
    const Result mode = run(bin + " --frames 2 --record-mode fast");
    CHECK(mode.code == 2);
    CHECK(mode.output.find("realtime") != std::string::npos);
    const Result policy = run(bin + " --frames 2 --training-policy fast");
    CHECK(policy.code == 2);
    CHECK(policy.output.find("'adaptive'") != std::string::npos);
    CHECK(policy.output.find("'idle'") != std::string::npos);
    const Result record_odd = run(bin + " record default -o '" + (dir / "x.mp4").string() + "' --size 641x360");
    CHECK(record_odd.code == 2);
    CHECK(record_odd.output.find("640x360") != std::string::npos);  // the same parser, with the even fix
    fs::remove_all(dir);
}

TEST_CASE("the real binary: an odd-sized window records an even clip, in real time when asked") {
    const std::string bin = binary();
    REQUIRE_MESSAGE(!bin.empty(), "GANARIUM_BIN is not set (ctest sets it)");
    REQUIRE_MESSAGE(std::getenv("DISPLAY"), "needs a display: run under xvfb-run -a");
    const fs::path lockstep_dir = freshDir("odd-lockstep");
    const Result lockstep =
        run(bin + " --size 1281x721 --frames 30 --record --record-dir '" + lockstep_dir.string() + "'");
    CAPTURE(lockstep.output);
    REQUIRE(lockstep.code == 0);
    const std::vector<fs::path> clips = filesWith(lockstep_dir, ".mp4");
    REQUIRE(clips.size() == 1);
    const std::string probe = probeClip(clips[0]);
    CAPTURE(probe);
    int w = 0, h = 0, frames = 0;
    REQUIRE(std::sscanf(probe.c_str(), "%d,%d,%d", &w, &h, &frames) == 3);
    CHECK(w == 1280);  // 1281 rounded down
    CHECK(h % 2 == 0);
    CHECK(h >= 721 - 60);  // the window less its status line
    CHECK(h < 721);

    // --presentation has no status line: the clip is the whole window.
    const fs::path full_dir = freshDir("presentation");
    const Result full = run(bin + " --presentation --size 1280x720 --frames 10 --record --record-dir '" +
                            full_dir.string() + "'");
    REQUIRE(full.code == 0);
    const std::vector<fs::path> full_clips = filesWith(full_dir, ".mp4");
    REQUIRE(full_clips.size() == 1);
    CHECK(probeClip(full_clips[0]).rfind("1280,720,", 0) == 0);

    // Real time: the clip's length is the time the frames were on screen.
    const fs::path realtime_dir = freshDir("realtime-binary");
    const Result realtime = run(bin + " --size 640x360 --frames 60 --record --record-mode realtime --record-dir '" +
                                realtime_dir.string() + "'");
    CAPTURE(realtime.output);
    REQUIRE(realtime.code == 0);
    double video_s = 0, screen_s = 0;
    const auto at = realtime.output.rfind("real time: ");  // the "video saved" line
    REQUIRE(at != std::string::npos);
    REQUIRE(std::sscanf(realtime.output.c_str() + at, "real time: %lf s of video for %lf s on screen", &video_s,
                        &screen_s) == 2);
    CHECK(screen_s > 0.5);  // 60 ticks of a 60 Hz clock, or longer on a busy machine
    CHECK(std::abs(video_s - screen_s) <= 1.0 / 30 + 0.01);
    const std::vector<fs::path> rt_clips = filesWith(realtime_dir, ".mp4");
    REQUIRE(rt_clips.size() == 1);
    int rw = 0, rh = 0, rframes = 0;
    REQUIRE(std::sscanf(probeClip(rt_clips[0]).c_str(), "%d,%d,%d", &rw, &rh, &rframes) == 3);
    CHECK(rframes == static_cast<int>(std::lround(video_s * 30)));
    fs::remove_all(lockstep_dir);
    fs::remove_all(full_dir);
    fs::remove_all(realtime_dir);
}
