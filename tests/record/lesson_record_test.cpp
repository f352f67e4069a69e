// lesson_record_test.cpp — `ganarium record --lesson` through the built binary:
// a three-step lesson records unattended, each step given the frames its hold
// time and advance rule need (so the frame count is known exactly), every
// step's caption is burned into the caption bar above the panels (the bar
// changes exactly when the step does, even with training standing still), and
// two recordings are byte-identical.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "record/record_test_support.h"

using namespace ganarium::test;

namespace {

constexpr int kWidth = 640, kHeight = 360;

// The tiny scene with a three-step lesson: 2 frames paused, training until step 6 (2 per frame), 3 frames paused.
void writeTinyLesson(const std::string& path) {
    writeTinyScene(path);
    std::ofstream out(path, std::ios::app);
    out << "[[lesson.step]]\n"
           "caption = \"First step: nothing moves yet\"\n"
           "caption_zh = \"第一步\"\n"
           "hold = 0.2\n"
           "[[lesson.step]]\n"
           "caption = \"Second step: training until step 6\"\n"
           "caption_zh = \"第二步\"\n"
           "play = true\n"
           "at_step = 6\n"
           "hold = 0.1\n"
           "[[lesson.step]]\n"
           "caption = \"Third step: paused again, with another caption\"\n"
           "caption_zh = \"第三步\"\n"
           "pause = true\n"
           "hold = 0.3\n";
}

// The grey pixels of the top quarter of PNG `path` (the title and the caption bar), via ffmpeg; empty on failure.
std::string topStrip(const std::string& path, const std::string& scratch) {
    const RunResult r = runProgram({"ffmpeg", "-v", "error", "-y", "-i", path, "-f", "rawvideo", "-pix_fmt", "gray", scratch});
    if (r.exit_code != 0) return "";
    const std::string pixels = readFile(scratch);
    if (pixels.size() != static_cast<size_t>(kWidth) * kHeight) return "";
    return pixels.substr(0, static_cast<size_t>(kWidth) * (kHeight / 4));
}

std::string frameName(int i) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05d.png", i);
    return name;
}

}  // namespace

TEST_CASE("record --lesson: each step gets its frames, captions are burned in, the output is deterministic") {
    REQUIRE_MESSAGE(!ganariumBinary().empty(), "GANARIUM_BIN is not set: run through ctest");
    TempDir dir;
    writeTinyLesson(dir.file("lesson.toml"));
    const std::string size = std::to_string(kWidth) + "x" + std::to_string(kHeight);
    auto recordTo = [&](const std::string& folder) {
        return runRecord(dir.file("lesson.toml"),
                         {"--png-dir", dir.file(folder), "--fps", "10", "--steps-per-frame", "2", "--lesson"}, "", size);
    };
    const RunResult a = recordTo("a");
    INFO(a.output);
    REQUIRE(a.exit_code == 0);
    // Step 1: 2 frames (hold 0.2 s at 10 fps); step 2: frames at training steps 2, 4, 6; step 3: 3 frames.
    const std::vector<std::string> frames = folderEntries(dir.file("a"));
    REQUIRE(frames.size() == 8);
    CHECK(frames.back() == frameName(7));

    std::vector<std::string> strips;
    for (int i = 0; i < 8; ++i) strips.push_back(topStrip(dir.file("a/" + frameName(i)), dir.file("strip.raw")));
    for (const std::string& strip : strips) REQUIRE(!strip.empty());
    CHECK(strips[0] == strips[1]);  // step 1, paused: nothing in the bar changes
    CHECK(strips[1] != strips[2]);  // step 2: another caption and "2 / 3"
    CHECK(strips[4] != strips[5]);  // step 3 at the same training step 6: only the caption bar differs
    CHECK(strips[5] == strips[6]);
    CHECK(strips[6] == strips[7]);

    // Deterministic: a second recording gives the same bytes.
    const RunResult b = recordTo("b");
    REQUIRE(b.exit_code == 0);
    for (int i = 0; i < 8; ++i) {
        CAPTURE(i);
        CHECK(readFile(dir.file("a/" + frameName(i))) == readFile(dir.file("b/" + frameName(i))));
    }

    // --lesson on a scene without a lesson says what it needs.
    writeTinyScene(dir.file("plain.toml"));
    const RunResult plain = runRecord(dir.file("plain.toml"), {"--png-dir", dir.file("c"), "--lesson"}, "", size);
    CHECK(plain.exit_code != 0);
    CHECK(plain.output.find("has no lesson") != std::string::npos);
}
