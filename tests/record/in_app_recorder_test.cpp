// in_app_recorder_test.cpp — the offscreen GL pieces and the record-button
// backend: a headless context, FBO readback that comes out top-down, and
// InAppRecorder turning captured framebuffers into a timestamped H.264 clip
// (also when the window shrinks below the clip size).
#include <doctest/doctest.h>

#include <glad/gl.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/headless_context.h"
#include "app/in_app_recorder.h"
#include "app/offscreen_frame.h"
#include "core/errors.h"
#include "record/record_test_support.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

// Paints the bound framebuffer: top half red, bottom half blue (GL's y axis points up).
void paintRedOverBlue(int w, int h) {
    glViewport(0, 0, w, h);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, h / 2, w, h - h / 2);
    glClearColor(1, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glScissor(0, 0, w, h / 2);
    glClearColor(0, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
}

// The first decoded frame of a video as top-down RGB24 (empty on failure).
std::string firstFrameRgb(const std::string& video) {
    const RunResult r = runProgram({"ffmpeg", "-v", "error", "-i", video, "-frames:v", "1", "-f", "rawvideo",
                                    "-pix_fmt", "rgb24", "-"});
    return r.exit_code == 0 ? r.output : "";
}

}  // namespace

TEST_CASE("offscreen frames read back top-down, through the PBO pair and directly") {
    std::unique_ptr<HeadlessContext> context;
    REQUIRE_NOTHROW(context = HeadlessContext::create());
    MESSAGE("context: " << context->backendName() << ", " << context->rendererDescription());
    const int w = 64, h = 32;
    OffscreenFrame frame(w, h);
    frame.bind();
    paintRedOverBlue(w, h);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, frame.framebuffer());

    FrameReadback readback(w, h);
    readback.startRead();
    CHECK(readback.pending() == 1);
    std::vector<uint8_t> pixels(static_cast<size_t>(w) * h * 4);
    readback.takeOldest(pixels.data());
    CHECK(readback.pending() == 0);
    CHECK(pixels[0] == 255);  // row 0 is the TOP row: red
    CHECK(pixels[2] == 0);
    const size_t last_row = static_cast<size_t>(h - 1) * w * 4;
    CHECK(pixels[last_row + 0] == 0);  // bottom row: blue
    CHECK(pixels[last_row + 2] == 255);

    std::vector<uint8_t> direct(pixels.size());
    readPixelsTopDown(0, 0, w, h, direct.data());
    CHECK(direct == pixels);
    OffscreenFrame::unbind();
}

TEST_CASE("the record button's backend writes a timestamped clip of the captured frames") {
    std::unique_ptr<HeadlessContext> context;
    REQUIRE_NOTHROW(context = HeadlessContext::create());
    TempDir dir;
    const int fb_w = 161, fb_h = 121;  // odd window sizes: the clip is rounded down to even
    OffscreenFrame window(fb_w, fb_h);
    InAppRecorder recorder;
    CHECK_FALSE(recorder.recording());
    const std::string path = recorder.start(dir.file("clips"), fb_w, fb_h, 30);
    CHECK(recorder.recording());
    CHECK(path.find(dir.file("clips") + "/ganarium-") == 0);
    CHECK(path.substr(path.size() - 4) == ".mp4");
    CHECK(recorder.width() == 160);
    CHECK(recorder.height() == 120);

    for (int i = 0; i < 15; ++i) {
        window.bind();
        paintRedOverBlue(fb_w, fb_h);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, window.framebuffer());
        recorder.captureFramebuffer(fb_w, fb_h);
    }
    // The window shrinks mid-clip: the clip keeps its size, padded with black.
    OffscreenFrame small(100, 80);
    for (int i = 0; i < 5; ++i) {
        small.bind();
        paintRedOverBlue(100, 80);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, small.framebuffer());
        recorder.captureFramebuffer(100, 80);
    }
    CHECK(recorder.frames() == 20);
    CHECK(recorder.elapsedSeconds() == doctest::Approx(20.0 / 30.0));
    CHECK(recorder.stop() == path);
    CHECK_FALSE(recorder.recording());
    CHECK(recorder.lastError().empty());
    OffscreenFrame::unbind();

    CHECK(probeVideo(path) == "h264,160,120,20");
    const std::string rgb = firstFrameRgb(path);
    REQUIRE(rgb.size() == 160u * 120u * 3u);
    const auto at = [&](int x, int y, int c) { return static_cast<unsigned char>(rgb[(y * 160 + x) * 3 + c]); };
    CHECK(at(10, 5, 0) > 200);   // top-left of the window is red in the clip
    CHECK(at(10, 5, 2) < 60);
    CHECK(at(10, 115, 2) > 200);  // bottom is blue
    CHECK(at(10, 115, 0) < 60);
}

TEST_CASE("the record button refuses a folder it cannot create") {
    InAppRecorder recorder;
    CHECK_THROWS_AS(recorder.start("/proc/ganarium-cannot-create-this", 320, 240), UserError);
    CHECK_FALSE(recorder.recording());
    CHECK(recorder.stop().empty());
}

TEST_CASE("no way to get an OpenGL context is a message with the fix") {
    const char* old = std::getenv("DISPLAY");
    const std::string saved = old ? old : "";
    ::setenv("DISPLAY", ":12345", 1);  // no X server there
    try {
        HeadlessContext::create(HeadlessBackend::GlfwHidden);
        FAIL("a context was created without an X server");
    } catch (const UserError& e) {
        const std::string message = e.what();
        CHECK(message.find("cannot create an offscreen OpenGL") != std::string::npos);
        CHECK(message.find("xvfb-run") != std::string::npos);
    }
    if (old) ::setenv("DISPLAY", saved.c_str(), 1);
    else ::unsetenv("DISPLAY");
}

TEST_CASE("the record button can record a part of the window (e.g. right of the controls)") {
    std::unique_ptr<HeadlessContext> context;
    REQUIRE_NOTHROW(context = HeadlessContext::create());
    TempDir dir;
    const int fb_w = 160, fb_h = 120;
    OffscreenFrame window(fb_w, fb_h);
    InAppRecorder recorder;
    const std::string path = recorder.start(dir.path(), 120, 60, 30);
    for (int i = 0; i < 4; ++i) {
        window.bind();
        paintRedOverBlue(fb_w, fb_h);
        glEnable(GL_SCISSOR_TEST);  // a green "controls panel" in the left 40 pixels
        glScissor(0, 0, 40, fb_h);
        glClearColor(0, 1, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, window.framebuffer());
        recorder.captureFramebuffer(fb_w, fb_h, 40, 60);  // the bottom-right 120 x 60: all blue
    }
    recorder.stop();
    OffscreenFrame::unbind();
    CHECK(probeVideo(path) == "h264,120,60,4");
    const std::string rgb = firstFrameRgb(path);
    REQUIRE(rgb.size() == 120u * 60u * 3u);
    const auto at = [&](int x, int y, int c) { return static_cast<unsigned char>(rgb[(y * 120 + x) * 3 + c]); };
    CHECK(at(4, 4, 2) > 200);  // blue, not green or red
    CHECK(at(4, 4, 1) < 60);
    CHECK(at(4, 4, 0) < 60);
    CHECK(at(115, 55, 2) > 200);
}
