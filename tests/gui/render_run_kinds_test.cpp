// render_run_kinds_test.cpp — pixel checks of the views for the new kinds of
// quantity: the Dirac-GAN phase plane (path, equilibrium, field) and the
// generator-loss shapes (each cost where its formula puts it, the batch
// histogram), plus the registry's choice of panels from a run's quantities.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "render/colormap.h"
#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "views/loss_shapes_view.h"
#include "views/phase_plane_view.h"
#include "views/view_registry.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 640, kH = 480;

ViewStyle quietStyle() {
    ViewStyle s;
    s.interactive = false;
    s.show_legend = false;
    return s;
}

// A Dirac-GAN run: a rotation field, a straight path from (1.5, 0) to (-1.5, 0), equilibrium at 0.
Snapshot diracSnapshot() {
    Snapshot snap;
    RunSnapshot run;
    run.name = "test";
    run.kind = "dirac";
    VectorField field;
    field.box = Bounds{-2, 2, -2, 2};
    field.nx = field.ny = 5;
    for (int iy = 0; iy < 5; ++iy) {
        for (int ix = 0; ix < 5; ++ix) {
            field.u.push_back(-(-2.0f + 0.8f * (iy + 0.5f)));
            field.v.push_back(-2.0f + 0.8f * (ix + 0.5f));
        }
    }
    Trajectory path;
    for (int i = 0; i <= 30; ++i) {
        path.xy.push_back(1.5f - 0.1f * i);
        path.xy.push_back(1.0f);
        path.steps.push_back(i);
    }
    run.parts.push_back({quantity_names::kPhaseField, field});
    run.parts.push_back({quantity_names::kTrajectory, path});
    run.parts.push_back({quantity_names::kEquilibrium, PointSet{2, {0.0f, 0.0f}}});
    snap.runs.push_back(run);
    return snap;
}

}  // namespace

TEST_CASE("view registry: panels follow the quantities a run holds") {
    ViewLayers layers;
    RunSnapshot toy;
    toy.parts.push_back({quantity_names::kFake, PointSet{1, {0.5f, -0.5f}}});
    CHECK(panelsForRun(toy, layers).size() == 1);
    CHECK(panelsForRun(toy, layers)[0].kind == PanelKind::Data1D);
    toy.parts.push_back({quantity_names::kGeneratorScores, ScalarSamples{0, 1, {0.2f}}});
    CHECK(panelsForRun(toy, layers).size() == 1);  // loss shapes are a layer, off by default
    layers.loss_shapes = true;
    const auto panels = panelsForRun(toy, layers);
    REQUIRE(panels.size() == 2);
    CHECK(panels[1].kind == PanelKind::LossShapes);
    CHECK(panels[0].share + panels[1].share == doctest::Approx(1.0f));
    const Snapshot dirac = diracSnapshot();
    const auto plane = panelsForRun(dirac.runs[0], layers);
    REQUIRE(plane.size() == 1);
    CHECK(plane[0].kind == PanelKind::PhasePlane);
}

TEST_CASE("view registry: the toy data view follows the dimension of the run's samples, not the scene's") {
    const ViewLayers layers;
    RunSnapshot run;
    // No quantities at all (a metrics-only Dirac snapshot): the 2D view, which draws an empty plot.
    CHECK(panelsForRun(run, layers)[0].kind == PanelKind::Data2D);
    // Only the modes (a toy snapshot without samples, e.g. a failed run): their dimension decides.
    setQuantity(run.parts, quantity_names::kModes, ModeMarkers{1, {}, {}});
    CHECK(panelsForRun(run, layers)[0].kind == PanelKind::Data1D);
    // Samples decide over the modes; real samples alone are enough.
    setQuantity(run.parts, quantity_names::kReal, PointSet{2, {0.1f, 0.2f}});
    CHECK(panelsForRun(run, layers)[0].kind == PanelKind::Data2D);
    setQuantity(run.parts, quantity_names::kFake, PointSet{1, {0.1f}});
    CHECK(panelsForRun(run, layers)[0].kind == PanelKind::Data1D);
    // A latent set of dimension 1 does not make 2D data 1D.
    setQuantity(run.parts, quantity_names::kFake, PointSet{2, {0.1f, 0.2f}});
    setQuantity(run.parts, quantity_names::kLatent, PointSet{1, {0.3f}});
    CHECK(panelsForRun(run, layers)[0].kind == PanelKind::Data2D);
    // The synthetic snapshots' runs (built like the trainer's) get the views of their data.
    CHECK(panelsForRun(test::synthetic1D(false).runs[0], layers)[0].kind == PanelKind::Data1D);
    CHECK(panelsForRun(test::synthetic2D(true).runs[0], layers)[0].kind == PanelKind::Data2D);
}

TEST_CASE("phase plane: the path is drawn in the generator's orange, the equilibrium in black") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    PhasePlaneView view;
    Snapshot snap = diracSnapshot();
    ViewCamera camera;
    ViewLayers layers;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietStyle(), ImVec2(kW, kH)); });
    const PlotArea& area = view.plotArea();
    CHECK(area.width() == doctest::Approx(area.height()));  // square units
    const Rgba orange = palette::fake();
    // The newest end of the path (-1.5, 1) carries the current-point dot.
    const ImVec2 now = area.toScreen(-1.5, 1.0);
    Pixel p = fx.pixel(img, static_cast<int>(now.x), static_cast<int>(now.y));
    INFO("current point " << p.r << "," << p.g << "," << p.b);
    CHECK(colourDistance(p, orange.r, orange.g, orange.b) <= 40);
    // The trail fades: near the newest end the path is almost full orange, near the start it is faint.
    const ImVec2 recent = area.toScreen(-1.3, 1.0), old = area.toScreen(1.3, 1.0);
    const Pixel p_recent = fx.pixel(img, static_cast<int>(recent.x), static_cast<int>(recent.y));
    const Pixel p_old = fx.pixel(img, static_cast<int>(old.x), static_cast<int>(old.y));
    INFO("recent " << p_recent.r << "," << p_recent.g << "," << p_recent.b << "  old " << p_old.r << "," << p_old.g
                   << "," << p_old.b);
    CHECK(colourDistance(p_recent, orange.r, orange.g, orange.b) <= 40);
    CHECK(colourDistance(p_old, orange.r, orange.g, orange.b) > colourDistance(p_recent, orange.r, orange.g, orange.b) + 60);
    // The equilibrium cross centre is dark.
    const ImVec2 eq = area.toScreen(0.0, 0.0);
    p = fx.pixel(img, static_cast<int>(eq.x), static_cast<int>(eq.y));
    CHECK(p.r + p.g + p.b < 200);
    // Far from every mark and arrow (a corner of the plot): the plot background.
    const Rgba bg = palette::background();
    p = fx.pixel(img, static_cast<int>(area.min.x + 2), static_cast<int>(area.max.y - 2));
    CHECK(colourDistance(p, bg.r, bg.g, bg.b) <= 10);
}

TEST_CASE("generator-loss shapes: closed forms, and each curve drawn where its formula puts it") {
    CHECK(generatorCostAt("minimax", 0.5) == doctest::Approx(std::log(0.5)));
    CHECK(generatorCostAt("non_saturating", 0.25) == doctest::Approx(-std::log(0.25)));
    CHECK(generatorCostAt("max_likelihood", 0.5) == doctest::Approx(-0.5));  // -exp(logit 0.5)/2
    CHECK(generatorCostAt("max_likelihood", 0.8) == doctest::Approx(-0.5 * 4.0));
    CHECK(generatorCostSlope("minimax", 0.0) == doctest::Approx(-1.0));  // flat-ish where G is rejected
    CHECK(generatorCostSlope("non_saturating", 0.01) == doctest::Approx(-100.0));  // steep there
    CHECK(generatorCostSlope("max_likelihood", 0.5) == doctest::Approx(-2.0));

    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    LossShapesView view;
    Snapshot snap;
    RunSnapshot run;
    run.objective = "minimax";
    ScalarSamples batch;
    for (int i = 0; i < 200; ++i) batch.values.push_back(0.02f);  // a rejected generator
    run.parts.push_back({quantity_names::kGeneratorScores, batch});
    snap.runs.push_back(run);
    ViewCamera camera;
    ViewLayers layers;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietStyle(), ImVec2(kW, kH)); });
    const PlotArea& area = view.plotArea();
    // Non-saturating (orange, thin) at D = 0.2: -log 0.2 = 1.61.
    const ImVec2 ns = area.toScreen(0.2, generatorCostAt("non_saturating", 0.2));
    Pixel p = fx.pixel(img, static_cast<int>(ns.x), static_cast<int>(std::lround(ns.y)));
    INFO("non-saturating pixel " << p.r << "," << p.g << "," << p.b);
    CHECK(p.r > p.b + 40);  // orange over the near-white background
    // The own (minimax, blue, thick) curve at D = 0.6: log 0.4 = -0.92.
    const ImVec2 mm = area.toScreen(0.6, generatorCostAt("minimax", 0.6));
    p = fx.pixel(img, static_cast<int>(mm.x), static_cast<int>(std::lround(mm.y)));
    INFO("minimax pixel " << p.r << "," << p.g << "," << p.b);
    CHECK(p.b > p.r + 60);
    // The batch histogram stands in the first bin, on the bottom edge.
    const ImVec2 bar = area.toScreen(0.012, -3.9);
    p = fx.pixel(img, static_cast<int>(bar.x), static_cast<int>(bar.y));
    INFO("batch bar " << p.r << "," << p.g << "," << p.b);
    const Rgba bg = palette::background();
    CHECK(colourDistance(p, bg.r, bg.g, bg.b) > 40);
}
