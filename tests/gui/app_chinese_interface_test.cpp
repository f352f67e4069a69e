// app_chinese_interface_test.cpp — the Chinese interface: the CJK font search
// and its English fallback, the draw-mode cue, and whole Chinese frames at
// 1280x720 and 1920x1080 whose text is neither clipped nor overlapping.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <imgui_internal.h>  // ImGui::FindWindowByName

#include "app/gui_screenshot.h"
#include "app_window_fixture.h"
#include "core/display_names.h"
#include "core/scene_parser.h"
#include "shell_command.h"
#include "text_rects.h"
#include "ui/cjk_font.h"
#include "ui/draw_mode.h"
#include "ui/i18n.h"
#include "ui/panels.h"
#include "ui/run_editor_advanced.h"
#include "ui/scene_frame.h"
#include "views/panel_title.h"

using namespace ganarium;
using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

// Sets GANARIUM_FONT_DIRS for the scope of one test, restoring the previous value.
struct FontDirsOverride {
    std::string previous;
    bool had = false;
    explicit FontDirsOverride(const std::string& dirs) {
        if (const char* p = std::getenv("GANARIUM_FONT_DIRS")) previous = p, had = true;
        setenv("GANARIUM_FONT_DIRS", dirs.c_str(), 1);
    }
    ~FontDirsOverride() {
        if (had) setenv("GANARIUM_FONT_DIRS", previous.c_str(), 1);
        else unsetenv("GANARIUM_FONT_DIRS");
    }
};

void touch(const fs::path& path) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "x";
}

}  // namespace

TEST_CASE("the CJK font search prefers Noto Sans CJK, then WenQuanYi, and finds nothing in an empty folder") {
    const fs::path dir = freshTempDir("ganarium-fonts", "search");
    CHECK_FALSE(findChineseFont({dir.string()}).has_value());
    CHECK_FALSE(findChineseFont({(dir / "missing").string()}).has_value());
    touch(dir / "truetype/wqy/wqy-microhei.ttc");
    auto found = findChineseFont({dir.string()});
    REQUIRE(found);
    CHECK(found->path == (dir / "truetype/wqy/wqy-microhei.ttc").string());
    CHECK(found->face == 0);
    touch(dir / "opentype/noto/NotoSansCJK-Regular.ttc");
    found = findChineseFont({dir.string()});
    REQUIRE(found);
    CHECK(found->path == (dir / "opentype/noto/NotoSansCJK-Regular.ttc").string());
    CHECK(found->face == 2);  // Simplified Chinese inside the collection
    fs::remove_all(dir);
}

TEST_CASE("without a CJK font, --lang zh names the package to install and stays in English") {
    const fs::path dir = freshTempDir("ganarium-fonts", "none");
    {
        FontDirsOverride no_fonts(dir.string());
        CHECK(fontSearchDirs() == std::vector<std::string>{dir.string()});
        CHECK_FALSE(chineseFontAvailable());
        CHECK(usableLanguage(Language::Chinese) == Language::English);
        CHECK(usableLanguage(Language::English) == Language::English);
        const std::string message = missingChineseFontMessage();
        CHECK(message.find("fonts-noto-cjk") != std::string::npos);
        CHECK(message.find("fonts-wqy-microhei") != std::string::npos);
    }
    const char* bin = std::getenv("GANARIUM_BIN");
    REQUIRE_MESSAGE(bin, "GANARIUM_BIN is set by CTest");
    const ShellResult run = runShell("GANARIUM_FONT_DIRS=" + dir.string() + " " + bin +
                                     " --lang zh --paused --frames 2");
    CHECK(run.code == 0);
    CHECK(run.output.find("fonts-noto-cjk") != std::string::npos);
    CHECK(run.output.find("stays in English") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("draw mode: a cue while on, a warning before the first click replaces the data, then an undo") {
    DataSpec ring;  // the default family: not drawn points
    DrawUndo undo;
    CHECK_FALSE(drawModeCue(false, 2, ring, undo).visible);
    CHECK_FALSE(drawModeCue(true, 1, ring, undo).visible);  // 1D data cannot be drawn
    DrawModeCue cue = drawModeCue(true, 2, ring, undo);
    CHECK(cue.visible);
    CHECK(cue.banner == TextId::DrawModeBanner);
    REQUIRE(cue.note);
    CHECK(*cue.note == TextId::DrawModeWarning);
    CHECK_FALSE(cue.offer_undo);

    rememberDataBeforeDrawing(undo, ring);
    REQUIRE(undo.before);
    CHECK(undo.before->family == DataFamily::Ring);
    DataSpec drawn;
    drawn.family = DataFamily::Points2D;
    drawn.points = {0.0, 0.0};
    rememberDataBeforeDrawing(undo, drawn);  // later edits keep the data from before the first one
    CHECK(undo.before->family == DataFamily::Ring);
    cue = drawModeCue(true, 2, drawn, undo);
    REQUIRE(cue.note);
    CHECK(*cue.note == TextId::DrawModeReplaced);
    CHECK(cue.offer_undo);

    DrawUndo fresh;  // drawing onto drawn points replaces nothing: no warning, nothing to undo
    cue = drawModeCue(true, 2, drawn, fresh);
    CHECK_FALSE(cue.note.has_value());
    rememberDataBeforeDrawing(fresh, drawn);
    CHECK_FALSE(fresh.before.has_value());
    for (TextId id : {TextId::DrawModeBanner, TextId::DrawModeWarning, TextId::DrawModeReplaced, TextId::Undo})
        CHECK(std::string(tr(Language::Chinese, id)).size() > 0);
}

TEST_CASE("the drawn data can be undone in the window: the first blob replaces the ring, Undo brings it back") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    fx.frame(session);
    session.ui().draw_mode = true;
    rememberDataBeforeDrawing(session.ui().draw_undo, session.ui().draft.scene.data);
    Command blob;
    blob.kind = Command::Kind::AddBlob;
    blob.x = 0.5;
    blob.y = 0.5;
    blob.std = 0.1;
    postCommand(session.ui(), blob);
    for (int i = 0; i < 3; ++i) fx.frame(session);
    CHECK(session.scene().data.family == DataFamily::Blobs2D);
    REQUIRE(session.ui().draw_undo.before);
    const ImGuiWindow* cue = ImGui::FindWindowByName("##draw_mode");  // the banner with its Undo button is up
    REQUIRE(cue != nullptr);
    CHECK(cue->WasActive);
    // A picture of it to look at (kept in the temp folder): build and render once more, read back before swapping.
    fx.window->beginFrame();
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    session.buildFrame(ImGui::GetIO().DisplaySize);
    fx.window->renderFrame();
    int w = 0, h = 0;
    fx.window->framebufferSize(w, h);
    const fs::path shot = fs::temp_directory_path() / "ganarium-draw-mode-cue.png";
    CHECK(saveFramebufferPng(shot.string(), w, h));
    fx.window->swap();
    session.serviceRequests();
    Command undo;
    undo.kind = Command::Kind::SetData;
    undo.data = *session.ui().draw_undo.before;
    postCommand(session.ui(), undo);
    for (int i = 0; i < 3; ++i) fx.frame(session);
    CHECK(session.scene().data.family == DataFamily::Ring);
    session.ui().draw_mode = false;  // leaving draw mode hides the cue
    for (int i = 0; i < 2; ++i) fx.frame(session);
    CHECK_FALSE(ImGui::FindWindowByName("##draw_mode")->WasActive);
}

namespace {

// Draws `frames` frames of `scene` in Chinese at `size` and returns the text problems of the last one.
TextProblems chineseFrameProblems(AppWindowFixture& fx, const SceneSpec& scene, ImVec2 size, int frames,
                                  size_t& glyph_count) {
    loadFonts("zh", 18.0f, sceneGlyphText(scene));
    fx.window->reloadFontTexture();
    GuiSession session(scene, testSessionOptions(false));
    session.ui().lang = Language::Chinese;
    TextProblems problems;
    for (int i = 0; i < frames; ++i) {
        ImGui_ImplOpenGL3_NewFrame();  // GuiWindow::beginFrame, with the display size set before ImGui's frame
        ImGui_ImplGlfw_NewFrame();
        ImGui::GetIO().DisplaySize = size;
        ImGui::NewFrame();
        session.buildFrame(size);
        ImGui::Render();
        if (i == frames - 1) {
            std::vector<GlyphRect> glyphs = glyphRects(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
            glyph_count = glyphs.size();
            // The curves panel's tab strip (top right): tabs, or one combo when they do not fit (presenter change).
            std::vector<GlyphRect> tab_strip;
            const float strip_h = ImGui::GetFontSize() * 2.2f;
            std::vector<GlyphRect> rest;
            for (const GlyphRect& g : glyphs)
                (g.max.y < strip_h && g.min.x > size.x * 0.7f ? tab_strip : rest).push_back(g);
            glyphs.swap(rest);
            const TextProblems strip = findTextProblems(tab_strip, size);
            CHECK_MESSAGE(strip.clipped.empty(), strip.clipped.size(), " glyphs of the curves tab strip are cut");
            problems = findTextProblems(glyphs, size);
        }
        ImGui::EndFrame();
        session.serviceRequests();
    }
    return problems;
}

std::string firstLines(const std::vector<std::string>& lines) {
    std::string s;
    for (size_t i = 0; i < lines.size() && i < 8; ++i) s += lines[i] + "\n";
    return s;
}

}  // namespace

TEST_CASE("Chinese frames at 1280x720 and 1920x1080: the scene's own text, no clipped or overlapping text") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    if (!chineseFontAvailable()) {
        MESSAGE("no CJK font installed (fonts-noto-cjk or fonts-wqy-microhei): skipping the Chinese frames");
        CHECK(missingChineseFontMessage().size() > 0);
        return;
    }
    for (const std::string file :
         {"default.toml", "optimal-d-1d.toml", "ring8.toml", "dirac-gan.toml", "gp-lambda-1d.toml",
          "generator-losses-1d.toml", "grid25.toml"}) {
        const SceneSpec scene = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/" + file);
        for (ImVec2 size : {ImVec2(1280, 720), ImVec2(1920, 1080)}) {
            CAPTURE(file);
            CAPTURE(size.x);
            size_t glyphs = 0;
            const TextProblems p = chineseFrameProblems(fx, scene, size, 4, glyphs);
            CHECK(glyphs > 200);  // the frame really drew text
            CHECK_MESSAGE(p.overlapping.empty(), p.overlapping.size(), " overlaps:\n", firstLines(p.overlapping));
            CHECK_MESSAGE(p.clipped.empty(), p.clipped.size(), " clipped:\n", firstLines(p.clipped));
        }
    }
    loadFonts("en", 18.0f);
    fx.window->reloadFontTexture();
}

TEST_CASE("the overlap check sees overlapping and clipped glyphs") {
    GlyphRect a{{10, 10}, {20, 30}, {0, 0}, {100, 100}, {0.1f, 0.1f}, false};
    GlyphRect b = a;
    b.uv_min = {0.2f, 0.2f};
    b.min = {14, 12};
    b.max = {24, 32};
    TextProblems p = findTextProblems({a, b}, ImVec2(100, 100));
    CHECK(p.overlapping.size() == 1);
    CHECK(p.clipped.empty());
    GlyphRect shadow = a;
    shadow.min = {11, 11};
    shadow.max = {21, 31};
    CHECK(findTextProblems({a, shadow}, ImVec2(100, 100)).overlapping.empty());
    GlyphRect cut = a;
    cut.clip_max = {15, 100};
    CHECK(findTextProblems({cut}, ImVec2(100, 100)).clipped.size() == 1);
    GlyphRect off = a;
    off.max = {120, 30};
    off.clip_max = {200, 200};
    CHECK(findTextProblems({off}, ImVec2(100, 100)).clipped.size() == 1);
}

TEST_CASE("a line cut at the top or bottom of a scrolling list is not a clipped label") {
    GlyphRect scrolled{{10, 90}, {20, 110}, {0, 0}, {100, 100}, {0.1f, 0.1f}, false};
    CHECK(findTextProblems({scrolled}, ImVec2(200, 200)).clipped.empty());
}

TEST_CASE("save-as writes the title from its field (title_zh in Chinese) and the browser lists the new file") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    fx.frame(session);
    const fs::path dir = freshTempDir("ganarium-save", "title");
    const fs::path path = dir / "mine.toml";
    REQUIRE(session.saveSceneAs(path.string(), "My ring"));
    SceneSpec saved = loadSceneFile(path.string());
    CHECK(saved.title == "My ring");
    CHECK(saved.title_zh == defaultScene().title_zh);
    session.serviceRequests();  // the window takes the new title too
    fx.frame(session);
    CHECK(session.scene().title == "My ring");
    CHECK(session.snapshot()->scene_title == "My ring");
    session.ui().lang = Language::Chinese;
    REQUIRE(session.saveSceneAs(path.string(), "我的环"));
    saved = loadSceneFile(path.string());
    CHECK(saved.title == "My ring");  // the English title as retitled before
    CHECK(saved.title_zh == "我的环");
    session.serviceRequests();
    fx.frame(session);
    CHECK(session.scene().title_zh == "我的环");
    // The saved file's folder joined the browser's folders; the next draw rescans and lists the file.
    CHECK_FALSE(session.ui().scenes_scanned);
    bool listed_folder = false;
    std::error_code ec;
    for (const std::string& folder : session.ui().scene_dirs)
        listed_folder = listed_folder || fs::equivalent(folder, dir, ec);
    CHECK(listed_folder);
    bool listed_file = false;
    for (const SceneEntry& entry : scanSceneFolders(session.ui().scene_dirs))
        listed_file = listed_file || (entry.path == path.string() && entry.title_zh == "我的环");
    CHECK(listed_file);
    fs::remove_all(dir);
}

TEST_CASE("the fixed generator, k_G, Adam betas and SGD momentum controls' edits reach the trainer") {
    DataSpec ring;
    const DataSpec fixed_2d = fixedGeneratorDefault(ring, 2);
    CHECK(fixed_2d.family == DataFamily::Gaussian2D);
    CHECK(fixedGeneratorDefault(ring, 1).family == DataFamily::Gaussian1D);
    CHECK(fixedGeneratorDefault(fixed_2d, 2) == fixed_2d);  // a fitting distribution is kept

    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    fx.frame(session);
    RunSpec edited = session.ui().draft.scene.runs[0];
    ToyGanSpec& toy = *toyOf(edited);
    toy.fixed_generator = true;
    toy.fixed_data = fixedGeneratorDefault(toy.fixed_data, 2);
    toy.k_g = 3;
    toy.d_opt.beta1 = toy.g_opt.beta1 = 0.1;
    Command set;
    set.kind = Command::Kind::SetRun;
    set.run = 0;
    set.run_spec = edited;
    postCommand(session.ui(), set);
    fx.frame(session);
    fx.frame(session);
    const ToyGanSpec& applied = *toyOf(session.scene().runs[0]);
    CHECK(applied.fixed_generator);
    CHECK(applied.k_g == 3);
    CHECK(applied.g_opt.beta1 == doctest::Approx(0.1));
    // A fixed distribution of the wrong dimension is refused, and the draft goes back with the reason.
    toy.fixed_data = fixedGeneratorDefault(DataSpec{}, 1);  // a 1D Gaussian for 2D data
    set.run_spec = edited;
    session.ui().draft.scene.runs[0] = edited;
    postCommand(session.ui(), set);
    fx.frame(session);
    fx.frame(session);
    CHECK(session.ui().banner.error);
    CHECK(session.ui().banner.text.find("same dimension") != std::string::npos);
    CHECK(toyOf(session.ui().draft.scene.runs[0])->fixed_data.family == DataFamily::Gaussian2D);
}

TEST_CASE("the English interface's font already has every Chinese word a switch with L shows") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    if (!chineseFontAvailable()) {
        MESSAGE("no CJK font installed: skipping");
        CHECK_FALSE(usableLanguage(Language::Chinese) == Language::Chinese);
        return;
    }
    loadFonts("en", 18.0f);
    for (const DisplayName& row : displayNameTable()) CHECK_MESSAGE(fontHasGlyphs(row.zh), row.zh);
    for (int i = 0; i < textCount(); ++i) {
        const char* zh = tr(Language::Chinese, static_cast<TextId>(i));
        CHECK_MESSAGE(std::string(zh).size() > 0, i);
        CHECK_MESSAGE(fontHasGlyphs(zh), zh);
    }
}

TEST_CASE("panel titles: name_zh and the keywords' Chinese names in Chinese, the English ones otherwise") {
    RunSnapshot run;
    run.name = "Standard GAN";
    run.name_zh = "标准 GAN";
    run.objective = "non_saturating";
    run.lipschitz = "gp";
    ViewLabels english;
    ViewLabels chinese = translatedViewLabels(Language::Chinese);
    REQUIRE(chinese.chinese);
    const std::string en = panelTitleText(run, english);
    const std::string zh = panelTitleText(run, chinese);
    CHECK(en.find("Standard GAN") == 0);
    CHECK(en.find("non-saturating + gp") != std::string::npos);
    CHECK(zh.find("标准 GAN") == 0);
    CHECK(zh.find("非饱和 + 梯度惩罚") != std::string::npos);
    run.name_zh.clear();  // no Chinese name: the English one
    CHECK(panelTitleText(run, chinese).find("Standard GAN") == 0);
}
