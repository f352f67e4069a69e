// render_plots_test.cpp — pixel checks of the curves and weights panels rendered offscreen from hand-built snapshots.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "render/png_writer.h"
#include "render_gl_fixture.h"
#include "views/plots_view.h"
#include "views/weights_view.h"

using namespace ganarium;
using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 800, kH = 420;

// An 8-bit RGB colour as doubles.
struct Rgb {
    double r = 0, g = 0, b = 0;
};

Rgb rgbOf(ImU32 c) {
    return {static_cast<double>((c >> IM_COL32_R_SHIFT) & 0xFF), static_cast<double>((c >> IM_COL32_G_SHIFT) & 0xFF),
            static_cast<double>((c >> IM_COL32_B_SHIFT) & 0xFF)};
}

// The panels' fixed colours (plots_view.cpp, weights_view.cpp).
const Rgb kPlotBg{18, 20, 25};
const Rgb kAxis{150, 156, 166};
const Rgb kMark{255, 196, 80};

// How far a pixel went from `from` towards `to` (k: 0 at `from`, 1 at `to`) and how far off that path it lies
// (largest channel difference): anti-aliasing and alpha only move a pixel along the path.
struct Mix {
    double k = 0, residual = 255;
};

Mix mixOf(const Pixel& p, Rgb from, Rgb to) {
    const double d[3] = {to.r - from.r, to.g - from.g, to.b - from.b};
    const double v[3] = {p.r - from.r, p.g - from.g, p.b - from.b};
    const double dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    Mix m;
    m.k = (v[0] * d[0] + v[1] * d[1] + v[2] * d[2]) / dd;
    m.residual = 0;
    for (int c = 0; c < 3; ++c) m.residual = std::max(m.residual, std::fabs(v[c] - m.k * d[c]));
    return m;
}

// True when the pixel is (a blend of the plot background and) `colour`, at least `min_k` of the way.
bool shows(const Pixel& p, Rgb colour, double min_k, Rgb bg = kPlotBg) {
    Mix m = mixOf(p, bg, colour);
    return m.k >= min_k && m.residual <= 30;
}

// The plot rectangle as found in the pixels: the centres of its 1 px grey border lines.
struct Border {
    double left = 0, top = 0, right = 0, bottom = 0;
};

// Walks from `start` by `dir` until a line (row or column) whose mean `strength` reaches 0.3, and returns the
// strength-weighted centre of that line and its neighbours (pixel centres at +0.5), or -1 when none is found.
double findLine(const std::function<double(int)>& strength, int start, int dir, int end) {
    for (int i = start; i != end; i += dir) {
        if (strength(i) < 0.3) continue;
        double sum = 0, weighted = 0;
        for (int j = i - 1; j <= i + 1; ++j) {
            const double s = std::max(0.0, strength(j) - 0.2);
            sum += s;
            weighted += s * (j + 0.5);
        }
        return weighted / sum;
    }
    return -1;
}

// Finds the plot border by walking outwards from (cx, cy), a point inside the plot, over 40 sample lines
// spread across the middle of the plot; only grey pixels count, so coloured curves and the faint grid do
// not stop the walk.
Border findBorder(RenderGlFixture& fx, const std::vector<uint8_t>& img, int cx, int cy, int half_w, int half_h) {
    auto grey = [&](int x, int y) {
        Mix m = mixOf(fx.pixel(img, x, y), kPlotBg, kAxis);
        return m.residual <= 12 ? std::max(0.0, m.k) : 0.0;
    };
    auto row = [&](int y) {
        double s = 0;
        for (int i = 0; i < 40; ++i) s += grey(cx - half_w + i * half_w / 20, y);
        return s / 40;
    };
    auto column = [&](int x) {
        double s = 0;
        for (int i = 0; i < 40; ++i) s += grey(x, cy - half_h + i * half_h / 20);
        return s / 40;
    };
    Border b;
    b.top = findLine(row, cy, -1, 0);
    b.bottom = findLine(row, cy, 1, fx.height() - 1);
    b.left = findLine(column, cx, -1, 0);
    b.right = findLine(column, cx, 1, fx.width() - 1);
    return b;
}

// The plot rectangle [a, b] of a rendered curves panel: its border is drawn half a pixel inside it. Requires
// a border that spans more than half the frame each way.
struct PlotRect {
    double ax = 0, bx = 0, ay = 0, by = 0;
};

PlotRect plotRectOf(RenderGlFixture& fx, const std::vector<uint8_t>& img, int cx, int cy, int half_w, int half_h) {
    const Border border = findBorder(fx, img, cx, cy, half_w, half_h);
    const std::string where = "border l " + std::to_string(border.left) + " t " + std::to_string(border.top) + " r " +
                              std::to_string(border.right) + " b " + std::to_string(border.bottom);
    REQUIRE_MESSAGE(border.left > 0, where);
    REQUIRE_MESSAGE(border.top > 0, where);
    REQUIRE_MESSAGE(border.right > border.left + kW / 2, where);
    REQUIRE_MESSAGE(border.bottom > border.top + kH / 2, where);
    return {border.left - 0.5, border.right + 0.5, border.top - 0.5, border.bottom + 0.5};
}

// Pixels of column x between rows y0 and y1 that show `colour` over the plot background (k >= 0.2):
// their count, the strongest k and the k-weighted centre (pixel centres at +0.5; -1 when none).
struct ColumnHit {
    int count = 0;
    double best = 0, centre = -1;
};

ColumnHit columnHit(RenderGlFixture& fx, const std::vector<uint8_t>& img, int x, int y0, int y1, Rgb colour) {
    ColumnHit hit;
    double sum = 0, weighted = 0;
    for (int y = y0; y <= y1; ++y) {
        Mix m = mixOf(fx.pixel(img, x, y), kPlotBg, colour);
        if (m.k < 0.2 || m.residual > 30) continue;
        ++hit.count;
        hit.best = std::max(hit.best, m.k);
        sum += m.k;
        weighted += m.k * (y + 0.5);
    }
    if (sum > 0) hit.centre = weighted / sum;
    return hit;
}

// Runs of consecutive pixels of column x in [y0, y1] that show `colour` (k >= min_k): their count and total length.
struct Runs {
    int count = 0, pixels = 0;
};

Runs columnRuns(RenderGlFixture& fx, const std::vector<uint8_t>& img, int x, int y0, int y1, Rgb colour, double min_k) {
    Runs runs;
    bool in = false;
    for (int y = y0; y <= y1; ++y) {
        const bool on = shows(fx.pixel(img, x, y), colour, min_k);
        if (on) ++runs.pixels;
        if (on && !in) ++runs.count;
        in = on;
    }
    return runs;
}

// A dashed vertical marker near column x: the column of x - 2 .. x + 2 with the most marker pixels (its dash
// runs), and the k-weighted centre of the marker colour over x - 3 .. x + 3 (pixel centres at +0.5).
struct Marker {
    Runs runs;
    double centre = -1;
};

Marker findMarker(RenderGlFixture& fx, const std::vector<uint8_t>& img, double x, int y0, int y1) {
    Marker mark;
    const int xc = static_cast<int>(std::floor(x));
    double sum = 0, weighted = 0;
    for (int dx = -3; dx <= 3; ++dx) {
        if (std::abs(dx) <= 2) {
            Runs r = columnRuns(fx, img, xc + dx, y0, y1, kMark, 0.6);
            if (r.pixels > mark.runs.pixels) mark.runs = r;
        }
        for (int y = y0; y <= y1; ++y) {
            Mix m = mixOf(fx.pixel(img, xc + dx, y), kPlotBg, kMark);
            if (m.k < 0.1 || m.residual > 20) continue;
            sum += m.k;
            weighted += m.k * (xc + dx + 0.5);
        }
    }
    if (sum > 0) mark.centre = weighted / sum;
    return mark;
}

// A metric log with `n` + 1 evaluations at steps 0, last / n, ..., last: each metric's value is its function of the step.
MetricLogView history(const std::map<std::string, std::function<double(double)>>& series, int n, int64_t last = 1000) {
    auto log = std::make_shared<MetricLog>();
    for (int i = 0; i <= n; ++i) {
        const int64_t step = static_cast<int64_t>(i) * last / n;
        std::map<std::string, double> values;
        for (const auto& [key, value] : series) values[key] = value(static_cast<double>(step));
        log->append(step, values);
    }
    return MetricLogView(log);
}

// The same with one metric, `key`.
MetricLogView history(const std::string& key, int n, const std::function<double(double)>& value, int64_t last = 1000) {
    return history({{key, value}}, n, last);
}

RunSnapshot namedRun(const std::string& name) {
    RunSnapshot run;
    run.name = name;
    run.objective = "non_saturating";
    run.lipschitz = "none";
    return run;
}

PlotStyle still() {
    PlotStyle s;
    s.interactive = false;
    return s;
}

// Writes `img` as <GANARIUM_SCREENSHOT_DIR>/plots_<name>.png when that variable is set (debugging aid).
void maybeSave(RenderGlFixture& fx, const std::string& name, const std::vector<uint8_t>& img) {
    const char* dir = std::getenv("GANARIUM_SCREENSHOT_DIR");
    if (!dir) return;
    std::string path = std::string(dir) + "/plots_" + name + ".png";
    CHECK_MESSAGE(writePng(path, fx.width(), fx.height(), img), "could not write " << path);
}

// A 2D snapshot (version 1) without runs: the curves and weights panels only read the runs' histories.
Snapshot emptySnapshot() {
    Snapshot snap;
    snap.version = 1;
    snap.dim = 2;
    return snap;
}

}  // namespace

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

TEST_CASE("weights: clipped weights piled up at ±c show two bars at the ends, an empty middle and dashed ±c marks") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot snap = emptySnapshot();
    RunSnapshot plain = namedRun("plain"), spectral = namedRun("spectral"), clipped = namedRun("WGAN clip");
    spectral.lipschitz = "sn";
    clipped.objective = "wasserstein";
    clipped.lipschitz = "clip";
    clipped.critic = true;
    clipped.clip = 0.01;
    Histogram& clipped_weights = setQuantity(clipped.parts, quantity_names::kWeights, Histogram{-0.01, 0.01, {}});
    clipped_weights.counts.assign(20, 0.f);
    clipped_weights.counts.front() = 1000;  // sqrt heights: the right bar is half as tall
    clipped_weights.counts.back() = 250;
    snap.runs = {plain, spectral, clipped};
    WeightsView view;
    REQUIRE(WeightsView::autoRun(snap) == 2);  // the first run that clips
    float fs = 0;
    auto img = fx.renderFrame(kW, kH, [&] {
        fs = ImGui::GetFontSize();
        view.draw(snap, WeightsTexts{}, still(), ImVec2(kW, kH));
    });
    maybeSave(fx, "weights_clip", img);
    // Layout (weights_view.cpp): the run name, then one histogram over the body with margins of
    // 0.4 fs at the sides, 1.4 fs for its title and 1.5 fs for the tick labels; the x axis covers the
    // marks with 15 % margins.
    const double ax = fs * 0.4, bx = kW - fs * 0.4, ay = fs * 1.3 + fs * 1.4, by = kH - fs * 1.5;
    const double lo = -0.0115 - 1e-6, hi = 0.0115 + 1e-6;
    auto sx = [&](double w) { return ax + (w - lo) / (hi - lo) * (bx - ax); };
    const Rgb bar = rgbOf(runPaletteColor(2));  // green: the third run's colour
    const double full = by - ay - fs * 0.3;
    // Bar columns: the left bar is full height, the right one half (sqrt(250/1000)).
    auto barTop = [&](double w) {
        const int x = static_cast<int>(sx(w));
        int top = -1;
        for (int y = static_cast<int>(by) - 2; y > static_cast<int>(ay); --y)
            if (shows(fx.pixel(img, x, y), bar, 0.7)) top = y;
            else if (top >= 0) break;
        return top;
    };
    const int left_top = barTop(-0.0095), right_top = barTop(0.0095);
    INFO("bar tops " << left_top << ", " << right_top << "; want " << by - full << ", " << by - full * 0.5);
    CHECK(std::fabs(left_top - (by - full)) <= 1.5);
    CHECK(std::fabs(right_top - (by - 0.5 * full)) <= 1.5);
    // Nothing between the bars: no bar colour on a row just above the axis.
    int middle = 0;
    for (int x = static_cast<int>(sx(-0.0088)); x <= static_cast<int>(sx(0.0088)); ++x)
        middle += shows(fx.pixel(img, x, static_cast<int>(by) - 4), bar, 0.2);
    CHECK(middle == 0);
    // The left bar ends one bin (0.001) to the right of -c.
    const int bar_y = static_cast<int>(by - 0.5 * full);
    CHECK(shows(fx.pixel(img, static_cast<int>(sx(-0.009)) - 2, bar_y), bar, 0.8));
    CHECK(mixOf(fx.pixel(img, static_cast<int>(sx(-0.009)) + 2, bar_y), kPlotBg, bar).k < 0.1);
    // Dashed ±c marks over the whole plot height (the +c one labelled near the top: start below the label).
    const int y0 = static_cast<int>(ay + fs * 1.5), y1 = static_cast<int>(by) - 1;
    const double length = y1 - y0 + 1, period = fs * (0.4 + 0.25);  // dash + gap
    for (double c : {-0.01, 0.01}) {
        Marker mark = findMarker(fx, img, sx(c), y0, y1);
        INFO("mark at " << c << ": " << mark.runs.count << " dashes, " << mark.runs.pixels << " px of " << length
                        << ", centre " << mark.centre << ", want " << sx(c) + 0.5);
        CHECK(std::fabs(mark.centre - (sx(c) + 0.5)) <= 0.75);
        CHECK(mark.runs.count >= static_cast<int>(0.85 * length / period));
        CHECK(mark.runs.count <= static_cast<int>(1.15 * length / period) + 1);
        CHECK(mark.runs.pixels >= 0.5 * length);
        CHECK(mark.runs.pixels <= 0.72 * length);
    }
    // No marker colour between them.
    int marks_mid = 0;
    for (int x = static_cast<int>(sx(-0.008)); x <= static_cast<int>(sx(0.008)); x += 2)
        marks_mid += columnRuns(fx, img, x, y0, y1, kMark, 0.3).pixels;
    CHECK(marks_mid == 0);
}

TEST_CASE("weights: the gradient-penalty norms get their own histogram with a dashed mark at 1; no ±c without clipping") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot snap = emptySnapshot();
    RunSnapshot run = namedRun("WGAN-GP");
    run.objective = "wasserstein";
    run.lipschitz = "gp";
    run.critic = true;
    Histogram& weights = setQuantity(run.parts, quantity_names::kWeights, Histogram{-0.6, 0.6, {}});
    for (int i = 0; i < 24; ++i) weights.counts.push_back(static_cast<float>(100 * std::exp(-0.5 * std::pow((i - 11.5) / 4, 2))));
    Histogram& norms = setQuantity(run.parts, quantity_names::kGpNorms, Histogram{0, 2, {}});
    for (int i = 0; i < 20; ++i) norms.counts.push_back(static_cast<float>(50 * std::exp(-0.5 * std::pow((i - 9.5) / 2, 2))));
    snap.runs = {run};
    WeightsView view;
    float fs = 0;
    auto img = fx.renderFrame(kW, kH, [&] {
        fs = ImGui::GetFontSize();
        view.draw(snap, WeightsTexts{}, still(), ImVec2(kW, kH));
    });
    maybeSave(fx, "weights_gp", img);
    // Wider than 1.6 x its height: the two histograms side by side, split at the middle with 0.3 fs gaps.
    const double top = fs * 1.3;  // below the run name
    const double gp_ax = kW / 2.0 + fs * 0.3 + fs * 0.4, gp_bx = kW - fs * 0.4;
    const double ay = top + fs * 1.4, by = kH - fs * 1.5;
    auto sx = [&](double v) { return gp_ax + v / 2 * (gp_bx - gp_ax); };  // norms 0..2 (the mark at 1 is inside)
    const int y0 = static_cast<int>(ay + fs * 1.5), y1 = static_cast<int>(by) - 1;
    const double length = y1 - y0 + 1, period = fs * (0.4 + 0.25);
    Marker mark = findMarker(fx, img, sx(1.0), y0, y1);
    INFO("mark at 1: " << mark.runs.count << " dashes, " << mark.runs.pixels << " px of " << length << ", centre "
                       << mark.centre << ", want " << sx(1.0) + 0.5);
    CHECK(std::fabs(mark.centre - (sx(1.0) + 0.5)) <= 0.75);
    CHECK(mark.runs.count >= static_cast<int>(0.85 * length / period));
    CHECK(mark.runs.pixels >= 0.5 * length);
    CHECK(mark.runs.pixels <= 0.72 * length);
    // The norms' bars, in the run colour, peak around 1 and are empty near 0.
    const Rgb bar = rgbOf(runPaletteColor(0));
    CHECK(shows(fx.pixel(img, static_cast<int>(sx(0.95)), static_cast<int>(by) - 3), bar, 0.8));
    CHECK(shows(fx.pixel(img, static_cast<int>(sx(1.05)), static_cast<int>(by) - 3), bar, 0.8));
    CHECK(mixOf(fx.pixel(img, static_cast<int>(sx(0.03)), static_cast<int>(by) - 3), kPlotBg, bar).k < 0.1);
    // The weights histogram on the left has bars but no marker colour anywhere (clip = 0).
    const double w_bx = kW / 2.0 - fs * 0.3 - fs * 0.4;
    int left_marks = 0, left_bars = 0;
    for (int x = static_cast<int>(fs * 0.4) + 2; x < static_cast<int>(w_bx) - 2; x += 2) {
        left_marks += columnRuns(fx, img, x, static_cast<int>(ay) + 2, y1, kMark, 0.3).pixels;
        left_bars += shows(fx.pixel(img, x, static_cast<int>(by) - 3), bar, 0.8);
    }
    CHECK(left_marks == 0);
    CHECK(left_bars >= 40);
}

TEST_CASE("weights: without runs or histograms the panel says so, still and interactive") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot empty;
    Snapshot bare;
    bare.runs = {namedRun("a"), namedRun("b")};  // neither clips nor penalises: the first one is shown
    REQUIRE(WeightsView::autoRun(empty) == -1);
    REQUIRE(WeightsView::autoRun(bare) == 0);
    const Rgb text_dim{160, 166, 176}, window_bg{16, 16, 17};
    for (const Snapshot* snap : {&empty, &bare})
        for (bool interactive : {false, true}) {
            WeightsView view;
            PlotStyle style = still();
            style.interactive = interactive;
            auto img = fx.renderFrame(kW, kH, [&] { view.draw(*snap, WeightsTexts{}, style, ImVec2(kW, kH)); });
            // "no weights yet" in the top rows (below the run name or the run picker), nothing drawn below.
            int text = 0, plot = 0;
            for (int y = 0; y < 80; ++y)
                for (int x = 0; x < 300; ++x) text += shows(fx.pixel(img, x, y), text_dim, 0.6, window_bg);
            for (int y = 100; y < kH; y += 2)
                for (int x = 0; x < kW; x += 2) {
                    Pixel p = fx.pixel(img, x, y);
                    plot += std::abs(p.r - 16) + std::abs(p.g - 16) + std::abs(p.b - 17) > 3;
                }
            INFO(std::string(snap == &empty ? "empty" : "bare") << std::string(interactive ? ", interactive" : ", still")
                                                               << ": " << text << " text px, " << plot << " px drawn below");
            CHECK(text >= 40);
            CHECK(plot == 0);
            CHECK(view.run == -1);
        }
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
