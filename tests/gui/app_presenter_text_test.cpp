// app_presenter_text_test.cpp — the window as a lecture hall sees it, at
// 1280x720 and 1920x1080, presenter mode on and off, on the default scene,
// ring8 and a 1D scene of three runs: no text is cut at the edge of its
// window, panel or widget, no two texts overlap (both read from ImGui's draw
// data, tests/gui/text_rects.h), and presenter text has the promised size.
#include <doctest/doctest.h>

#include <string>

#include "app/gui_scale.h"
#include "app_window_fixture.h"
#include "core/scene_parser.h"
#include "text_rects.h"

using namespace ganarium;
using ganarium::test::AppWindowFixture;

namespace {

struct WindowSize {
    float w, h;
};

// Draws `frames` frames of `session` as the app does at `size` (fonts and theme from a UiScaler).
void drawFrames(AppWindowFixture& fx, GuiSession& session, UiScaler& scaler, WindowSize size, int frames) {
    for (int i = 0; i < frames; ++i) {
        scaler.update(*fx.window, session, size.h, 1.0f);
        // GuiWindow::beginFrame with the display size set before ImGui::NewFrame (the hidden window is 1280x720).
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::GetIO().DisplaySize = ImVec2(size.w, size.h);
        ImGui::NewFrame();
        session.buildFrame(ImGui::GetIO().DisplaySize);
        fx.window->renderFrame();
        session.serviceRequests();
    }
}

// The glyphs of the last rendered frame.
std::vector<test::GlyphRect> frameGlyphs() {
    return test::glyphRects(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
}

// Clipped and overlapping glyphs of the last frame, with a message naming the case.
void checkText(const std::string& name, WindowSize size, bool presenter) {
    CAPTURE(name);
    CAPTURE(size.w);
    CAPTURE(presenter);
    const std::vector<test::GlyphRect> glyphs = frameGlyphs();
    REQUIRE(glyphs.size() > 200);  // the frame has text at all
    const test::TextProblems problems = test::findTextProblems(glyphs, ImVec2(size.w, size.h));
    INFO("clipped: " << (problems.clipped.empty() ? std::string() : problems.clipped.front()));
    CHECK(problems.clipped.size() == 0);
    INFO("overlap: " << (problems.overlapping.empty() ? std::string() : problems.overlapping.front()));
    CHECK(problems.overlapping.size() == 0);
}

}  // namespace

TEST_CASE("presenter mode: text size follows the window height (22 px at 720p, 28 px at 1080p), zoom multiplies it") {
    CHECK(presenterFontPixels(720, 1.0f) == 22.0f);
    CHECK(presenterFontPixels(1080, 1.0f) == 28.0f);
    CHECK(presenterFontPixels(1080, 2.0f) == 56.0f);  // HiDPI
    CHECK(presenterFontPixels(200, 1.0f) == 16.0f);   // never unreadable
    CHECK(wantedFontPixels(false, 1080, 1.0f, 1.0f) == 19.0f);
    CHECK(wantedFontPixels(true, 720, 1.0f, 1.5f) == 33.0f);
    CHECK(zoomStep(1.0f, 1) == doctest::Approx(1.1f));
    CHECK(zoomStep(1.1f, -1) == 1.0f);
    CHECK(zoomStep(2.9f, 1) == 3.0f);
    CHECK(zoomStep(1.7f, 0) == 1.0f);
    CHECK(isAdvancedSection(TextId::Data));
    CHECK_FALSE(isAdvancedSection(TextId::Runs));
}

TEST_CASE("presenter mode: the atlas is rebuilt at the new size when the window or the mode changes") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), test::testSessionOptions(false));
    UiScaler scaler;
    drawFrames(fx, session, scaler, {1280, 720}, 2);
    CHECK(ImGui::GetFontSize() == doctest::Approx(19.0f));
    CHECK(session.statusLineHeight() > 0);
    session.frame().display().presenter = true;
    drawFrames(fx, session, scaler, {1280, 720}, 2);
    CHECK(ImGui::GetFontSize() == doctest::Approx(22.0f));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == doctest::Approx(0.0f));  // high contrast: black
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_Text].x == doctest::Approx(1.0f));
    CHECK(session.statusLineHeight() == 0.0f);
    drawFrames(fx, session, scaler, {1920, 1080}, 2);
    CHECK(ImGui::GetFontSize() == doctest::Approx(28.0f));
    CHECK(scaler.fontPixels() == 28.0f);
    session.ui().zoom = 1.5f;
    drawFrames(fx, session, scaler, {1920, 1080}, 1);
    CHECK(ImGui::GetFontSize() == doctest::Approx(42.0f));
    session.ui().zoom = 1.0f;
    session.frame().display().presenter = false;
    drawFrames(fx, session, scaler, {1920, 1080}, 2);
    CHECK(ImGui::GetFontSize() == doctest::Approx(19.0f));
    applyTheme(1.0f);
    loadFonts("en", 18.0f);
    fx.window->reloadFontTexture();
}

TEST_CASE("no clipped or overlapping text at 1280x720 and 1920x1080, presenter mode on and off") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const std::string dir = GANARIUM_SCENE_DIR;
    const std::string scenes[] = {"", dir + "/ring8.toml", dir + "/disjoint-1d.toml"};
    for (const std::string& path : scenes) {
        const SceneSpec scene = path.empty() ? defaultScene() : loadSceneFile(path);
        for (const WindowSize size : {WindowSize{1280, 720}, WindowSize{1920, 1080}}) {
            for (const bool presenter : {false, true}) {
                GuiSession session(scene, test::testSessionOptions(false));
                session.frame().display().presenter = presenter;
                UiScaler scaler;
                drawFrames(fx, session, scaler, size, 4);
                if (presenter) CHECK(ImGui::GetFontSize() == doctest::Approx(size.h > 1000 ? 28.0f : 22.0f));
                checkText(path.empty() ? "default" : path, size, presenter);
            }
        }
    }
    applyTheme(1.0f);
    loadFonts("en", 18.0f);
    fx.window->reloadFontTexture();
}

TEST_CASE("text checks catch a cut combo value and two texts drawn over each other") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    // One frame of a probe window drawn by `body` (twice: a new window shows from its second frame).
    const auto probe = [&](const auto& body) {
        for (int i = 0; i < 2; ++i) {
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
            ImGui::NewFrame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(400, 300));
            ImGui::Begin("##probe", nullptr, ImGuiWindowFlags_NoDecoration);
            body();
            ImGui::End();
            fx.window->renderFrame();
        }
        return frameGlyphs();
    };
    const std::vector<test::GlyphRect> combo = probe([] {
        ImGui::SetNextItemWidth(93);  // "non_saturating" needs about 130 px: the old objective combo
        if (ImGui::BeginCombo("##objective", "non_saturating")) ImGui::EndCombo();
    });
    CHECK(combo.size() > 5);
    CHECK(test::findTextProblems(combo, ImVec2(1280, 720)).clipped.size() > 0);

    const std::vector<test::GlyphRect> banner = probe([] {
        ImDrawList* list = ImGui::GetWindowDrawList();
        list->AddText(ImVec2(20, 40), IM_COL32_WHITE, "Standard GAN");
        list->AddText(ImVec2(24, 44), IM_COL32_WHITE, "banner text");  // a banner over a title
    });
    CHECK(test::findTextProblems(banner, ImVec2(1280, 720)).clipped.empty());
    CHECK(test::findTextProblems(banner, ImVec2(1280, 720)).overlapping.size() > 0);
}

TEST_CASE("a banner takes a strip above the panels: it covers no panel title, and the panels move back up after") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), test::testSessionOptions(false));
    UiScaler scaler;
    drawFrames(fx, session, scaler, {1280, 720}, 2);
    const float top_without = session.frame().gridMin().y;
    showBanner(session.ui(), "Saved to: /a/rather/long/path/of/a/scene/file/that/wraps/my_scene.toml\nsecond line", true,
               ImGui::GetTime());
    drawFrames(fx, session, scaler, {1280, 720}, 2);
    const float strip = bannerHeight(session.ui(), 1280 - session.controlsWidth(1280));
    CHECK(strip > 2 * ImGui::GetFontSize());
    CHECK(session.frame().gridMin().y >= top_without + strip - 1);
    checkText("banner", {1280, 720}, false);  // the banner's text overlaps no title
    session.ui().banner.text.clear();
    drawFrames(fx, session, scaler, {1280, 720}, 2);
    CHECK(session.frame().gridMin().y == doctest::Approx(top_without));
    applyTheme(1.0f);
    loadFonts("en", 18.0f);
    fx.window->reloadFontTexture();
}
