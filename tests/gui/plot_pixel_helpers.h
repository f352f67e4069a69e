// plot_pixel_helpers.h — what the curves and weights pixel tests share: the
// panels' fixed colours, colour mixing along a path, finding borders, lines,
// runs and markers in a rendered image, and hand-built metric histories.
#pragma once

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

namespace ganarium::test::plot_pixels {

using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

constexpr int kW = 800, kH = 420;

// An 8-bit RGB colour as doubles.
struct Rgb {
    double r = 0, g = 0, b = 0;
};

inline Rgb rgbOf(ImU32 c) {
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

inline Mix mixOf(const Pixel& p, Rgb from, Rgb to) {
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
inline bool shows(const Pixel& p, Rgb colour, double min_k, Rgb bg = kPlotBg) {
    Mix m = mixOf(p, bg, colour);
    return m.k >= min_k && m.residual <= 30;
}

// The plot rectangle as found in the pixels: the centres of its 1 px grey border lines.
struct Border {
    double left = 0, top = 0, right = 0, bottom = 0;
};

// Walks from `start` by `dir` until a line (row or column) whose mean `strength` reaches 0.3, and returns the
// strength-weighted centre of that line and its neighbours (pixel centres at +0.5), or -1 when none is found.
inline double findLine(const std::function<double(int)>& strength, int start, int dir, int end) {
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
inline Border findBorder(RenderGlFixture& fx, const std::vector<uint8_t>& img, int cx, int cy, int half_w, int half_h) {
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

inline PlotRect plotRectOf(RenderGlFixture& fx, const std::vector<uint8_t>& img, int cx, int cy, int half_w, int half_h) {
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

inline ColumnHit columnHit(RenderGlFixture& fx, const std::vector<uint8_t>& img, int x, int y0, int y1, Rgb colour) {
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

inline Runs columnRuns(RenderGlFixture& fx, const std::vector<uint8_t>& img, int x, int y0, int y1, Rgb colour, double min_k) {
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

inline Marker findMarker(RenderGlFixture& fx, const std::vector<uint8_t>& img, double x, int y0, int y1) {
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
inline MetricLogView history(const std::map<std::string, std::function<double(double)>>& series, int n, int64_t last = 1000) {
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
inline MetricLogView history(const std::string& key, int n, const std::function<double(double)>& value, int64_t last = 1000) {
    return history({{key, value}}, n, last);
}

inline RunSnapshot namedRun(const std::string& name) {
    RunSnapshot run;
    run.name = name;
    run.objective = "non_saturating";
    run.lipschitz = "none";
    return run;
}

inline PlotStyle still() {
    PlotStyle s;
    s.interactive = false;
    return s;
}

// Writes `img` as <GANARIUM_SCREENSHOT_DIR>/plots_<name>.png when that variable is set (debugging aid).
inline void maybeSave(RenderGlFixture& fx, const std::string& name, const std::vector<uint8_t>& img) {
    const char* dir = std::getenv("GANARIUM_SCREENSHOT_DIR");
    if (!dir) return;
    std::string path = std::string(dir) + "/plots_" + name + ".png";
    CHECK_MESSAGE(writePng(path, fx.width(), fx.height(), img), "could not write " << path);
}

// A 2D snapshot (version 1) without runs: the curves and weights panels only read the runs' histories.
inline Snapshot emptySnapshot() {
    Snapshot snap;
    snap.version = 1;
    snap.dim = 2;
    return snap;
}

}  // namespace ganarium::test::plot_pixels
