// render_image_rows_test.cpp — pixel checks of the progress strip, the latent
// interpolation and the nearest-neighbour views under Xvfb: each tile is
// drawn where its layout says (not blank: every tile's own brightness, in
// columns left to right), the picked tile A is outlined in its colour on the
// row and on the sample grid, a click on the grid reports its tile, and the
// registry gives an image run the strips in a band under its panels.
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>

#include "render/colormap.h"
#include "quiet_view_style.h"
#include "render_gl_fixture.h"
#include "views/image_grid_view.h"
#include "views/image_rows_view.h"
#include "views/view_registry.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::quietViewStyle;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 640, kH = 480;

// rows x cols uniform tiles; column c has brightness `level(c)`.
template <typename Level>
ImageGrid columnTiles(int rows, int cols, Level level) {
    ImageGrid grid;
    grid.rows = rows;
    grid.cols = cols;
    grid.side = 28;
    grid.pixels.resize(static_cast<size_t>(rows * cols * 28 * 28));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            std::fill_n(grid.pixels.begin() + (r * cols + c) * 28 * 28, 28 * 28, level(c));
    return grid;
}

Snapshot stripsSnapshot() {
    Snapshot snap;
    snap.version = 5;
    RunSnapshot run;
    run.name = "strips";
    run.kind = "image_gan";
    run.parts.push_back({quantity_names::kImageSamples, columnTiles(8, 8, [](int) { return 0.0f; })});
    ImageStrip progress{columnTiles(4, 3, [](int c) { return (c + 1) / 3.0f; }), {100, 1000, 1500}, {0, 9, 18, 27}};
    run.parts.push_back({quantity_names::kImageProgress, progress});
    ImageStrip row{columnTiles(1, 10, [](int c) { return c / 9.0f; }), {}, {3, 17}};
    for (int c = 0; c < 10; ++c) row.column_values.push_back(c / 9.0);
    run.parts.push_back({quantity_names::kImageInterpolation, row});
    const float levels[] = {1.0f, 0.5f, 0.2f, 0.8f};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    ImageStrip neighbour{columnTiles(1, 4, [&](int c) { return levels[c]; }), {nan, 3.2, nan, 5.1}, {3}};
    run.parts.push_back({quantity_names::kImageNeighbour, neighbour});
    snap.runs.push_back(run);
    return snap;
}

// The grey level at the centre of tile (row, col) of `layout`.
int tileGrey(RenderGlFixture& fx, const std::vector<uint8_t>& img, const TileLayout& layout, int row, int col) {
    const ImVec2 a = layout.tileMin(row, col);
    return fx.pixel(img, static_cast<int>(a.x + layout.tile * 0.5f), static_cast<int>(a.y + layout.tile * 0.5f)).r;
}

}  // namespace

TEST_CASE("strips column: progress columns, the interpolation row and the neighbour pairs are drawn tile by tile") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    ImageRowsView view;
    const Snapshot snap = stripsSnapshot();
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, ViewLayers{}, camera, quietViewStyle(), ImVec2(kW, kH)); });

    const TileLayout& progress = view.progress().layout();
    REQUIRE(progress.cols == 3);
    REQUIRE(progress.rows == 4);
    CHECK(progress.tile > 20);
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 3; ++c) {
            CAPTURE(r);
            CAPTURE(c);
            CHECK(std::abs(tileGrey(fx, img, progress, r, c) - (c + 1) * 255 / 3) < 6);
        }
    const TileLayout& row = view.interpolation().layout();
    REQUIRE(row.cols == 10);
    CHECK(row.pos.y > progress.pos.y + progress.size().y);  // below the progress strip
    for (int c = 1; c < 9; ++c) {  // the ends carry the A and B letters
        CAPTURE(c);
        CHECK(std::abs(tileGrey(fx, img, row, 0, c) - c * 255 / 9) < 6);
    }
    // A's outline (left edge of tile 0) in A's colour.
    const ImU32 a = pickColourA();
    const Pixel edge = fx.pixel(img, static_cast<int>(row.tileMin(0, 0).x - 1), static_cast<int>(row.tileMin(0, 0).y + row.tile * 0.7f));
    CHECK(colourDistance(edge, a) < 40);

    const TileLayout& pair = view.neighbour().layout();  // the first pair: sample A and its nearest training image
    REQUIRE(pair.cols == 2);
    CHECK(pair.pos.y > row.pos.y + row.size().y);
    CHECK(tileGrey(fx, img, pair, 0, 1) == doctest::Approx(128).epsilon(0.05));
    // The second pair sits a tile's width to the right of the first: the gap shows the panel, not a tile.
    const float gap_x = pair.pos.x + pair.size().x + pair.tile * 0.5f;
    const Pixel gap = fx.pixel(img, static_cast<int>(gap_x), static_cast<int>(pair.tileMin(0, 1).y + pair.tile * 0.5f));
    CHECK(gap.r < 40);
    const float test_x = pair.pos.x + pair.size().x + pair.tile + pair.tile * 0.5f + 2;
    const Pixel test = fx.pixel(img, static_cast<int>(test_x), static_cast<int>(pair.tileMin(0, 1).y + pair.tile * 0.5f));
    CHECK(std::abs(test.r - 51) < 8);  // the test image's 0.2 grey
}

TEST_CASE("sample grid: the picked tile A is outlined, and a click reports the tile under the mouse") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    ImageGridView view;
    const Snapshot snap = stripsSnapshot();
    ViewCamera camera;
    ViewLayers layers;
    layers.real = false;
    ViewStyle style = quietViewStyle();
    style.interactive = true;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, style, ImVec2(kW, kH)); });
    const ImVec2 g0 = view.samplesMin(), g1 = view.samplesMax();
    const float tile = (g1.x - g0.x) / 8.0f;
    // Tile 3 = row 0, column 3: its outline is in A's colour, tile 17 (row 2, column 1) in B's.
    const ImU32 a = pickColourA(), b = pickColourB();
    auto near = [](const Pixel& p, ImU32 c) { return colourDistance(p, c) < 40; };
    CHECK(near(fx.pixel(img, static_cast<int>(g0.x + 3 * tile + 1), static_cast<int>(g0.y + tile * 0.8f)), a));
    CHECK(near(fx.pixel(img, static_cast<int>(g0.x + 1 * tile + 1), static_cast<int>(g0.y + 2 * tile + tile * 0.8f)), b));
    CHECK_FALSE(near(fx.pixel(img, static_cast<int>(g0.x + 5 * tile + tile * 0.5f), static_cast<int>(g0.y + 5 * tile + tile * 0.5f)), a));

    int clicked = -99;
    CHECK_FALSE(view.clickedTile(clicked));
    fx.setMouse(g0.x + 6.5f * tile, g0.y + 4.5f * tile);  // row 4, column 6: tile 38
    fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, style, ImVec2(kW, kH)); });
    fx.setLeftButton(true);
    fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, style, ImVec2(kW, kH)); });
    REQUIRE(view.clickedTile(clicked));
    CHECK(clicked == 38);
    fx.setLeftButton(false);
}

TEST_CASE("view registry: an image run with a progress strip gets the strips in a band under its other panels") {
    const auto panels = panelsForRun(stripsSnapshot().runs[0], ViewLayers{});
    REQUIRE(panels.size() == 2);
    CHECK(panels[0].kind == PanelKind::ImageGrid);
    CHECK_FALSE(panels[0].band);
    CHECK(panels[0].share == doctest::Approx(1.0f));
    CHECK(panels[1].kind == PanelKind::ImageRows);
    CHECK(panels[1].band);
    CHECK(panels[1].share == doctest::Approx(1.0f));
    CHECK(dynamic_cast<ImageRowsView*>(makePanelView(PanelKind::ImageRows).get()) != nullptr);
}
