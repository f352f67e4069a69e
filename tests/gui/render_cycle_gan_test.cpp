// render_cycle_gan_test.cpp — pixel checks of the toy CycleGAN panel: a run
// with cycle paths gets it from the registry; X sits left of Y on one scale;
// a translated point is drawn in its source mode's colour where G_XY put it
// in Y; the mapping matrix is dark where the mapping sends a mode and light
// elsewhere.
#include <doctest/doctest.h>

#include <cmath>

#include "render/colormap.h"
#include "render_gl_fixture.h"
#include "views/cycle_gan_view.h"
#include "views/view_registry.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 1200, kH = 560;
constexpr int kModes = 8, kShift = 3;  // G_XY sends X mode i to Y mode i + 3

Mode ringMode(int i) { return {2 * std::cos(2 * M_PI * i / kModes), 2 * std::sin(2 * M_PI * i / kModes), 0.05}; }

// A run whose G_XY rotates the ring by three modes and whose G_YX undoes it, exactly.
Snapshot cycleSnapshot() {
    RunSnapshot run;
    run.name = "cycle";
    run.kind = "cyclegan";
    PointPaths px, py;
    ModeMarkers modes;
    FieldGrid mapping;
    mapping.nx = mapping.ny = kModes;
    mapping.box = Bounds{0, kModes, 0, kModes};
    mapping.values.assign(kModes * kModes, 0.0f);
    for (int i = 0; i < kModes; ++i) {
        const Mode a = ringMode(i), b = ringMode((i + kShift) % kModes), c = ringMode((i + kModes - kShift) % kModes);
        modes.modes.push_back(a);
        modes.covered.push_back(true);
        for (int rep = 0; rep < 5; ++rep) {
            px.coords.insert(px.coords.end(), {float(a.x), float(a.y), float(b.x), float(b.y), float(a.x), float(a.y)});
            px.labels.push_back(i);
            py.coords.insert(py.coords.end(), {float(a.x), float(a.y), float(c.x), float(c.y), float(a.x), float(a.y)});
            py.labels.push_back(i);
        }
        mapping.values[static_cast<size_t>(i * kModes + (i + kShift) % kModes)] = 1.0f;
    }
    run.parts.push_back({quantity_names::kCyclePathsX, px});
    run.parts.push_back({quantity_names::kCyclePathsY, py});
    run.parts.push_back({quantity_names::kModesX, modes});
    run.parts.push_back({quantity_names::kModesY, modes});
    run.parts.push_back({quantity_names::kModeMapping, mapping});
    Snapshot snap;
    snap.runs.push_back(run);
    return snap;
}

}  // namespace

TEST_CASE("CycleGAN panel: registry, X left of Y, translated points in their source mode's colour, the matrix") {
    const Snapshot snap = cycleSnapshot();
    const auto panels = panelsForRun(snap.runs[0], ViewLayers{});
    REQUIRE(panels.size() == 1);
    CHECK(panels[0].kind == PanelKind::CycleGan);
    CHECK(dynamic_cast<CycleGanView*>(makePanelView(PanelKind::CycleGan).get()) != nullptr);

    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    CycleGanView view;
    ViewCamera camera;
    ViewStyle style;
    style.interactive = false;
    style.show_legend = false;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, ViewLayers{}, camera, style, ImVec2(kW, kH)); });
    const PlotArea& area = view.plotArea();
    REQUIRE(view.yShift() > 4.0);  // Y's box starts right of X's (radius 2 rings plus a gap)
    // Y mode 3 receives X mode 0: drawn in mode 0's colour at its place in Y (shifted right).
    const Mode target = ringMode(kShift);
    const Pixel in_y = fx.pixel(img, area.toScreen(target.x + view.yShift(), target.y));
    INFO("translated point " << int(in_y.r) << "," << int(in_y.g) << "," << int(in_y.b));
    CHECK(colourDistance(in_y, cycleModeColour(0)) <= 40);
    // X mode 2 is drawn in its own colour on the left.
    const Mode source = ringMode(2);
    const Pixel in_x = fx.pixel(img, area.toScreen(source.x, source.y));
    CHECK(colourDistance(in_x, cycleModeColour(2)) <= 60);
    CHECK(area.screenX(target.x + view.yShift()) > area.screenX(2.0) + 20);
    // The matrix: right of the plots, dark in row 1 column 4 (mode 0 -> mode 3), light in row 1 column 1.
    REQUIRE(view.matrixMax().x > view.matrixMin().x);
    CHECK(view.matrixMin().x >= area.max.x);
    const Rgba full = colormapColour(ColormapKind::Probability, 1.0f), none = colormapColour(ColormapKind::Probability, 0.0f);
    int dark = 0, light = 0;
    for (int y = static_cast<int>(view.matrixMin().y); y < static_cast<int>(view.matrixMax().y); y += 2) {
        for (int x = static_cast<int>(view.matrixMin().x); x < static_cast<int>(view.matrixMax().x); x += 2) {
            const Pixel p = fx.pixel(img, x, y);
            dark += colourDistance(p, full.r, full.g, full.b) <= 12 ? 1 : 0;
            light += colourDistance(p, none.r, none.g, none.b) <= 12 ? 1 : 0;
        }
    }
    // Eight dark cells of 64: about 7 light cells per dark one.
    CHECK(dark > 20);
    CHECK(light > 4 * dark);
}
