// render_conditional_grid_test.cpp — a conditional image run's grid under
// Xvfb: one row per class, so the grid is wider than tall (3 rows of 8
// tiles), each row's tiles drawn where the layout puts them, and the class
// names written at the row starts, left of the grid.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "render_gl_fixture.h"
#include "views/image_grid_view.h"

using namespace ganarium;
using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 640, kH = 480;

// Largest channel difference of two pixels (0..255).
int difference(const Pixel& p, const Pixel& q) {
    return std::max({std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)});
}

// Three rows (trousers, sneakers, bags) of 8 tiles; row r is bright when r is even.
Snapshot conditionalSnapshot() {
    ImageGrid grid;
    grid.rows = 3;
    grid.cols = 8;
    grid.side = 28;
    grid.row_classes = {1, 7, 8};
    for (int t = 0; t < 24; ++t) grid.pixels.insert(grid.pixels.end(), 28 * 28, (t / 8) % 2 == 0 ? 1.0f : 0.0f);
    Snapshot snap;
    snap.version = 2;
    RunSnapshot run;
    run.name = "conditional";
    run.kind = "image_gan";
    run.parts.push_back({quantity_names::kImageSamples, grid});
    snap.runs.push_back(run);
    return snap;
}

}  // namespace

TEST_CASE("conditional grid: one row per class, wider than tall, class names at the row starts") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    ImageGridView view;
    const Snapshot snap = conditionalSnapshot();
    ViewCamera camera;
    ViewLayers layers;
    layers.real = false;
    ViewStyle style;
    style.interactive = false;
    style.show_legend = false;
    style.show_title = false;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, style, ImVec2(kW, kH)); });
    const ImVec2 a = view.samplesMin(), b = view.samplesMax();
    REQUIRE(b.x - a.x > 100);
    CHECK((b.x - a.x) / (b.y - a.y) == doctest::Approx((8.0 * 29 + 1) / (3.0 * 29 + 1)).epsilon(0.02));
    const float tile_w = (b.x - a.x) / 8.0f, tile_h = (b.y - a.y) / 3.0f;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 8; ++c) {
            CAPTURE(r);
            CAPTURE(c);
            const Pixel p = fx.pixel(img, static_cast<int>(a.x + (c + 0.5f) * tile_w), static_cast<int>(a.y + (r + 0.5f) * tile_h));
            CHECK((r % 2 == 0 ? p.r > 230 : p.r < 25));
        }
    }
    // Each row's name is text left of the grid, within the row's height: some bright glyph pixels there.
    const Pixel background = fx.pixel(img, 2, static_cast<int>(a.y + 1));
    for (int r = 0; r < 3; ++r) {
        CAPTURE(r);
        int ink = 0;
        for (int y = static_cast<int>(a.y + r * tile_h + 2); y < static_cast<int>(a.y + (r + 1) * tile_h - 2); ++y)
            for (int x = std::max(0, static_cast<int>(a.x) - 120); x < static_cast<int>(a.x) - 2; ++x)
                if (difference(fx.pixel(img, x, y), background) > 100) ++ink;
        CHECK(ink > 10);
    }
    // Nothing is written left of the grid below the last row.
    int below = 0;
    for (int y = static_cast<int>(b.y + 4); y < static_cast<int>(b.y + 30) && y < kH; ++y)
        for (int x = std::max(0, static_cast<int>(a.x) - 120); x < static_cast<int>(a.x) - 2; ++x)
            if (difference(fx.pixel(img, x, y), background) > 100) ++below;
    CHECK(below == 0);
}
