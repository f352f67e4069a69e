// app_lesson_test.cpp — a lesson in the window (synchronous session, hidden
// window): it opens paused on step 1 with "1 / N" and the step's caption in
// the caption bar; the right arrow enters the next step, an `at_step` rule
// moves on by itself, the left arrow goes back and restores the step's
// training position; in presenter mode and in Chinese the bar shows the
// Chinese caption and no text is clipped or overlaps.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app_window_fixture.h"
#include "core/lesson.h"
#include "core/scene_parser.h"
#include "text_rects.h"

using namespace ganarium;
using ganarium::test::AppWindowFixture;

namespace {

constexpr int kRightArrow = 262, kLeftArrow = 263;  // GLFW key codes (ImGui 1.86 indexes KeysDown by them)

// One frame as the app does it, with `key` held down during it (-1: none).
void frameWithKey(AppWindowFixture& fx, GuiSession& session, int key = -1) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 720);
    for (int k : {kRightArrow, kLeftArrow}) io.KeysDown[k] = k == key;
    ImGui::NewFrame();
    session.buildFrame(io.DisplaySize);
    fx.window->renderFrame();
    session.serviceRequests();
}

int64_t trainingStep(GuiSession& session) {
    int64_t step = 0;
    for (const RunSnapshot& run : session.snapshot()->runs) step = std::max(step, run.step);
    return step;
}

SceneFrameOptions decorated(GuiSession& session) {
    SceneFrameOptions options;
    options.lang = session.ui().lang;
    session.lesson().decorate(options);
    return options;
}

}  // namespace

TEST_CASE("a lesson in the window: caption bar, arrow keys, advance rule, going back, presenter mode in Chinese") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const SceneSpec scene = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/lessons/09-dirac-gan.toml");
    REQUIRE(static_cast<bool>(scene.lesson));
    const auto& steps = scene.lesson->steps;
    GuiSession session(scene, test::testSessionOptions(false));
    for (int i = 0; i < 3; ++i) frameWithKey(fx, session);

    // Step 1: paused, its caption and "1 / 6" in the bar.
    REQUIRE(session.lesson().active());
    CHECK(session.lesson().player()->index() == 0);
    SceneFrameOptions bar = decorated(session);
    CHECK(bar.lesson_position == "1 / " + std::to_string(steps.size()));
    CHECK(bar.caption == steps[0].caption);
    CHECK_FALSE(session.snapshot()->playing);
    CHECK(trainingStep(session) == 0);

    // Right arrow: step 2 plays.
    frameWithKey(fx, session, kRightArrow);
    for (int i = 0; i < 5; ++i) frameWithKey(fx, session);
    CHECK(session.lesson().player()->index() == 1);
    CHECK(decorated(session).caption == steps[1].caption);
    CHECK(session.snapshot()->playing);
    CHECK(trainingStep(session) > 0);

    // Step 2's rule (at_step = 60) moves on by itself.
    REQUIRE(steps[1].advance.kind == AdvanceRule::Kind::AtStep);
    for (int i = 0; i < 200 && session.lesson().player()->index() == 1; ++i) frameWithKey(fx, session);
    CHECK(session.lesson().player()->index() == 2);
    CHECK(trainingStep(session) >= steps[1].advance.at_step);
    CHECK(decorated(session).focus_run == steps[2].focus);

    // Left arrow: back to step 2, training back where step 2 began (step 0), then on from there.
    frameWithKey(fx, session, kLeftArrow);
    frameWithKey(fx, session);
    CHECK(session.lesson().player()->index() == 1);
    CHECK(trainingStep(session) < 10);
    CHECK(decorated(session).lesson_position == "2 / " + std::to_string(steps.size()));

    // Presenter mode, in Chinese when a CJK font is installed: the bar's caption is the Chinese one and no text
    // is clipped or overlaps another.
    session.frame().display().presenter = true;
    if (session.ui().chinese_font) session.ui().lang = Language::Chinese;
    for (int i = 0; i < 2; ++i) frameWithKey(fx, session);
    bar = decorated(session);
    CHECK(bar.caption == lessonCaption(steps[1], session.ui().lang == Language::Chinese));
    const std::vector<test::GlyphRect> glyphs = test::glyphRects(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
    REQUIRE(glyphs.size() > 50);
    const test::TextProblems problems = test::findTextProblems(glyphs, ImGui::GetIO().DisplaySize);
    INFO("clipped: " << (problems.clipped.empty() ? std::string() : problems.clipped.front()));
    CHECK(problems.clipped.empty());
    INFO("overlap: " << (problems.overlapping.empty() ? std::string() : problems.overlapping.front()));
    CHECK(problems.overlapping.empty());
}

TEST_CASE("every lesson, every step, presenter mode at 1280x720, English and Chinese: no caption clipped or overlapping") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    int lessons = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(GANARIUM_SCENE_DIR) + "/lessons")) {
        if (entry.path().extension() != ".toml") continue;
        const SceneSpec scene = loadSceneFile(entry.path().string());
        REQUIRE(static_cast<bool>(scene.lesson));
        GuiSession session(scene, test::testSessionOptions(false));
        session.frame().display().presenter = true;
        for (Language lang : {Language::English, Language::Chinese}) {
            if (lang == Language::Chinese && !session.ui().chinese_font) continue;
            session.ui().lang = lang;
            session.lesson().open(scene, session.ui(), session.frame(), session.snapshot()->version);
            for (size_t step = 0; step < scene.lesson->steps.size(); ++step) {
                frameWithKey(fx, session, step == 0 ? -1 : kRightArrow);
                frameWithKey(fx, session);
                CAPTURE(entry.path().filename().string());
                CAPTURE(step + 1);
                CAPTURE(lang == Language::Chinese);
                REQUIRE(session.lesson().player()->index() == static_cast<int>(step));
                const test::TextProblems problems = test::findTextProblems(
                    test::glyphRects(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts), ImGui::GetIO().DisplaySize);
                INFO("clipped: " << (problems.clipped.empty() ? std::string() : problems.clipped.front()));
                CHECK(problems.clipped.empty());
                INFO("overlap: " << (problems.overlapping.empty() ? std::string() : problems.overlapping.front()));
                CHECK(problems.overlapping.empty());
            }
        }
        ++lessons;
    }
    CHECK(lessons >= 9);
}
