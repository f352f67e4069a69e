// render_plots_test.cpp — pixel checks of the curves panel rendered offscreen from hand-built snapshots.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "plot_pixel_helpers.h"
#include "views/plots_view.h"

using namespace ganarium;
using namespace ganarium::test::plot_pixels;

TEST_CASE("plots: a rising and a falling JS curve take their run colours at the heights of their values") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot snap = emptySnapshot();
    RunSnapshot rise = namedRun("rise"), fall = namedRun("fall");
    auto rising = [](double s) { return 0.1 + 0.8 * s / 1000; };
    auto falling = [](double s) { return 0.9 - 0.8 * s / 1000; };
    rise.metrics = history("js", 100, rising);
    fall.metrics = history("js", 100, [&](double s) { return s > 600 && s < 700 ? NAN : falling(s); });  // a gap
    snap.runs = {rise, fall};
    PlotsView view;
    view.metric = PlotMetric::Js;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, PlotTexts{}, still(), ImVec2(kW, kH)); });
    maybeSave(fx, "rise_fall", img);
    // The border is drawn half a pixel inside the plot rectangle [a, b]; steps 0..1000 span a.x..b.x and the
    // JS axis starts at 0 at the bottom with 6 % headroom above the largest value (0.9).
    const PlotRect rect = plotRectOf(fx, img, kW / 2, kH / 2 + 20, kW / 5, kH / 6);
    const double ax = rect.ax, bx = rect.bx, ay = rect.ay, by = rect.by;
    auto screenY = [&](double v) { return by - v / (0.9 * 1.06) * (by - ay); };
    const Rgb blue = rgbOf(runPaletteColor(0)), orange = rgbOf(runPaletteColor(1));
    CHECK(mixOf(Pixel{89, 179, 255, 255}, kPlotBg, blue).residual <= 2);  // sky blue and orange: the first two hues
    CHECK(mixOf(Pixel{255, 158, 51, 255}, kPlotBg, orange).residual <= 2);
    const int y0 = static_cast<int>(ay) + 2, y1 = static_cast<int>(by) - 2;
    for (double f : {0.15, 0.35, 0.75, 0.85}) {
        const int x = static_cast<int>(ax + f * (bx - ax));
        const double step = (x + 0.5 - ax) / (bx - ax) * 1000;
        ColumnHit r = columnHit(fx, img, x, y0, y1, blue), l = columnHit(fx, img, x, y0, y1, orange);
        INFO("step " << step << ": rise at " << r.centre << " (k " << r.best << ", " << r.count << " px), want "
                     << screenY(rising(step)) << "; fall at " << l.centre << " (k " << l.best << ", " << l.count
                     << " px), want " << screenY(falling(step)));
        CHECK(r.best >= 0.85);  // the full run colour, not a blend
        CHECK(r.count <= 6);    // one thin line
        CHECK(std::fabs(r.centre - screenY(rising(step))) <= 0.6);
        CHECK(l.best >= 0.85);
        CHECK(l.count <= 6);
        CHECK(std::fabs(l.centre - screenY(falling(step))) <= 0.6);
    }
    // At step 650 the falling run's NaN evaluations leave a gap; the rising run goes on.
    const int x_gap = static_cast<int>(ax + 0.65 * (bx - ax));
    ColumnHit r = columnHit(fx, img, x_gap, y0, y1, blue), l = columnHit(fx, img, x_gap, y0, y1, orange);
    CHECK(r.count > 0);
    CHECK(l.count == 0);
    // Plot background between the curves.
    Pixel empty = fx.pixel(img, static_cast<int>(ax + 0.85 * (bx - ax)), static_cast<int>(screenY(0.45)));
    CHECK(mixOf(empty, kPlotBg, blue).k < 0.1);
    CHECK(std::abs(empty.r - 18) + std::abs(empty.g - 20) + std::abs(empty.b - 25) <= 6);
}

TEST_CASE("plots: on the divergence tab the true JS is a solid line and D's estimate a dashed one") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot snap = emptySnapshot();
    RunSnapshot run = namedRun("ns");
    run.metrics = history({{"js", [](double) { return 0.3; }},
                           {"d_estimate", [](double) { return 0.7; }},
                           {"w1", [](double) { return 5.0; }}},  // not shown for a probability D
                          50);
    snap.runs = {run};
    PlotsView view;
    REQUIRE(view.metric == PlotMetric::Divergence);
    float fs = 0;
    auto img = fx.renderFrame(kW, kH, [&] {
        fs = ImGui::GetFontSize();
        view.draw(snap, PlotTexts{}, still(), ImVec2(kW, kH));
    });
    maybeSave(fx, "divergence", img);
    const PlotRect rect = plotRectOf(fx, img, kW / 2, kH / 2, kW / 5, kH / 10);
    const double ax = rect.ax, bx = rect.bx, ay = rect.ay, by = rect.by;
    // y range [0.3, 0.7] with 6 % padding on both sides (the w1 series is not plotted for a probability D: at 5
    // it would stretch the axis and move both lines).
    auto screenY = [&](double v) { return by - (v - 0.276) / (0.724 - 0.276) * (by - ay); };
    const Rgb blue = rgbOf(runPaletteColor(0));
    const int x0 = static_cast<int>(ax) + 3, x1 = static_cast<int>(bx) - 3;
    // For every column: does a pixel within a pixel of the line's row show the run colour?
    auto runsNear = [&](double y_line) {
        Runs runs;
        bool in = false;
        const int yc = static_cast<int>(std::floor(y_line));
        for (int x = x0; x <= x1; ++x) {
            bool on = false;
            for (int y = yc - 1; y <= yc + 1; ++y) on = on || shows(fx.pixel(img, x, y), blue, 0.45);
            if (on) ++runs.pixels;
            if (on && !in) ++runs.count;
            in = on;
        }
        return runs;
    };
    const int width = x1 - x0 + 1;
    Runs solid = runsNear(screenY(0.3)), dashed = runsNear(screenY(0.7));
    const double period = fs * (0.5 + 0.35);  // dash + gap
    INFO("solid: " << solid.count << " runs, " << solid.pixels << " px; dashed: " << dashed.count << " runs, "
                   << dashed.pixels << " px of " << width << "; dash period " << period);
    CHECK(solid.count == 1);
    CHECK(solid.pixels == width);
    CHECK(dashed.count >= static_cast<int>(0.85 * width / period));
    CHECK(dashed.count <= static_cast<int>(1.15 * width / period) + 1);
    CHECK(dashed.pixels >= 0.45 * width);
    CHECK(dashed.pixels <= 0.75 * width);
    // Nothing between the lines.
    CHECK(runsNear(screenY(0.5)).pixels == 0);
}

TEST_CASE("plots: a log-scale gradient norm is straight in decades; non-positive values are left out") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot snap = emptySnapshot();
    RunSnapshot run = namedRun("log");
    auto decades = [](double s) { return -2 + 4 * s / 1000; };  // 1e-2 .. 1e2
    run.metrics = history("g_grad_norm", 100, [&](double s) {
        return s > 300 && s < 400 ? 0.0 : std::pow(10.0, decades(s));
    });
    snap.runs = {run};
    PlotsView view;
    view.metric = PlotMetric::GradNorm;
    REQUIRE(view.log_scale_grad_norm);
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, PlotTexts{}, still(), ImVec2(kW, kH)); });
    maybeSave(fx, "log_grad_norm", img);
    const PlotRect rect = plotRectOf(fx, img, kW / 2, kH / 2 + 20, kW / 5, kH / 6);
    const double ax = rect.ax, bx = rect.bx, ay = rect.ay, by = rect.by;
    auto screenY = [&](double d) { return by - (d + 2.24) / 4.48 * (by - ay); };  // decades -2..2, 6 % padding
    const Rgb blue = rgbOf(runPaletteColor(0));
    const int y0 = static_cast<int>(ay) + 2, y1 = static_cast<int>(by) - 2;
    for (double f : {0.1, 0.5, 0.85}) {
        const int x = static_cast<int>(ax + f * (bx - ax));
        const double step = (x + 0.5 - ax) / (bx - ax) * 1000;
        ColumnHit hit = columnHit(fx, img, x, y0, y1, blue);
        INFO("step " << step << ": curve at " << hit.centre << ", want " << screenY(decades(step)));
        CHECK(hit.best >= 0.85);
        CHECK(std::fabs(hit.centre - screenY(decades(step))) <= 0.6);
    }
    CHECK(columnHit(fx, img, static_cast<int>(ax + 0.35 * (bx - ax)), y0, y1, blue).count == 0);
}

// A series far denser than the pixel columns, alternating 0.2 / 0.8: min/max decimation must keep both values.
struct DenseFrame {
    std::vector<uint8_t> img;
    double ay = -1, by = -1;
};

DenseFrame renderDense(RenderGlFixture& fx) {
    Snapshot snap = emptySnapshot();
    RunSnapshot run = namedRun("dense");
    const int n = 6000;  // about 8 evaluations per pixel column
    run.metrics = history("loss_d", n, [](double s) { return static_cast<int64_t>(s) % 2 == 0 ? 0.2 : 0.8; }, n);
    snap.runs = {run};
    PlotsView view;
    view.metric = PlotMetric::LossD;
    DenseFrame frame;
    frame.img = fx.renderFrame(kW, kH, [&] { view.draw(snap, PlotTexts{}, still(), ImVec2(kW, kH)); });
    maybeSave(fx, "dense", frame.img);
    Border border = findBorder(fx, frame.img, kW / 2, kH / 2 + 20, kW / 5, kH / 8);
    frame.ay = border.top - 0.5;
    frame.by = border.bottom + 0.5;
    return frame;
}

TEST_CASE("plots: min/max decimation of a dense series reaches both extremes and nothing beyond") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    DenseFrame f = renderDense(fx);
    REQUIRE(f.ay > 0);
    REQUIRE(f.by > f.ay + kH / 2);
    auto screenY = [&](double v) { return f.by - (v - 0.164) / (0.836 - 0.164) * (f.by - f.ay); };  // 6 % padding
    const Rgb blue = rgbOf(runPaletteColor(0));
    int top = kH, bottom = -1;
    for (int x = kW / 5; x < 4 * kW / 5; ++x)
        for (int y = static_cast<int>(f.ay) + 1; y < static_cast<int>(f.by); ++y)
            if (shows(fx.pixel(f.img, x, y), blue, 0.5)) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
    INFO("run colour from row " << top << " to " << bottom << ", want " << screenY(0.8) << " to " << screenY(0.2));
    CHECK(std::fabs(top + 0.5 - screenY(0.8)) <= 1.5);
    CHECK(std::fabs(bottom + 0.5 - screenY(0.2)) <= 1.5);
}

// A zigzag through per-column min/max points (mostly hairpin turns) made ImGui's thick anti-aliased polyline
// collapse into a sparse comb (112 of 480 columns); each column's min..max is now a bar of its own.
TEST_CASE("plots: a decimated dense series fills every pixel column between its extremes") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    DenseFrame f = renderDense(fx);
    REQUIRE(f.ay > 0);
    REQUIRE(f.by > f.ay + kH / 2);
    const Rgb blue = rgbOf(runPaletteColor(0));
    const int y_mid = static_cast<int>(0.5 * (f.ay + f.by));
    int filled = 0, columns = 0;
    for (int x = kW / 5; x < 4 * kW / 5; ++x, ++columns)
        filled += shows(fx.pixel(f.img, x, y_mid), blue, 0.5);
    INFO(filled << " of " << columns << " columns show the series at mid-height");
    CHECK(filled >= 0.95 * columns);
}

TEST_CASE("plots: without metrics the panel says so, with or without runs, still and interactive") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot empty;
    Snapshot no_history;
    no_history.runs = {namedRun("fresh")};
    RunSnapshot broken = namedRun("broken");  // a series never defined (NaN at every evaluation) draws nothing
    broken.metrics = history("js", 2, [](double) { return NAN; }, 20);
    no_history.runs.push_back(broken);
    const Rgb text_dim{160, 166, 176};
    for (const Snapshot* snap : {&empty, &no_history})
        for (bool interactive : {false, true}) {
            PlotsView view;
            view.metric = PlotMetric::Js;
            PlotStyle style = still();
            style.interactive = interactive;
            fx.setMouse(kW / 2.f, kH / 2.f);  // hovering an empty plot draws no cursor
            std::vector<uint8_t> img;
            for (int frame = 0; frame < 2; ++frame)
                img = fx.renderFrame(kW, kH, [&] { view.draw(*snap, PlotTexts{}, style, ImVec2(kW, kH)); });
            maybeSave(fx, std::string("no_metrics_") + (interactive ? "interactive" : "still"), img);
            // The text sits in the middle of the plot; the rest of the middle is the bare plot background.
            int text = 0, bg = 0, other = 0, x_min = kW, x_max = 0;
            for (int y = kH / 2 - 60; y < kH / 2 + 60; ++y)
                for (int x = kW / 4; x < 3 * kW / 4; ++x) {
                    Pixel p = fx.pixel(img, x, y);
                    if (shows(p, text_dim, 0.6)) {
                        ++text;
                        x_min = std::min(x_min, x);
                        x_max = std::max(x_max, x);
                    } else if (std::abs(p.r - 18) + std::abs(p.g - 20) + std::abs(p.b - 25) <= 3) {
                        ++bg;
                    } else if (mixOf(p, kPlotBg, text_dim).k < -0.02 || mixOf(p, kPlotBg, text_dim).residual > 8) {
                        ++other;  // neither background nor text
                    }
                }
            INFO(std::string(snap == &empty ? "empty" : "no history") << std::string(interactive ? ", interactive" : ", still") << ": text "
                                                            << text << " px in x " << x_min << ".." << x_max
                                                            << ", bg " << bg << ", other " << other);
            CHECK(text >= 40);
            CHECK(std::fabs(0.5 * (x_min + x_max) - kW / 2) <= 40);  // centred (the plot has a left margin)
            CHECK(x_max - x_min <= 160);
            CHECK(bg >= 0.9 * (kW / 2) * 120);
            CHECK(other == 0);
        }
    fx.setMouse(-1e6f, -1e6f);
}

TEST_CASE("plots: hovering an interactive plot draws a cursor line at the mouse") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot snap = emptySnapshot();
    RunSnapshot run = namedRun("hover");
    run.metrics = history("js", 20, [](double) { return 0.05; });  // a flat line near the bottom
    snap.runs = {run};
    PlotsView view;
    PlotStyle style;  // interactive: tabs, check box, cursor
    const int mx = kW / 2 + 7, my = kH / 2 + 30;
    fx.setMouse(static_cast<float>(mx), static_cast<float>(my));
    std::vector<uint8_t> img;
    for (int frame = 0; frame < 2; ++frame)  // the window is hovered from the second frame on
        img = fx.renderFrame(kW, kH, [&] { view.draw(snap, PlotTexts{}, style, ImVec2(kW, kH)); });
    fx.setMouse(-1e6f, -1e6f);
    maybeSave(fx, "hover", img);
    CHECK(view.metric == PlotMetric::Divergence);  // the first tab
    // The cursor: 35 % white over the plot background in the mouse's column, above the tooltip.
    const Rgb white{255, 255, 255};
    int on = 0, off = 0;
    for (int y = kH / 2 - 80; y < my - 4; ++y) {
        Mix at = mixOf(fx.pixel(img, mx, y), kPlotBg, white), beside = mixOf(fx.pixel(img, mx + 6, y), kPlotBg, white);
        on += at.k > 0.25 && at.k < 0.5 && at.residual <= 12;
        off += beside.k > 0.2;
    }
    INFO("cursor column: " << on << " px; 6 px right: " << off << " px");
    CHECK(on >= 100);
    CHECK(off <= 2);  // a grid line may cross
}

TEST_CASE("plots: a metric set from code selects its tab in the interactive panel and stays selected") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot snap = emptySnapshot();
    RunSnapshot run = namedRun("tabs");
    run.metrics = history("js", 20, [](double) { return 0.4; });
    snap.runs = {run};
    PlotsView view;
    PlotStyle style;  // interactive: the tab bar decides what is shown
    fx.renderFrame(kW, kH, [&] { view.draw(snap, PlotTexts{}, style, ImVec2(kW, kH)); });
    CHECK(view.metric == PlotMetric::Divergence);
    view.metric = PlotMetric::Js;
    for (int frame = 0; frame < 4; ++frame) {
        fx.renderFrame(kW, kH, [&] { view.draw(snap, PlotTexts{}, style, ImVec2(kW, kH)); });
        CHECK(view.metric == PlotMetric::Js);
    }
}

TEST_CASE("plots: a curve asked for before its data exists is shown once the data arrives, unless another was picked") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot early;  // the classifier is still loading: losses only
    early.runs = {namedRun("image run")};
    early.runs[0].metrics = history("loss_d", 5, [](double t) { return 1.0 - 0.1 * t; });
    Snapshot later = early;  // the first image evaluation came in
    later.runs[0].metrics = history({{"loss_d", [](double t) { return 1.0 - 0.1 * t; }},
                                     {"classifier_score", [](double t) { return 1.0 + t; }}},
                                    5);
    PlotTexts texts;  // the defaults name the toy tabs only
    for (const char*& label : texts.metric)
        if (!label) label = "image metric";
    const auto drawOnce = [&](PlotsView& view, const Snapshot& snap) {
        fx.renderFrame(kW, kH, [&] { view.draw(snap, texts, PlotStyle{}, ImVec2(kW, kH)); });
    };
    PlotsView view;
    view.metric = PlotMetric::ClassifierScore;
    drawOnce(view, early);
    CHECK(view.metric == PlotMetric::LossD);  // a stand-in while there is nothing to draw
    drawOnce(view, early);
    CHECK(view.metric == PlotMetric::LossD);
    drawOnce(view, later);
    CHECK(view.metric == PlotMetric::ClassifierScore);  // back to what was asked for

    PlotsView picked;
    picked.metric = PlotMetric::ClassifierScore;
    drawOnce(picked, early);
    REQUIRE(picked.metric == PlotMetric::LossD);
    picked.metric = PlotMetric::Divergence;  // the viewer picks another curve meanwhile (no data either)
    drawOnce(picked, early);
    drawOnce(picked, later);
    CHECK(picked.metric != PlotMetric::ClassifierScore);
}
