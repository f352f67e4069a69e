// render_weights_test.cpp — pixel checks of the weights panel (D's weight and gradient-penalty histograms)
// rendered offscreen from hand-built snapshots.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "plot_pixel_helpers.h"
#include "views/weights_view.h"

using namespace ganarium;
using namespace ganarium::test::plot_pixels;

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
