// render_screenshots_test.cpp — renders the views with realistic synthetic
// data: checks HiDPI sizing and the 2x2 frame time, and writes PNG
// screenshots when GANARIUM_SCREENSHOT_DIR is set (for looking at them).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>

#include "render/png_writer.h"
#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "views/view_1d.h"
#include "views/view_2d.h"

using namespace ganarium;
using ganarium::test::RenderGlFixture;

namespace {

// Distinct colours in an image (a blank or uniform frame has very few).
size_t distinctColours(const std::vector<uint8_t>& img) {
    std::set<uint32_t> colours;
    for (size_t i = 0; i + 3 < img.size(); i += 4 * 7)
        colours.insert(static_cast<uint32_t>(img[i]) | img[i + 1] << 8 | img[i + 2] << 16);
    return colours.size();
}

// Writes `img` as <GANARIUM_SCREENSHOT_DIR>/views_<name>.png when that variable is set.
void maybeSave(const std::string& name, int w, int h, const std::vector<uint8_t>& img) {
    const char* dir = std::getenv("GANARIUM_SCREENSHOT_DIR");
    if (!dir) return;
    std::string path = std::string(dir) + "/views_" + name + ".png";
    CHECK_MESSAGE(writePng(path, w, h, img), "could not write " << path);
    MESSAGE("wrote " << path);
}

ViewStyle still() {
    ViewStyle s;
    s.interactive = false;
    return s;
}

}  // namespace

TEST_CASE("screenshots: single 2D and 1D panels with realistic data") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    const int w = 960, h = 640;
    struct Case {
        std::string name;
        Snapshot snap;
        ViewLayers layers;
    };
    ViewLayers gp;
    gp.gp_lines = true;
    gp.manifold = false;
    ViewLayers plain;
    std::vector<Case> cases = {{"2d_probability", test::synthetic2D(false), plain},
                               {"2d_critic_gp", test::synthetic2D(true), gp},
                               {"1d_probability", test::synthetic1D(false), plain},
                               {"1d_critic", test::synthetic1D(true), plain}};
    for (auto& c : cases) {
        std::unique_ptr<RunView> view = makeRunView(c.snap.dim);
        ViewCamera camera;
        auto img = fx.renderFrame(w, h, [&] { view->draw(c.snap, 0, c.layers, camera, still(), ImVec2(w, h)); });
        CHECK(view->shaderErrors().empty());
        CHECK(distinctColours(img) > 200);
        maybeSave(c.name, w, h, img);
    }
}

TEST_CASE("screenshots: small panels (video sizes) with long titles still show their data") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    const int w = 960, h = 540;
    Snapshot s2 = test::synthetic2D(false), s1 = test::synthetic1D(false);
    s2.runs[0].name = "Standard GAN (non-saturating)";
    s2.runs[0].objective = "non_saturating";
    s1.runs[0].name = "WGAN (weight clipping), a long run name";
    View2D big2, small2;
    View1D big1, small1;
    ViewCamera c2, c1;
    auto img = fx.renderFrame(w, h, [&] {
        // Left column: 640x360 panels would not fit twice; 2D 480x270 over 1D 480x270; right: 320x180 each.
        ImGui::SetCursorScreenPos({0, 0});
        big2.draw(s2, 0, ViewLayers{}, c2, still(), ImVec2(480, 270));
        ImGui::SetCursorScreenPos({0, 270});
        big1.draw(s1, 0, ViewLayers{}, c1, still(), ImVec2(480, 270));
        ImGui::SetCursorScreenPos({500, 0});
        small2.draw(s2, 0, ViewLayers{}, c2, still(), ImVec2(320, 180));
        ImGui::SetCursorScreenPos({500, 270});
        small1.draw(s1, 0, ViewLayers{}, c1, still(), ImVec2(320, 180));
    });
    CHECK(small2.plotArea().height() > 40.f);
    CHECK(small1.plotArea().height() > 40.f);
    CHECK(distinctColours(img) > 200);
    maybeSave("small_panels", w, h, img);
}

TEST_CASE("HiDPI: the 2D view's offscreen target follows DisplayFramebufferScale") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = test::synthetic2D(false);
    ViewCamera camera;
    fx.renderFrame(500, 400, [&] { view.draw(snap, 0, ViewLayers{}, camera, still(), ImVec2(500, 400)); }, 2.f);
    const PlotArea& area = view.plotArea();
    CHECK(std::abs(view.framebuffer().width() - 2.f * area.width()) <= 1.f);
    CHECK(std::abs(view.framebuffer().height() - 2.f * area.height()) <= 1.f);
}

TEST_CASE("2x2 panels at 1280x720: frame time, and a diverged run stays visible with its banner") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    const int w = 1280, h = 720;
    std::vector<Snapshot> snaps = {test::synthetic2D(false), test::synthetic2D(true), test::synthetic2D(false, true),
                                   test::synthetic2D(true)};
    std::vector<ViewLayers> layers(4);
    layers[3].gp_lines = true;
    layers[3].manifold = false;
    std::vector<std::unique_ptr<RunView>> views;
    for (int i = 0; i < 4; ++i) views.push_back(makeRunView(2));
    ViewCamera camera;
    auto frame = [&] {
        for (int i = 0; i < 4; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(static_cast<float>((i % 2) * w / 2), static_cast<float>((i / 2) * h / 2)));
            views[static_cast<size_t>(i)]->draw(snaps[static_cast<size_t>(i)], 0, layers[static_cast<size_t>(i)],
                                                camera, still(), ImVec2(w / 2.f - 6, h / 2.f - 6));
        }
    };
    auto img = fx.renderFrame(w, h, frame);
    CHECK(distinctColours(img) > 300);
    // The diverged panel (bottom left) has the red banner under its title.
    bool red = false;
    for (int y = h / 2 + 20; y < h / 2 + 50 && !red; ++y)
        for (int x = 5; x < 200 && !red; ++x) {
            auto p = fx.pixel(img, x, y);
            red = p.r > 200 && p.g < 80 && p.b < 80;
        }
    CHECK(red);
    maybeSave("grid_2x2", w, h, img);

    // Wall time depends on the machine's load (2 shared cores); process CPU time (all llvmpipe threads) less so.
    // Two cases: the trainer publishes a new snapshot every frame (everything re-uploaded and re-rendered),
    // and an unchanged snapshot (paused: the views keep their offscreen images, only overlays are drawn).
    auto measure = [&](bool publish_every_frame, double& wall_median, double& cpu_median) {
        std::vector<double> ms, cpu_ms;
        for (int i = 0; i < 30; ++i) {
            if (publish_every_frame)
                for (auto& s : snaps) ++s.version;
            auto t0 = std::chrono::steady_clock::now();
            std::clock_t c0 = std::clock();
            fx.renderFrame(w, h, frame, 1.f, false);
            cpu_ms.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpu_ms.begin(), cpu_ms.end());
        wall_median = ms[ms.size() / 2];
        cpu_median = cpu_ms[cpu_ms.size() / 2];
    };
    double wall_new = 0, cpu_new = 0, wall_same = 0, cpu_same = 0;
    measure(true, wall_new, cpu_new);
    measure(false, wall_same, cpu_same);
    MESSAGE("2x2 2D panels, 1280x720, 1500+1500 points each, median frame: new snapshot every frame "
            << wall_new << " ms wall / " << cpu_new << " ms CPU; unchanged snapshot " << wall_same << " ms wall / "
            << cpu_same << " ms CPU (CPU summed over llvmpipe threads)");
    std::vector<double> ms = {wall_new};
    CHECK(ms[0] < 150.0);  // generous (shared, loaded machine): the 16.7 ms target is measured and reported
    CHECK(cpu_same < cpu_new);  // unchanged snapshots skip the GL layers
}
