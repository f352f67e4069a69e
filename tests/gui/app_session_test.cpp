// app_session_test.cpp — the application shell driven frame by frame: every
// scene in scenes/ opens and draws; a bad scene opened from the UI keeps the
// current session; "save scene as" reloads to the same spec; the screenshot
// holds real pixels; a broken shader is reported in the window.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include <stb_image.h>

#include "app/gui_scale.h"
#include "app/gui_screenshot.h"
#include "render/gl.h"
#include "app_window_fixture.h"
#include "core/scene_parser.h"
#include "shader_files_fixture.h"

using namespace ganarium;
using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

fs::path tempDir(const std::string& name) { return freshTempDir("ganarium-app-test", name); }

}  // namespace

TEST_CASE("every scene in scenes/ opens and draws a few frames without an error") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const std::vector<SceneEntry> scenes = scanSceneFolders({GANARIUM_SCENE_DIR});
    REQUIRE(scenes.size() >= 3);
    GuiSession session(defaultScene(), testSessionOptions(false));
    for (const SceneEntry& entry : scenes) {
        CAPTURE(entry.path);
        CHECK(entry.error.empty());
        session.ui().requests.load_path = entry.path;  // what a click in the scene browser does
        session.serviceRequests();
        CHECK(session.ui().banner.text.empty());
        CHECK(session.scene().title == entry.title);
        int vertices = 0;
        for (int i = 0; i < 3; ++i) vertices = fx.frame(session);
        CHECK(vertices > 1000);
        CHECK(session.snapshot()->runs.size() == session.scene().runs.size());
        CHECK(session.snapshot()->scene_title == entry.title);
        CHECK(session.ui().banner.text.empty());
        CHECK(session.frame().shaderErrors().empty());
        CHECK(glGetError() == GL_NO_ERROR);
        // Every run is drawn: one panel per run in the grid (no run left out, no empty row or column).
        const int panels = session.frame().gridColumns() * session.frame().gridRows();
        CHECK(panels >= static_cast<int>(session.scene().runs.size()));
        CHECK(panels - static_cast<int>(session.scene().runs.size()) <
              std::min(session.frame().gridColumns(), session.frame().gridRows()));
    }
}

TEST_CASE("a bad scene opened from the UI shows the error and keeps the current session running") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const fs::path dir = tempDir("bad");
    const fs::path bad = dir / "bad.toml";
    std::ofstream(bad) << "[scene]\ntitle = \"Broken\"\n[data]\nfamily = \"ring\"\nmodez = 8\n[[run]]\nobjective = \"minimax\"\n";

    GuiSession session(defaultScene(), testSessionOptions(true));
    const std::string title = session.scene().title;
    fx.frame(session);
    session.ui().requests.load_path = bad.string();
    fx.frame(session);  // serviceRequests() serves the load
    CHECK(session.ui().banner.error);
    CHECK(session.ui().banner.text.find("bad.toml") != std::string::npos);
    CHECK(session.ui().banner.text.find("modez") != std::string::npos);
    CHECK(session.scene().title == title);

    // The trainer keeps publishing new snapshots of the old scene.
    const uint64_t before = session.trainer().latest()->version;
    bool advanced = false;
    for (int i = 0; i < 200 && !advanced; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        fx.frame(session);
        advanced = session.snapshot()->version > before;  // the window drew a newer snapshot
    }
    CHECK(advanced);
    CHECK(session.snapshot()->scene_title == title);
    CHECK(session.snapshot()->playing);
    fs::remove_all(dir);
}

TEST_CASE("save scene as writes the edited scene and it reloads to the same spec") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    fx.frame(session);

    // Edits the way the panels make them.
    RunSpec run = session.scene().runs[0];
    toyOf(run)->d_opt.lr = 3e-4;
    toyOf(run)->k_d = 3;
    toyOf(run)->objective = Objective::LeastSquares;
    Command set_run;
    set_run.kind = Command::Kind::SetRun;
    set_run.run = 0;
    set_run.run_spec = run;
    postCommand(session.ui(), set_run);
    DataSpec data = session.scene().data;
    data.modes = 6;
    data.radius = 1.5;
    Command set_data;
    set_data.kind = Command::Kind::SetData;
    set_data.data = data;
    postCommand(session.ui(), set_data);
    Command reseed;
    reseed.kind = Command::Kind::Reseed;
    reseed.seed = 1234;
    postCommand(session.ui(), reseed);
    fx.frame(session);

    const fs::path dir = tempDir("save");
    const fs::path path = dir / "saved.toml";
    session.ui().requests.save_path = path.string();
    fx.frame(session);
    REQUIRE(fs::exists(path));
    CHECK_FALSE(session.ui().banner.error);

    const SceneSpec reloaded = loadSceneFile(path.string());
    CHECK(reloaded == session.scene());
    CHECK(reloaded.seed == 1234);
    CHECK(reloaded.data.modes == 6);
    CHECK(toyOf(reloaded.runs[0])->objective == Objective::LeastSquares);
    CHECK(toyOf(reloaded.runs[0])->d_opt.lr == doctest::Approx(3e-4));
    CHECK(toyOf(reloaded.runs[0])->k_d == 3);
    CHECK(reloaded.runs[1] == defaultScene().runs[1]);

    // The trainer agrees with the UI's copy: the snapshot shows the new objective.
    CHECK(session.snapshot()->runs[0].objective == objectiveName(Objective::LeastSquares));

    // Opening the saved file gives the same state again.
    CHECK(session.openScene(path.string()));
    CHECK(session.scene() == reloaded);
    fs::remove_all(dir);
}

TEST_CASE("a screenshot is a PNG of the frame, not of an empty background") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    for (int i = 0; i < 4; ++i) fx.frame(session);
    // Render once more and read back before swapping, as the app does.
    fx.window->beginFrame();
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    session.buildFrame(ImGui::GetIO().DisplaySize);
    fx.window->renderFrame();
    int w = 0, h = 0;
    fx.window->framebufferSize(w, h);
    REQUIRE(w > 0);
    const fs::path dir = tempDir("shot");
    const std::string path = timestampedScreenshotPath(dir.string());
    CHECK(path.find("ganarium-") != std::string::npos);
    REQUIRE(saveFramebufferPng(path, w, h));
    fx.window->swap();

    int pw = 0, ph = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &pw, &ph, &channels, 4);
    REQUIRE(pixels != nullptr);
    CHECK(pw == w);
    CHECK(ph == h);
    // Background is the theme's (22, 25, 30); count pixels that differ clearly.
    long differing = 0, colourful = 0;
    for (long i = 0; i < static_cast<long>(pw) * ph; ++i) {
        const unsigned char* p = pixels + i * 4;
        if (std::abs(p[0] - 22) + std::abs(p[1] - 25) + std::abs(p[2] - 30) > 30) ++differing;
        if (std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) > 60) ++colourful;
    }
    stbi_image_free(pixels);
    const double share = static_cast<double>(differing) / (static_cast<double>(pw) * ph);
    MESSAGE("non-background share: " << share << ", colourful pixels: " << colourful);
    CHECK(share > 0.2);
    CHECK(colourful > 1000);
    // A second screenshot in the same second gets a new name.
    CHECK(timestampedScreenshotPath(dir.string()) != path);
    fs::remove_all(dir);
}

TEST_CASE("a shader with a syntax error shows in the window as a red banner; training and drawing go on") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const fs::path shaders = copyShadersToTemp("session");
    GuiSessionOptions options = testSessionOptions(false);
    options.shader_dir = shaders.string();
    GuiSession session(defaultScene(), options);
    fx.frame(session);
    CHECK(session.ui().banner.text.empty());

    const ShaderSource good = loadShaderSource(shaders.string(), "points.frag");
    rewriteShader(shaders / "points.frag", "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(1.0) }\n");
    const int64_t step_before = session.snapshot()->runs[0].step;
    const int vertices = fx.frame(session);
    CHECK(session.ui().banner.error);
    CHECK(session.ui().banner.text.find("Shader error") != std::string::npos);
    CHECK(session.ui().banner.text.find("points.frag") != std::string::npos);
    CHECK(vertices > 1000);  // the panels, curves and controls are still drawn
    for (int i = 0; i < 3; ++i) fx.frame(session);
    CHECK(session.snapshot()->runs[0].step > step_before);  // training goes on
    CHECK(session.ui().banner.text.find("points.frag") != std::string::npos);  // reported once, kept until fixed

    rewriteShader(shaders / "points.frag", good.text);
    fx.frame(session);
    CHECK_FALSE(session.ui().banner.error);
    CHECK(session.ui().banner.text == "Shaders reloaded");
    CHECK(session.frame().shaderErrors().empty());
    fs::remove_all(shaders);
}

TEST_CASE("an edit the training thread refuses is shown as a red banner, once; training goes on") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(true));
    fx.frame(session);
    const int batch = toyOf(session.ui().draft.scene.runs[0])->batch;
    toyOf(session.ui().draft.scene.runs[0])->batch = 0;  // as the run editor would
    Command bad;
    bad.kind = Command::Kind::SetRun;
    bad.run = 0;
    bad.run_spec = session.ui().draft.scene.runs[0];
    postCommand(session.ui(), bad);
    const int64_t step_before = session.trainer().latest()->runs[0].step;
    bool shown = false;
    for (int i = 0; i < 200 && !shown; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        fx.frame(session);
        shown = session.ui().banner.error;
    }
    REQUIRE(shown);
    CHECK(session.ui().banner.text.find("batch must be at least 1") != std::string::npos);
    CHECK(toyOf(session.ui().draft.scene.runs[0])->batch == batch);  // the editor shows the trainer's value again
    CHECK_FALSE(session.ui().draft.in_flight);
    session.ui().banner.text.clear();  // dismissed: the same refusal is not reported again
    for (int i = 0; i < 5; ++i) fx.frame(session);
    CHECK(session.ui().banner.text.empty());
    CHECK(session.trainer().latest()->runs[0].step > step_before);
}

TEST_CASE("a refused edit reverts the editor's draft, and save-as writes the trainer's scene, not the refused value") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    fx.frame(session);
    const SceneSpec before = session.scene();
    REQUIRE(session.ui().draft.scene == before);

    // The run editor's draft takes an out-of-range latent size; the trainer (validateRun) refuses it.
    RunSpec& draft_run = session.ui().draft.scene.runs[1];
    toyOf(draft_run)->latent_dim = 65;
    Command bad;
    bad.kind = Command::Kind::SetRun;
    bad.run = 1;
    bad.run_spec = draft_run;
    postCommand(session.ui(), bad);
    fx.frame(session);  // serviceRequests hands it to the trainer, which refuses it
    fx.frame(session);  // the next frame reads the refusal from the snapshot
    CHECK(session.snapshot()->command_errors == 1);
    CHECK(session.ui().banner.error);
    CHECK(session.ui().banner.text.find("latent_dim must be between 1 and 64") != std::string::npos);
    CHECK(toyOf(session.ui().draft.scene.runs[1])->latent_dim == toyOf(before.runs[1])->latent_dim);
    CHECK(toyOf(session.scene().runs[1])->latent_dim == toyOf(before.runs[1])->latent_dim);

    const fs::path dir = tempDir("refused");
    const fs::path path = dir / "after-refusal.toml";
    REQUIRE(session.saveSceneAs(path.string()));
    const SceneSpec saved = loadSceneFile(path.string());
    CHECK(toyOf(saved.runs[1])->latent_dim == toyOf(before.runs[1])->latent_dim);
    CHECK(saved == before);

    // An accepted edit after the refusal is saved as usual.
    toyOf(session.ui().draft.scene.runs[1])->k_d = 4;
    Command good = bad;
    good.run_spec = session.ui().draft.scene.runs[1];
    postCommand(session.ui(), good);
    fx.frame(session);
    fx.frame(session);
    CHECK(toyOf(session.ui().draft.scene.runs[1])->k_d == 4);
    CHECK_FALSE(session.ui().draft.in_flight);
    REQUIRE(session.saveSceneAs(path.string()));
    CHECK(toyOf(loadSceneFile(path.string()).runs[1])->k_d == 4);
    CHECK(toyOf(loadSceneFile(path.string()).runs[1])->latent_dim == toyOf(before.runs[1])->latent_dim);
    fs::remove_all(dir);
}

TEST_CASE("the panel grid follows the UI's choice, and falls back to auto when a scene has other run counts") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/ring8.toml"), testSessionOptions(false));
    fx.frame(session);
    CHECK(session.frame().gridColumns() * session.frame().gridRows() == 4);
    session.frame().display().layout = "4x1";
    fx.frame(session);
    CHECK(session.frame().gridColumns() == 4);
    CHECK(session.frame().gridRows() == 1);
    session.frame().display().layout = "1x4";
    fx.frame(session);
    CHECK(session.frame().gridColumns() == 1);
    CHECK(session.frame().gridRows() == 4);
    CHECK(session.openScene(std::string(GANARIUM_SCENE_DIR) + "/default.toml"));  // 2 runs: 1x4 no longer fits
    CHECK(session.frame().display().layout == "auto");
    session.frame().display().layout = "2x1";
    fx.frame(session);
    CHECK(session.frame().gridColumns() == 2);
    CHECK(session.frame().gridRows() == 1);
}

TEST_CASE("draw-data mode: a click in a panel adds a Gaussian blob there, a drag paints points along its path, both kept") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    fx.frame(session);
    fx.drive_mouse = true;
    session.ui().draw_mode = true;
    // The middle of the first run panel's plot (panels fill the grid; the plot fills most of a panel).
    const ImVec2 g0 = session.frame().gridMin(), g1 = session.frame().gridMax();
    const int cols = session.frame().gridColumns(), rows = session.frame().gridRows();
    const ImVec2 centre(g0.x + (g1.x - g0.x) / cols * 0.5f, g0.y + (g1.y - g0.y) / rows * 0.5f);
    fx.mouse_pos = centre;
    fx.frame(session);
    double hx = 0, hy = 0;
    REQUIRE(session.frame().hoveredDataPoint(hx, hy));

    // Click: press and release without moving.
    fx.mouse_left = true;
    fx.frame(session);
    fx.mouse_left = false;
    fx.frame(session);
    REQUIRE(session.scene().data.family == DataFamily::Blobs2D);
    REQUIRE(session.scene().data.means.size() == 2);
    CHECK(session.scene().data.means[0] == doctest::Approx(hx).epsilon(1e-6));
    CHECK(session.scene().data.means[1] == doctest::Approx(hy).epsilon(1e-6));
    CHECK(session.scene().data.stds[0] == doctest::Approx(session.ui().blob_std));

    // Drag: press, move 60 px right in steps, release: points along the path, not a blob. (The blob's
    // data may have changed the panel layout: read the data point under the mouse in the frame of the press.)
    fx.mouse_left = true;
    fx.frame(session);
    REQUIRE(session.frame().hoveredDataPoint(hx, hy));
    for (int i = 1; i <= 6; ++i) {
        fx.mouse_pos = ImVec2(centre.x + 10.f * i, centre.y);
        fx.frame(session);
    }
    fx.mouse_left = false;
    fx.frame(session);
    fx.mouse_pos = ImVec2(-FLT_MAX, -FLT_MAX);
    fx.frame(session);
    const DataSpec& data = session.scene().data;
    REQUIRE(data.family == DataFamily::Blobs2D);  // the painted points join the blob: nothing is lost
    CHECK(data.means.size() == 2);
    REQUIRE(data.points.size() >= 4);
    CHECK(data.points[0] == doctest::Approx(hx).epsilon(1e-6));  // starts where the drag started
    for (size_t i = 1; i < data.points.size(); i += 2) CHECK(data.points[i] == doctest::Approx(hy).epsilon(1e-3));
    CHECK(data.points[data.points.size() - 2] > hx);  // and goes right
    // The trainer trains on the painted data.
    const PointSet* real = findQuantity<PointSet>(session.snapshot()->runs[0].parts, quantity_names::kReal);
    REQUIRE(real);
    CHECK(real->size() > 0);
}

TEST_CASE("HiDPI: a content scale of 2 doubles the fonts and the theme's sizes; the frame still draws") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    fx.frame(session);
    const float status_1x = session.statusLineHeight();
    applyUiScale(*fx.window, 2.0f, "en", sceneGlyphText(session.scene()));
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(38.0f));
    CHECK(largeFont()->FontSize > 38.0f);
    CHECK(ImGui::GetStyle().FramePadding.x == doctest::Approx(2 * 8.0f));
    const int vertices = fx.frame(session);
    CHECK(vertices > 1000);
    CHECK(session.statusLineHeight() > 1.6f * status_1x);  // font size + a fixed margin
    CHECK(glGetError() == GL_NO_ERROR);
    applyUiScale(*fx.window, 1.0f, "en", "");
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(19.0f));
    CHECK(uiFontPixels(1.5f) == 29.0f);
}

TEST_CASE("display settings (layers, curves tab, grid) round-trip through save-as and reload") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/ring8.toml"), testSessionOptions(false));
    fx.frame(session);
    REQUIRE(session.snapshot()->runs.size() == 4);
    DisplayState& display = session.frame().display();
    display.layers.contours = false;
    display.layers.loss_shapes = true;
    display.curves = "w1";
    display.layout = "4x1";
    fx.frame(session);
    CHECK(session.frame().plots().metric == PlotMetric::W1);  // the tab drawn is the display's
    CHECK(session.frame().gridColumns() == 4);
    const DisplayState shown = session.frame().display();
    const fs::path dir = tempDir("display-roundtrip");
    const fs::path path = dir / "looks.toml";
    REQUIRE(session.saveSceneAs(path.string()));
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("layout = \"4x1\"") != std::string::npos);
    CHECK(text.find("curves = \"w1\"") != std::string::npos);
    CHECK(text.find("hide = [\"contours\"]") != std::string::npos);
    CHECK(text.find("show = [\"loss_shapes\"]") != std::string::npos);

    // Another look, then the saved scene: everything on screen comes back.
    REQUIRE(session.openScene(std::string(GANARIUM_SCENE_DIR) + "/default.toml"));
    CHECK(session.frame().display().layout == "auto");
    CHECK(session.frame().layers().contours);
    REQUIRE(session.openScene(path.string()));
    fx.frame(session);
    CHECK(session.frame().display() == shown);
    CHECK(session.frame().plots().metric == PlotMetric::W1);
    CHECK(session.frame().gridColumns() == 4);
    CHECK(session.frame().gridRows() == 1);
    fs::remove_all(dir);
}

TEST_CASE("a scene's show / hide / curves choices apply when it opens, and reset for the next scene") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(defaultScene(), testSessionOptions(false));
    fx.frame(session);
    CHECK_FALSE(session.frame().layers().gp_lines);  // off by default
    CHECK(session.frame().layers().manifold);
    REQUIRE(session.openScene(std::string(GANARIUM_SCENE_DIR) + "/gradient-penalty-2d.toml"));
    fx.frame(session);
    CHECK(session.frame().layers().gp_lines);
    CHECK_FALSE(session.frame().layers().manifold);
    REQUIRE(session.openScene(std::string(GANARIUM_SCENE_DIR) + "/grid25.toml"));
    fx.frame(session);
    CHECK_FALSE(session.frame().layers().gp_lines);
    CHECK(session.frame().layers().manifold);
    CHECK(session.frame().plots().metric == PlotMetric::ModesCovered);  // the tab shown, set from the scene
    fx.frame(session);
    CHECK(session.frame().plots().metric == PlotMetric::ModesCovered);

    // Toggled layers, the tab and the grid on screen are saved with the scene and come back with it.
    session.frame().layers().arrows = false;
    session.frame().layers().gp_lines = true;
    const fs::path dir = tempDir("display");
    REQUIRE(session.saveSceneAs((dir / "mine.toml").string()));
    const SceneSpec saved = loadSceneFile((dir / "mine.toml").string());
    CHECK(saved.display.layers.gp_lines);
    CHECK_FALSE(saved.display.layers.arrows);
    CHECK(saved.display.layers.manifold);
    CHECK(saved.display.curves == "modes_covered");
    CHECK(saved.display == session.frame().display());
    REQUIRE(session.openScene(std::string(GANARIUM_SCENE_DIR) + "/default.toml"));
    CHECK(session.frame().layers().arrows);
    REQUIRE(session.openScene((dir / "mine.toml").string()));
    CHECK_FALSE(session.frame().layers().arrows);
    CHECK(session.frame().layers().gp_lines);
    fs::remove_all(dir);
}

TEST_CASE("six Dirac-GAN phase planes at 1280x720 get three tall columns, not two wide ones") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    GuiSession session(loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/dirac-gan.toml"), testSessionOptions(false));
    fx.frame(session);
    fx.frame(session);
    // Two wide columns left each square plot about 65 px (titles and axis titles take the cell's height).
    CHECK(session.frame().gridColumns() == 3);
}
