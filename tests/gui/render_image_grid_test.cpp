// render_image_grid_test.cpp — pixel checks of the image-GAN views under
// Xvfb: the 8x8 sample grid shows each tile where the layout puts it (not
// blank, bright tiles bright and dark tiles dark, grey gaps between them),
// the real grid appears beside it with the "real" layer, the D-score
// histograms are drawn in the real and generated colours, the class bars
// show a collapsed generator as one long bar over the data's outlines, and
// the registry gives an image run these panels.
#include <doctest/doctest.h>

#include <memory>

#include "render/colormap.h"
#include "render/image_grid_texture.h"
#include "quiet_view_style.h"
#include "render_gl_fixture.h"
#include "views/class_histogram_view.h"
#include "views/d_scores_view.h"
#include "views/image_grid_view.h"
#include "views/view_registry.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::quietViewStyle;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 640, kH = 480;

// An 8x8 grid whose tile (r, c) is uniformly bright when (r + c) is even (a checkerboard of tiles).
ImageGrid checkerTiles() {
    ImageGrid grid;
    grid.rows = grid.cols = 8;
    grid.side = 28;
    for (int t = 0; t < 64; ++t) {
        const float v = ((t / 8 + t % 8) % 2 == 0) ? 1.0f : 0.0f;
        grid.pixels.insert(grid.pixels.end(), 28 * 28, v);
    }
    return grid;
}

Snapshot imageSnapshot() {
    Snapshot snap;
    snap.version = 3;
    RunSnapshot run;
    run.name = "image test";
    run.kind = "image_gan";
    run.parts.push_back({quantity_names::kImageSamples, checkerTiles()});
    ImageGrid real = checkerTiles();
    for (float& v : real.pixels) v = 0.5f;
    run.parts.push_back({quantity_names::kImageReal, real});
    Histogram on_real{0, 1, std::vector<float>(32, 0.0f)}, on_fake{0, 1, std::vector<float>(32, 0.0f)};
    on_real.counts[28] = 100;
    on_fake.counts[3] = 80;
    run.parts.push_back({quantity_names::kScoresReal, on_real});
    run.parts.push_back({quantity_names::kScoresFake, on_fake});
    snap.runs.push_back(run);
    return snap;
}

}  // namespace

TEST_CASE("image grid pixels: tiles side by side with gaps, row-major") {
    int w = 0, h = 0;
    const std::vector<uint8_t> rgba = imageGridPixels(checkerTiles(), w, h);
    CHECK(w == 8 * 29 + 1);
    CHECK(h == 8 * 29 + 1);
    auto grey = [&](int x, int y) { return rgba[(static_cast<size_t>(y) * w + x) * 4]; };
    CHECK(grey(0, 0) == 70);                      // the gap
    CHECK(grey(1 + 14, 1 + 14) == 255);           // tile (0, 0) is bright
    CHECK(grey(1 + 29 + 14, 1 + 14) == 0);        // tile (0, 1) is dark
    CHECK(grey(1 + 14, 1 + 29 + 14) == 0);        // tile (1, 0) is dark
    CHECK(grey(1 + 7 * 29 + 14, 1 + 7 * 29 + 14) == 255);  // tile (7, 7)
}

TEST_CASE("image grid view: 8x8 tiles rendered where the layout puts them, real grid beside them") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    ImageGridView view;
    const Snapshot snap = imageSnapshot();
    ViewCamera camera;
    ViewLayers layers;
    layers.real = false;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietViewStyle(), ImVec2(kW, kH)); });
    const ImVec2 a = view.samplesMin(), b = view.samplesMax();
    REQUIRE(b.x - a.x > 100);
    CHECK(b.x - a.x == doctest::Approx(b.y - a.y));
    const float tile = (b.x - a.x) / 8.0f;
    int bright = 0, dark = 0;
    for (int r = 0; r < 8; ++r) {
        for (int c = 0; c < 8; ++c) {
            const Pixel p = fx.pixel(img, static_cast<int>(a.x + (c + 0.5f) * tile), static_cast<int>(a.y + (r + 0.5f) * tile));
            const bool want_bright = (r + c) % 2 == 0;
            CAPTURE(r);
            CAPTURE(c);
            CHECK((want_bright ? p.r > 230 : p.r < 25));
            (want_bright ? bright : dark)++;
        }
    }
    CHECK(bright == 32);
    CHECK(dark == 32);

    layers.real = true;
    auto both = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietViewStyle(), ImVec2(kW, kH)); });
    const ImVec2 a2 = view.samplesMin(), b2 = view.samplesMax();
    const float side = b2.x - a2.x;
    CHECK(side < b.x - a.x + 0.5f);  // two grids share the width
    // The real grid (all mid-grey tiles) sits to the right of the samples.
    const ImVec2 r0 = view.realMin();
    CHECK(r0.x >= b2.x);
    const Pixel real = fx.pixel(both, static_cast<int>(r0.x + side * 0.5f / 8.0f), static_cast<int>(r0.y + side * 0.5f / 8.0f));
    CHECK(std::abs(real.r - 128) < 20);
}

TEST_CASE("D-score view: real scores in the real colour on the right, generated ones in orange on the left") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    DScoresView view;
    const Snapshot snap = imageSnapshot();
    ViewCamera camera;
    const ViewLayers layers;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietViewStyle(), ImVec2(kW, kH)); });
    const PlotArea& area = view.plotArea();
    REQUIRE(area.width() > 50);
    const ImVec2 real_bar = area.toScreen((28 + 0.5) / 32.0, 30.0), fake_bar = area.toScreen((3 + 0.5) / 32.0, 30.0);
    const Pixel r = fx.pixel(img, static_cast<int>(real_bar.x), static_cast<int>(real_bar.y));
    const Pixel f = fx.pixel(img, static_cast<int>(fake_bar.x), static_cast<int>(fake_bar.y));
    const Rgba green = palette::real(), orange = palette::fake();
    CHECK(colourDistance(r, green.r, green.g, green.b) < colourDistance(r, orange.r, orange.g, orange.b));
    CHECK(colourDistance(f, orange.r, orange.g, orange.b) < colourDistance(f, green.r, green.g, green.b));
    const ImVec2 empty = area.toScreen(0.5, 30.0);
    const Pixel e = fx.pixel(img, static_cast<int>(empty.x), static_cast<int>(empty.y));
    CHECK(colourDistance(e, palette::background().r, palette::background().g, palette::background().b) < 30);
}

TEST_CASE("view registry: an image run gets the image grid and the D-score panels") {
    RenderGlFixture fx;  // the views make GL objects: a context, also when this case runs alone
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    const Snapshot snap = imageSnapshot();
    const auto panels = panelsForRun(snap.runs[0], ViewLayers{});
    REQUIRE(panels.size() == 2);
    CHECK(panels[0].kind == PanelKind::ImageGrid);
    CHECK(panels[1].kind == PanelKind::DScores);
    CHECK(panels[0].share + panels[1].share == doctest::Approx(1.0f));
    CHECK(dynamic_cast<ImageGridView*>(makePanelView(PanelKind::ImageGrid).get()) != nullptr);
}

// The classifier puts every sample in class 1 (trousers); the data mix is uniform (10 % each).
Snapshot collapsedOnTrousers() {
    Snapshot snap = imageSnapshot();
    Histogram generated{0, 10, std::vector<float>(10, 0.0f)}, data{0, 10, std::vector<float>(10, 10.0f)};
    generated.counts[1] = 100.0f;
    snap.runs[0].parts.push_back({quantity_names::kClassesGenerated, generated});
    snap.runs[0].parts.push_back({quantity_names::kClassesData, data});
    return snap;
}

TEST_CASE("class bars: a generator collapsed on trousers is one long orange bar; other rows show only the data mix") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    ClassHistogramView view;
    const Snapshot snap = collapsedOnTrousers();
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, ViewLayers{}, camera, quietViewStyle(), ImVec2(kW, kH)); });
    const PlotArea& area = view.plotArea();
    REQUIRE(area.width() > 50);
    const Rgba orange = palette::fake();
    // Row of class c spans y in [9 - c, 10 - c] (T-shirt on top).
    const Pixel trousers_far = fx.pixel(img, area.toScreen(60.0, 8.5));  // inside the 100 % bar, beyond the 10 % outline
    const Pixel coat_far = fx.pixel(img, area.toScreen(60.0, 5.5));      // class 4: no samples
    CHECK(colourDistance(trousers_far, orange.r, orange.g, orange.b) < 60);
    CHECK(colourDistance(coat_far, palette::background().r, palette::background().g, palette::background().b) < 30);
    CHECK(area.shown.x1 >= 100.0);  // the axis reaches the collapsed bar
}

TEST_CASE("view registry: an image run with the classifier's verdict gets the class bars next to the grid") {
    RenderGlFixture fx;  // the views make GL objects: a context, also when this case runs alone
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    const auto panels = panelsForRun(collapsedOnTrousers().runs[0], ViewLayers{});
    REQUIRE(panels.size() == 3);
    CHECK(panels[1].kind == PanelKind::ClassHistogram);  // before D's scores: in a small cell D's scores give way first
    CHECK(panels[2].kind == PanelKind::DScores);
    CHECK(panels[0].share + panels[1].share + panels[2].share == doctest::Approx(1.0f));
    CHECK(dynamic_cast<ClassHistogramView*>(makePanelView(PanelKind::ClassHistogram).get()) != nullptr);
}
