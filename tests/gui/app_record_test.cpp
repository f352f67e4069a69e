// app_record_test.cpp — the window's record button and the bilingual text:
// a clip recorded in lockstep has exactly one frame per K iterations and no
// dropped frame (ffprobe counts them); the training thread stops while
// recording and runs again afterwards; the real binary records with
// `--frames 40 --record --record-dir DIR`; fonts gain glyphs for run-time
// text; the views' labels come from the translation table.
#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <sys/wait.h>

#include "app/gui_recorder.h"
#include "app_window_fixture.h"
#include "core/scene_parser.h"
#include "ui/panels.h"

using namespace ganarium;
using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) { return freshTempDir("ganarium-record-test", name); }

// Runs `command` through the shell; returns its stdout+stderr and sets `code`.
std::string runCommand(const std::string& command, int& code) {
    std::string out;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return out;
    std::array<char, 512> buf{};
    while (fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    const int status = pclose(pipe);
    code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

// Frames in the video stream of `path` as ffprobe counts them by decoding (-1 when ffprobe fails).
long long countVideoFrames(const fs::path& path) {
    int code = -1;
    const std::string out = runCommand("ffprobe -v error -select_streams v:0 -count_frames -show_entries "
                                       "stream=nb_read_frames -of csv=p=0 '" + path.string() + "'", code);
    if (code != 0) return -1;
    try {
        return std::stoll(out);
    } catch (...) {
        return -1;
    }
}

// The only *.mp4 in `dir` ("" when there is none or several).
fs::path onlyVideo(const fs::path& dir) {
    fs::path found;
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".mp4") found = entry.path(), ++count;
    return count == 1 ? found : fs::path();
}

// One app frame with capture before the "swap", as the real loop does it.
void recordedFrame(AppWindowFixture& fx, GuiSession& session, GuiRecorder& recorder) {
    recorder.publishStatus(session);
    fx.window->beginFrame();
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    session.buildFrame(ImGui::GetIO().DisplaySize);
    fx.window->renderFrame();
    recorder.capture(session, 1280, 720);
    session.serviceRequests();
}

}  // namespace

TEST_CASE("a clip recorded from the window has one frame per K iterations, none dropped") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const fs::path dir = freshDir("lockstep");
    GuiSession session(defaultScene(), testSessionOptions(true));  // threaded, as in the real window
    session.ui().record_dir = dir.string();
    GuiRecorder recorder;
    const float status_h = session.statusLineHeight();
    REQUIRE(status_h > 10.0f);
    const int capture_h = 720 - static_cast<int>(std::ceil(status_h));
    REQUIRE(recorder.start(session, 1280, capture_h));
    CHECK(session.lockstep());
    CHECK(recorder.recorder().width() == 1280);
    CHECK(recorder.recorder().height() == capture_h - capture_h % 2);  // even, and the status line left out

    // Speed 3: three iterations per video frame.
    Command speed;
    speed.kind = Command::Kind::SetSpeed;
    speed.count = 3;
    postCommand(session.ui(), speed);
    session.serviceRequests();
    const int64_t start_iteration = session.trainer().iteration();
    const int frames = 36;
    for (int i = 0; i < frames; ++i) recordedFrame(fx, session, recorder);
    session.waitForLockstepStep();  // the step for the next frame trains while a frame is drawn
    CHECK(session.lockstepStepsPerFrame() == 3);
    CHECK(session.trainer().iteration() - start_iteration == 3 * frames);  // lockstep: exactly K per frame
    recorder.publishStatus(session);
    CHECK(session.ui().recording.active);
    CHECK(session.ui().recording.frames == frames);
    CHECK(session.ui().recording.seconds == doctest::Approx(frames / 30.0));
    CHECK(recordingIndicatorText(session.ui().recording, Language::English) == "REC 00:01  36 frames");

    const std::string path = recorder.stop(session);
    CHECK_FALSE(session.lockstep());
    recorder.publishStatus(session);
    CHECK_FALSE(session.ui().recording.active);
    CHECK(recordingIndicatorText(session.ui().recording, Language::English).empty());
    REQUIRE(fs::exists(path));
    CHECK(fs::path(path).parent_path() == dir);
    CHECK(fs::path(path).filename().string().rfind("ganarium-", 0) == 0);
    CHECK(countVideoFrames(path) == frames);
    CHECK(session.ui().banner.text.find(path) != std::string::npos);
    CHECK_FALSE(session.ui().banner.error);

    // After the clip the training thread runs again on its own.
    const int64_t after = session.trainer().iteration();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (session.trainer().iteration() == after && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(session.trainer().iteration() > after);
    fs::remove_all(dir);
}

TEST_CASE("the record request comes from the button state, and an unwritable folder is a red banner") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(true));
    session.ui().requests.toggle_recording = true;
    CHECK(session.takeRecordToggleRequest());
    CHECK_FALSE(session.takeRecordToggleRequest());

    const fs::path file = freshDir("blocked") / "not-a-folder";
    std::FILE* f = std::fopen(file.string().c_str(), "w");
    REQUIRE(f);
    std::fclose(f);
    session.ui().record_dir = (file / "videos").string();  // a folder below a plain file cannot exist
    GuiRecorder recorder;
    CHECK_FALSE(recorder.start(session, 1280, 700));
    CHECK_FALSE(recorder.recording());
    CHECK_FALSE(session.lockstep());  // training goes on as before
    CHECK(session.ui().banner.error);
    CHECK(session.ui().banner.text.find("videos") != std::string::npos);
    fs::remove_all(file.parent_path());
}

TEST_CASE("Ctrl+R and F9 ask for recording; R alone still resets") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    ShortcutKeys keys;  // GLFW key codes: F9 = 298, R = 'R'
    ImGuiIO& io = ImGui::GetIO();
    // One frame with `key` held (and Ctrl if asked); pressing is detected in NewFrame.
    // Returns the commands that frame queued for the trainer.
    auto frameWithKey = [&](int key, bool ctrl) {
        io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        fx.window->beginFrame();
        ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
        session.buildFrame(ImGui::GetIO().DisplaySize, keys);
        fx.window->renderFrame();
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        const std::vector<Command> queued = session.ui().outbox;
        session.serviceRequests();
        fx.frame(session);  // key released
        return queued;
    };
    CHECK(frameWithKey(keys.f9, false).empty());
    CHECK(session.takeRecordToggleRequest());
    CHECK(frameWithKey(keys.ctrl_r, true).empty());  // Ctrl+R records and does not also reset
    CHECK(session.takeRecordToggleRequest());
    const std::vector<Command> reset = frameWithKey('R', false);
    CHECK_FALSE(session.takeRecordToggleRequest());
    REQUIRE(reset.size() == 1);
    CHECK(reset[0].kind == Command::Kind::Reset);
}

TEST_CASE("the real binary records a clip with --frames 40 --record --record-dir") {
    const char* bin = std::getenv("GANARIUM_BIN");
    REQUIRE_MESSAGE(bin, "GANARIUM_BIN is not set (ctest sets it)");
    REQUIRE_MESSAGE(std::getenv("DISPLAY"), "needs a display: run under xvfb-run -a");
    const fs::path dir = freshDir("binary");
    int code = -1;
    const std::string out =
        runCommand("'" + std::string(bin) + "' --frames 40 --record --record-dir '" + dir.string() + "'", code);
    CAPTURE(out);
    REQUIRE(code == 0);
    CHECK(out.find("video saved:") != std::string::npos);
    const fs::path video = onlyVideo(dir);
    REQUIRE_FALSE(video.empty());
    const long long frames = countVideoFrames(video);
    CHECK(frames >= 30);
    CHECK(frames <= 40);
    fs::remove_all(dir);
}

TEST_CASE("fonts gain glyphs for run-time text such as a Chinese caption") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    if (!chineseFontAvailable()) {
        MESSAGE("fonts-wqy-microhei is not installed: skipping the glyph check");
        CHECK(fontHasGlyphs("abc"));
        return;
    }
    const std::string rare = "鬣狗";  // not in the UI's own strings
    loadFonts("en", 18.0f);
    CHECK(fontHasGlyphs("Play"));
    CHECK(fontHasGlyphs(tr(Language::Chinese, TextId::StopRecording)));  // the table's Chinese is always there
    CHECK_FALSE(fontHasGlyphs(rare));
    SceneSpec scene = defaultScene();
    scene.caption = "一只" + rare;
    loadFonts("en", 18.0f, sceneGlyphText(scene));
    CHECK(fontHasGlyphs(rare));
    CHECK(fontHasGlyphs(sceneGlyphText(scene)));

    // At run time: a newly opened scene with new characters rebuilds the atlas once, then never again.
    loadFonts("en", 18.0f);
    std::string known = "Eight Gaussians on a ring";
    CHECK_FALSE(refreshGlyphs(known, "en", 18.0f, known));  // unchanged text: nothing to do
    scene.title = "斑鬣狗的环";
    CHECK(refreshGlyphs(sceneGlyphText(scene), "en", 18.0f, known));
    fx.window->reloadFontTexture();
    CHECK(fontHasGlyphs(scene.title));
    CHECK(known == sceneGlyphText(scene));
    CHECK_FALSE(refreshGlyphs(sceneGlyphText(scene), "en", 18.0f, known));
    GuiSession session(scene, testSessionOptions(false));
    CHECK(fx.frame(session) > 1000);  // draws with the rebuilt atlas
    loadFonts("en", 18.0f);
    fx.window->reloadFontTexture();
}

TEST_CASE("the data views' words come from the translation table") {
    const ViewLabels english = translatedViewLabels(Language::English);
    const ViewLabels defaults;  // the views' own English defaults
    CHECK(english.real == defaults.real);
    CHECK(english.generated == defaults.generated);
    CHECK(english.d_of_x == defaults.d_of_x);
    CHECK(english.critic == defaults.critic);
    CHECK(english.d_star == defaults.d_star);
    CHECK(english.push == defaults.push);
    CHECK(english.mode_covered == defaults.mode_covered);
    CHECK(english.modes_covered == defaults.modes_covered);
    CHECK(english.step == defaults.step);
    CHECK(english.diverged == defaults.diverged);
    const ViewLabels chinese = translatedViewLabels(Language::Chinese);
    CHECK(chinese.real == "真实数据");
    CHECK(chinese.generated == "生成数据");
    CHECK(chinese.critic.find("评价器") != std::string::npos);
    CHECK(chinese.d_of_x.find("判别器") != std::string::npos);
    CHECK(chinese.diverged == "已发散");
    CHECK(std::string(tr(Language::Chinese, TextId::KeyRecord)).find("Ctrl+R") != std::string::npos);
}
