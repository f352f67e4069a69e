// render_views_test.cpp — pixel checks of the 2D and 1D data views rendered
// offscreen from known snapshots: heatmap colours match the colormaps, samples
// land where they are, GP dots match the colour bar, D(x) = 1/2 sits at the
// right height.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "render/colormap.h"
#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "views/field_scale.h"
#include "views/view_1d.h"
#include "views/view_2d.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 640, kH = 480;

ViewLayers onlyField() {
    ViewLayers l;
    l.real = l.fake = l.arrows = l.manifold = l.modes = l.gp_lines = false;
    return l;
}

ViewStyle quietStyle() {
    ViewStyle s;
    s.interactive = false;
    return s;
}

}  // namespace

TEST_CASE("2D heatmap: a constant probability 1 shows the sequential colormap's top colour") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    CHECK(view.shaderErrors().empty());
    Snapshot snap = test::constantField2D(1.0f, false);
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, onlyField(), camera, quietStyle(), ImVec2(kW, kH)); });
    Rgba want = heatmapDisplayColour(ColormapKind::Probability, 1.f, kHeatmapOpacity);
    Pixel p = fx.pixel(img, view.dataToScreen(0.27, 0.33));
    INFO("pixel " << p.r << "," << p.g << "," << p.b);
    CHECK(colourDistance(p, want.r, want.g, want.b) <= 4);
    // The top of the sequential map is dark purple: clearly not the background.
    Rgba bg = palette::background();
    CHECK(colourDistance(p, bg.r, bg.g, bg.b) > 60);
}

TEST_CASE("2D heatmap: a constant critic is white on the diverging colormap, whatever its value") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot zero = test::constantField2D(0.0f, true);
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(zero, 0, onlyField(), camera, quietStyle(), ImVec2(kW, kH)); });
    Pixel p = fx.pixel(img, view.dataToScreen(0.27, 0.33));
    INFO("pixel " << p.r << "," << p.g << "," << p.b);
    CHECK(p.r >= 240);
    CHECK(p.g >= 240);
    CHECK(p.b >= 240);

    // A critic is defined up to a constant: the range is centred on the median, so 2.5 everywhere is white too
    // (render_honest_numbers_test checks the ends of the range).
    Snapshot high = test::constantField2D(2.5f, true);
    high.version = 2;
    img = fx.renderFrame(kW, kH, [&] { view.draw(high, 0, onlyField(), camera, quietStyle(), ImVec2(kW, kH)); });
    CHECK(fieldScale(high.runs[0]).lo == doctest::Approx(1.5));
    p = fx.pixel(img, view.dataToScreen(0.27, 0.33));
    INFO("pixel " << p.r << "," << p.g << "," << p.b);
    CHECK(p.r >= 240);
    CHECK(p.g >= 240);
    CHECK(p.b >= 240);
}

TEST_CASE("2D points: a real and a generated sample are drawn where they are, in their colours") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = test::constantField2D(0.5f, false);
    setQuantity(snap.runs[0].parts, quantity_names::kReal, PointSet{2, {0.3f, -0.2f}});
    setQuantity(snap.runs[0].parts, quantity_names::kFake, PointSet{2, {-0.45f, 0.35f}});
    ViewLayers layers = onlyField();
    layers.d_field = false;
    layers.real = layers.fake = true;
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietStyle(), ImVec2(kW, kH)); });
    Rgba real = palette::real(), fake = palette::fake(), bg = palette::background();
    Pixel pr = fx.pixel(img, view.dataToScreen(0.3, -0.2));
    Pixel pf = fx.pixel(img, view.dataToScreen(-0.45, 0.35));
    Pixel empty = fx.pixel(img, view.dataToScreen(0.61, 0.67));
    INFO("real " << pr.r << "," << pr.g << "," << pr.b << " fake " << pf.r << "," << pf.g << "," << pf.b);
    // Real samples are rings with a translucent fill (generated dots under them stay visible).
    const float a = View2D::kRealFillAlpha;
    CHECK(colourDistance(pr, real.r * a + bg.r * (1 - a), real.g * a + bg.g * (1 - a), real.b * a + bg.b * (1 - a)) <= 6);
    CHECK(colourDistance(pf, fake.r, fake.g, fake.b) <= 6);
    CHECK(colourDistance(empty, bg.r, bg.g, bg.b) <= 3);
}

TEST_CASE("2D gradient penalty: interpolate dot and line take the colour bar's colour for their norm") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = test::constantField2D(0.f, true);
    RunSnapshot& run = snap.runs[0];
    setQuantity(run.parts, quantity_names::kGpPairs, Segments{2, {-0.6f, -0.4f}, {0.6f, 0.6f}});
    setQuantity(run.parts, quantity_names::kGpInterpolates, PointSet{2, {0.12f, 0.2f}});  // t = 0.6 along the segment
    setQuantity(run.parts, quantity_names::kGpGradNorm, ScalarSamples{0, 2, {1.3f}});
    ViewLayers layers = onlyField();
    layers.d_field = false;
    layers.gp_lines = true;
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietStyle(), ImVec2(kW, kH)); });
    double range = gradNormRange(run);
    CHECK(range == doctest::Approx(2.0));
    Rgba want = colormapColour(ColormapKind::GradNorm, static_cast<float>(1.3 / range));
    Pixel dot = fx.pixel(img, view.dataToScreen(0.12, 0.2));
    INFO("dot " << dot.r << "," << dot.g << "," << dot.b);
    CHECK(colourDistance(dot, want.r, want.g, want.b) <= 5);
    // The segment is nearly opaque: the line colour at kGpLineAlpha (80 %) over the background. Anti-aliasing makes a
    // pixel's coverage depend on where the 1.6 px line falls, so each pixel near the line is split into how
    // far it went from the background towards the line colour (k) and how far off that path it is
    // (residual): the best pixel must reach nearly the full 80 % with the line's hue.
    Rgba bg = palette::background();
    double best_k = 0, best_residual = 255;
    for (double t : {0.2, 0.25, 0.3}) {
        ImVec2 on_line = view.dataToScreen(-0.6 + 1.2 * t, -0.4 + 1.0 * t);
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                Pixel q = fx.pixel(img, static_cast<int>(on_line.x) + dx, static_cast<int>(on_line.y) + dy);
                double d[3] = {255.0 * (want.r - bg.r), 255.0 * (want.g - bg.g), 255.0 * (want.b - bg.b)};
                double v[3] = {q.r - 255.0 * bg.r, q.g - 255.0 * bg.g, q.b - 255.0 * bg.b};
                double k = (v[0] * d[0] + v[1] * d[1] + v[2] * d[2]) / (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double residual = 0;
                for (int c = 0; c < 3; ++c) residual = std::max(residual, std::fabs(v[c] - k * d[c]));
                if (k > best_k) {
                    best_k = k;
                    best_residual = residual;
                }
            }
    }
    INFO("line: best k " << best_k << ", residual " << best_residual);
    CHECK(best_k >= View2D::kGpLineAlpha - 0.1);
    CHECK(best_k <= View2D::kGpLineAlpha + 0.05);
    CHECK(best_residual <= 8);
    // The colour bar right of the plot shows the same colour at 1.3.
    const PlotArea& area = view.plotArea();
    float F = ImGui::GetFontSize();
    float y0 = area.min.y + F * 1.3f + F * 0.5f, y1 = area.max.y - F * 0.5f;
    ImVec2 bar{area.max.x + F * 0.8f + F * 0.4f, y1 - static_cast<float>(1.3 / range) * (y1 - y0)};
    Pixel on_bar = fx.pixel(img, bar);
    INFO("bar " << on_bar.r << "," << on_bar.g << "," << on_bar.b);
    CHECK(colourDistance(on_bar, want.r, want.g, want.b) <= 8);
}

TEST_CASE("1D view: D(x) = 1/2 is drawn at half of the probability axis") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View1D view;
    Snapshot snap;
    snap.version = 1;
    snap.dim = 1;
    snap.view = {-2, 2, -1, 1};
    RunSnapshot run;
    run.name = "half";
    run.objective = "minimax";
    FieldGrid half;
    half.nx = 64;
    half.ny = 1;
    half.box = snap.view;
    half.values.assign(64, 0.5f);
    setQuantity(run.parts, quantity_names::kDiscriminator, std::move(half));
    snap.runs.push_back(run);
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, ViewLayers{}, camera, quietStyle(), ImVec2(kW, kH)); });
    const PlotArea& area = view.plotArea();
    // The probability axis runs from D = 0 at the plot's bottom edge upwards.
    CHECK(view.dataToScreen(0.7, 0.0).y == doctest::Approx(area.max.y));
    float expected_y = view.dataToScreen(0.7, 0.5).y;
    CHECK(expected_y < area.max.y - 0.4f * area.height());
    CHECK(expected_y > area.min.y + 0.4f * area.height());
    // Scan the column at x = 0.7 for D-curve pixels; their centre is the curve's height.
    int x = static_cast<int>(view.dataToScreen(0.7, 0.5).x);
    Rgba dc = palette::dCurve();
    int lo = -1, hi = -1;
    for (int y = static_cast<int>(area.min.y) + 1; y < static_cast<int>(area.max.y); ++y)
        if (colourDistance(fx.pixel(img, x, y), dc.r, dc.g, dc.b) <= 40) {
            if (lo < 0) lo = y;
            hi = y;
        }
    REQUIRE(lo >= 0);
    CHECK(hi - lo <= 5);  // one line, about kDCurveWidth thick
    CHECK(std::abs(0.5f * (lo + hi) + 0.5f - expected_y) <= 1.5f);
}

TEST_CASE("makeRunView picks the 1D and 2D views") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    CHECK(dynamic_cast<View1D*>(makeRunView(1).get()) != nullptr);
    CHECK(dynamic_cast<View2D*>(makeRunView(2).get()) != nullptr);
}

// One interactive 2D panel (pan, zoom, hover) over a constant field of 0.5, for the mouse tests.
struct InteractivePanel {
    RenderGlFixture fx;
    std::unique_ptr<View2D> view = fx.ok() ? std::make_unique<View2D>() : nullptr;  // GL needs the context
    Snapshot snap = test::constantField2D(0.5f, false);
    ViewCamera camera;
    ViewStyle style;  // interactive
    void draw() { view->draw(snap, 0, onlyField(), camera, style, ImVec2(kW, kH)); }
};

TEST_CASE("2D view: hover reads the data point; the wheel zooms about the mouse unless the axes are fixed") {
    InteractivePanel panel;
    REQUIRE_MESSAGE(panel.fx.ok(), panel.fx.error());
    RenderGlFixture& fx = panel.fx;
    View2D& view = *panel.view;
    ViewCamera& camera = panel.camera;
    auto frame = [&] { panel.draw(); };
    fx.renderFrame(kW, kH, frame);
    ImVec2 mouse = view.dataToScreen(0.4, -0.3);
    fx.setMouse(mouse.x, mouse.y);
    fx.renderFrame(kW, kH, frame);
    double hx = 0, hy = 0;
    REQUIRE(view.hoveredDataPoint(hx, hy));
    CHECK(hx == doctest::Approx(0.4).epsilon(0.01));
    CHECK(hy == doctest::Approx(-0.3).epsilon(0.01));

    Bounds before = camera.box;
    fx.scrollWheel(2.f);
    fx.renderFrame(kW, kH, frame);
    double width_before = before.x1 - before.x0, width_after = camera.box.x1 - camera.box.x0;
    CHECK(width_after == doctest::Approx(width_before * 0.85 * 0.85));
    // The data point under the mouse stays under the mouse.
    fx.renderFrame(kW, kH, frame);
    ImVec2 again = view.dataToScreen(0.4, -0.3);
    CHECK(std::abs(again.x - mouse.x) < 1.0f);
    CHECK(std::abs(again.y - mouse.y) < 1.0f);

    camera.fixed_axes = true;
    Bounds fixed = camera.box;
    fx.scrollWheel(3.f);
    fx.renderFrame(kW, kH, frame);
    CHECK(camera.box.x0 == fixed.x0);
    CHECK(camera.box.x1 == fixed.x1);
}

TEST_CASE("2D view: a left drag pans the shared camera with the mouse, in data units; fixed axes ignore it") {
    InteractivePanel panel;
    REQUIRE_MESSAGE(panel.fx.ok(), panel.fx.error());
    RenderGlFixture& fx = panel.fx;
    View2D& view = *panel.view;
    ViewCamera& camera = panel.camera;
    auto frame = [&] { panel.draw(); };
    fx.renderFrame(kW, kH, frame);
    const ImVec2 start = view.dataToScreen(0.2, 0.1);
    fx.setMouse(start.x, start.y);
    fx.renderFrame(kW, kH, frame);  // hover
    fx.setLeftButton(true);
    fx.renderFrame(kW, kH, frame);  // press on the panel
    const Bounds before = camera.box;
    for (int i = 1; i <= 4; ++i) {  // drag 80 px right and 40 px down in four moves
        fx.setMouse(start.x + 20.f * i, start.y + 10.f * i);
        fx.renderFrame(kW, kH, frame);
    }
    fx.setLeftButton(false);
    fx.renderFrame(kW, kH, frame);
    // The point grabbed stays under the mouse: the box moved left and up in data units, same size.
    const ImVec2 now = view.dataToScreen(0.2, 0.1);
    CHECK(std::abs(now.x - (start.x + 80.f)) < 1.0f);
    CHECK(std::abs(now.y - (start.y + 40.f)) < 1.0f);
    CHECK(camera.box.x0 < before.x0);
    CHECK(camera.box.y0 > before.y0);
    CHECK((camera.box.x1 - camera.box.x0) == doctest::Approx(before.x1 - before.x0));

    camera.fixed_axes = true;
    const Bounds fixed = camera.box;
    fx.setLeftButton(true);
    fx.renderFrame(kW, kH, frame);
    fx.setMouse(start.x - 60.f, start.y);
    fx.renderFrame(kW, kH, frame);
    fx.setLeftButton(false);
    fx.renderFrame(kW, kH, frame);
    CHECK(camera.box.x0 == fixed.x0);
    CHECK(camera.box.y0 == fixed.y0);
    fx.setMouse(-1e6f, -1e6f);
}

TEST_CASE("2D view: GL layers re-render only when the snapshot, layers or camera change") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = test::constantField2D(0.5f, false);
    ViewCamera camera;
    ViewLayers layers;
    auto frame = [&] { view.draw(snap, 0, layers, camera, quietStyle(), ImVec2(kW, kH)); };
    fx.renderFrame(kW, kH, frame);
    CHECK(view.glRenderCount() == 1);
    fx.renderFrame(kW, kH, frame);
    CHECK(view.glRenderCount() == 1);  // nothing changed
    snap.version++;
    fx.renderFrame(kW, kH, frame);
    CHECK(view.glRenderCount() == 2);
    layers.contours = false;
    fx.renderFrame(kW, kH, frame);
    CHECK(view.glRenderCount() == 3);
    camera.box = {-0.5, 0.5, -0.5, 0.5};  // zoom in (videos clip the plot to the field box: zooming out may show the same)
    fx.renderFrame(kW, kH, frame);
    CHECK(view.glRenderCount() == 4);
}

TEST_CASE("data views: a run without quantities draws an empty plot, and a 1D quantity in the 2D view is left out") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    ViewLayers all;
    all.gp_lines = true;
    Rgba bg = palette::background();
    for (int dim : {1, 2}) {
        CAPTURE(dim);
        Snapshot snap;
        snap.version = 1;
        snap.dim = dim;
        snap.view = {-1, 1, -1, 1};
        RunSnapshot bare;
        bare.name = "bare";
        snap.runs.push_back(bare);
        std::unique_ptr<RunView> view = makeRunView(dim);
        ViewCamera camera;
        auto img = fx.renderFrame(kW, kH, [&] { view->draw(snap, 0, all, camera, quietStyle(), ImVec2(kW, kH)); });
        // The plot is there and empty: its centre shows the background.
        Pixel centre = fx.pixel(img, kW / 2, kH / 2);
        INFO("centre " << centre.r << "," << centre.g << "," << centre.b);
        CHECK(colourDistance(centre, bg.r, bg.g, bg.b) <= 3);
    }
    // Samples of the wrong dimension (1D samples in a 2D panel) are not read as 2D points.
    Snapshot snap = test::constantField2D(0.5f, false);
    setQuantity(snap.runs[0].parts, quantity_names::kFake, PointSet{1, {0.3f, -0.2f}});
    ViewLayers layers = onlyField();
    layers.d_field = false;
    layers.fake = true;
    View2D view;
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietStyle(), ImVec2(kW, kH)); });
    Pixel p = fx.pixel(img, view.dataToScreen(0.3, -0.2));
    CHECK(colourDistance(p, bg.r, bg.g, bg.b) <= 3);
}
