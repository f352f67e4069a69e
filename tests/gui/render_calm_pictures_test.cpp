// render_calm_pictures_test.cpp — pixel checks for "calm pictures" (issue 10):
// the 1D push arrows are one row of separate arrows with heads, gradient-penalty
// lines stay on top of samples, real dots let a generated dot under them show,
// the 1D critic panel numbers its density axis and leaves D* out, and long axis
// titles do not run into each other.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/colormap.h"
#include "quiet_view_style.h"
#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "ui/i18n.h"
#include "views/field_scale.h"
#include "views/plot_area.h"
#include "views/push_bins.h"
#include "views/view_1d.h"
#include "views/view_2d.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::quietViewStyle;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 640, kH = 480;

ViewLayers noLayers() {
    ViewLayers l;
    l.real = l.fake = l.d_field = l.contours = l.d_optimal = l.densities = l.arrows = l.manifold = l.gp_lines =
        l.modes = false;
    return l;
}

// `a` over `b` at opacity `alpha`.
Rgba blend(Rgba a, Rgba b, float alpha) {
    return {a.r * alpha + b.r * (1 - alpha), a.g * alpha + b.g * (1 - alpha), a.b * alpha + b.b * (1 - alpha), 1.f};
}

// A 1D snapshot of `n` generated samples evenly over [-3, 3] whose push points towards x = 0.
Snapshot converging1D(int n) {
    Snapshot snap;
    snap.version = 1;
    snap.dim = 1;
    snap.view = {-4, 4, -1, 1};
    RunSnapshot run;
    run.name = "arrows";
    run.objective = "non_saturating";
    PointSet fake{1, {}}, push{1, {}};
    for (int i = 0; i < n; ++i) {
        const float x = -3.f + 6.f * (static_cast<float>(i) + 0.5f) / static_cast<float>(n);
        fake.coords.push_back(x);
        push.coords.push_back(x < 0 ? 0.5f : -0.5f);
    }
    setQuantity(run.parts, quantity_names::kFake, std::move(fake));
    setQuantity(run.parts, quantity_names::kGeneratorPush, std::move(push));
    snap.runs.push_back(run);
    return snap;
}

// A 1D field of `value` everywhere over the snapshot's view.
FieldGrid constantField1D(const Snapshot& snap, float value) {
    FieldGrid f;
    f.nx = 64;
    f.ny = 1;
    f.box = snap.view;
    f.values.assign(64, value);
    return f;
}

struct Box {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    bool empty() const { return x1 < 0; }
    void add(int x, int y) {
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
    }
};

}  // namespace

TEST_CASE("push bins: the mean push of the samples in each bin of x, empty bins left out") {
    const std::vector<float> xs = {-0.9f, -0.8f, 0.1f, 0.95f, 5.f, std::nanf("")};
    const std::vector<float> push = {1.f, 3.f, -2.f, 0.5f, 9.f, 1.f};
    const std::vector<PushBin> bins = binPushes(xs, push, -1.0, 1.0, 4);
    REQUIRE(bins.size() == 3);  // [-1,-0.5): two, [0,0.5): one, [0.5,1]: one; 5 and NaN are skipped
    CHECK(bins[0].index == 0);
    CHECK(bins[1].index == 2);
    CHECK(bins[2].index == 3);
    CHECK(bins[0].count == 2);
    CHECK(bins[0].x == doctest::Approx(-0.85));
    CHECK(bins[0].push == doctest::Approx(2.0));
    CHECK(bins[1].push == doctest::Approx(-2.0));
    CHECK(bins[2].x == doctest::Approx(0.95));
    CHECK(binPushes(xs, push, 1.0, -1.0, 4).empty());
    CHECK(binPushes(xs, push, -1.0, 1.0, 0).empty());
}

TEST_CASE("1D arrows: one row of separate arrows, one per bin, heads towards the mean push") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View1D view;
    Snapshot snap = converging1D(400);
    ViewLayers layers = noLayers();
    layers.arrows = true;
    ViewCamera camera;
    ViewStyle style = quietViewStyle();
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, style, ImVec2(kW, kH)); });
    const PlotArea& area = view.plotArea();
    const int drawn = view.arrowsDrawn();
    // 400 samples, but far fewer arrows: one per bin of about 2.6 font heights.
    CHECK(drawn >= 6);
    CHECK(drawn <= static_cast<int>(area.width() / (ImGui::GetFontSize() * 2.0f)));
    Rgba arrow = palette::arrow();
    auto is_arrow = [&](int x, int y) { return colourDistance(fx.pixel(img, x, y), arrow.r, arrow.g, arrow.b) <= 60; };
    // All arrow pixels lie in one band (one row of arrows, not stacked rows).
    Box band;
    std::vector<int> per_row(static_cast<size_t>(kH), 0);
    for (int y = static_cast<int>(area.min.y) + 2; y < static_cast<int>(area.max.y) - 1; ++y)
        for (int x = static_cast<int>(area.min.x) + 2; x < static_cast<int>(area.max.x) - 1; ++x)
            if (is_arrow(x, y)) {
                band.add(x, y);
                ++per_row[static_cast<size_t>(y)];
            }
    REQUIRE_FALSE(band.empty());
    CHECK(band.y1 - band.y0 <= static_cast<int>(ImGui::GetFontSize() * 0.8f));
    // Along the shafts' row the arrows are separate runs, as many as were drawn.
    const int row = static_cast<int>(std::max_element(per_row.begin(), per_row.end()) - per_row.begin());
    std::vector<std::pair<int, int>> runs;
    for (int x = band.x0; x <= band.x1 + 1; ++x) {  // a gap of a pixel or two (head meets shaft) is one arrow
        if (is_arrow(x, row) && (runs.empty() || runs.back().second < x - 3)) runs.push_back({x, x});
        if (is_arrow(x, row)) runs.back().second = x;
    }
    for (size_t i = 1; i < runs.size(); ++i) CHECK(runs[i].first - runs[i - 1].second > 4);  // arrows do not touch
    CHECK(static_cast<int>(runs.size()) == drawn);
    // Each arrow's head (the taller end) points towards x = 0.
    const float centre = area.screenX(0.0);
    int right_heads = 0, left_heads = 0;
    for (auto [x0, x1] : runs) {
        auto height = [&](int x) {
            int h = 0;
            for (int y = band.y0; y <= band.y1; ++y) h += is_arrow(x, y) ? 1 : 0;
            return h;
        };
        int left_max = 0, right_max = 0;
        const int third = std::max(1, (x1 - x0) / 3);
        for (int x = x0; x < x0 + third; ++x) left_max = std::max(left_max, height(x));
        for (int x = x1 - third + 1; x <= x1; ++x) right_max = std::max(right_max, height(x));
        const bool left_of_centre = 0.5f * static_cast<float>(x0 + x1) < centre;
        INFO("arrow " << x0 << ".." << x1 << " heights " << left_max << " / " << right_max);
        CHECK((left_of_centre ? right_max > left_max : left_max > right_max));
        (right_max > left_max ? right_heads : left_heads) += 1;
    }
    CHECK(right_heads >= 3);
    CHECK(left_heads >= 3);
}

TEST_CASE("2D gradient penalty: the segment stays on top of a generated dot it crosses") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = test::constantField2D(0.f, true);
    RunSnapshot& run = snap.runs[0];
    setQuantity(run.parts, quantity_names::kFake, PointSet{2, {0.0f, 0.0f}});
    setQuantity(run.parts, quantity_names::kReal, PointSet{2, {0.3f, 0.3f}});
    setQuantity(run.parts, quantity_names::kGpPairs, Segments{2, {-0.6f, -0.6f}, {0.6f, 0.6f}});
    setQuantity(run.parts, quantity_names::kGpInterpolates, PointSet{2, {0.5f, 0.5f}});
    setQuantity(run.parts, quantity_names::kGpGradNorm, ScalarSamples{0, 2, {1.3f}});
    ViewLayers layers = noLayers();
    layers.fake = layers.real = layers.gp_lines = true;
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietViewStyle(), ImVec2(kW, kH)); });
    Rgba line = colormapColour(ColormapKind::GradNorm, static_cast<float>(1.3 / gradNormRange(run)));
    Rgba fake = palette::fake(), real = palette::real();
    for (auto [x, y, under] : {std::tuple<double, double, Rgba>{0.0, 0.0, fake}, {0.3, 0.3, blend(real, palette::background(), View2D::kRealFillAlpha)}}) {
        Pixel p = fx.pixel(img, view.dataToScreen(x, y));
        Rgba want = blend(line, under, View2D::kGpLineAlpha);
        INFO("at (" << x << ", " << y << "): " << p.r << "," << p.g << "," << p.b);
        CHECK(colourDistance(p, want.r, want.g, want.b) <= 24);
        CHECK(colourDistance(p, under.r, under.g, under.b) > 60);
    }
}

TEST_CASE("2D samples: a real dot drawn over a generated one shows both colours") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = test::constantField2D(0.5f, false);
    setQuantity(snap.runs[0].parts, quantity_names::kReal, PointSet{2, {0.3f, -0.2f, -0.4f, 0.4f}});
    setQuantity(snap.runs[0].parts, quantity_names::kFake, PointSet{2, {0.3f, -0.2f}});
    ViewLayers layers = noLayers();
    layers.real = layers.fake = true;
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietViewStyle(), ImVec2(kW, kH)); });
    Rgba real = palette::real(), fake = palette::fake(), bg = palette::background();
    const float ring_px = View2D::kRealRadius - 0.5f * View2D::kRealRingWidth;
    // Where they overlap: the generated dot shows through the real ring's fill, the ring stays teal.
    ImVec2 both = view.dataToScreen(0.3, -0.2);
    Pixel inside = fx.pixel(img, both);
    Rgba want_inside = blend(real, fake, View2D::kRealFillAlpha);
    INFO("inside " << inside.r << "," << inside.g << "," << inside.b);
    CHECK(colourDistance(inside, want_inside.r, want_inside.g, want_inside.b) <= 16);
    CHECK(colourDistance(inside, real.r, real.g, real.b) > 60);
    // The ring: the pixel nearest the real colour along a radius (the ring is about a pixel wide, so
    // anti-aliasing blends it); it is clearly more teal than the fill inside it.
    auto ring_distance = [&](ImVec2 centre, float direction) {
        int best = 255;
        for (float r = ring_px - 1.5f; r <= ring_px + 1.5f; r += 0.5f)
            best = std::min(best, colourDistance(fx.pixel(img, {centre.x + direction * r, centre.y}), real.r, real.g, real.b));
        return best;
    };
    const int inside_distance = colourDistance(inside, real.r, real.g, real.b);
    CHECK(ring_distance(both, 1.f) < inside_distance - 20);
    CHECK(ring_distance(both, -1.f) < inside_distance - 20);
    // A real sample alone: a teal ring with a light teal fill.
    ImVec2 alone = view.dataToScreen(-0.4, 0.4);
    Pixel centre = fx.pixel(img, alone);
    Rgba want_alone = blend(real, bg, View2D::kRealFillAlpha);
    INFO("alone " << centre.r << "," << centre.g << "," << centre.b);
    CHECK(colourDistance(centre, want_alone.r, want_alone.g, want_alone.b) <= 16);
    const int centre_distance = colourDistance(centre, real.r, real.g, real.b);
    CHECK(ring_distance(alone, 1.f) < centre_distance - 20);
    CHECK(ring_distance(alone, -1.f) < centre_distance - 20);
}

TEST_CASE("1D critic panel: the density axis has numbers, and D* is drawn only in probability panels") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    ViewLayers layers = noLayers();
    layers.d_field = layers.densities = layers.d_optimal = true;
    Rgba optimal = palette::optimal();
    for (bool critic : {true, false}) {
        CAPTURE(critic);
        View1D view;
        Snapshot snap = test::synthetic1D(critic);
        setQuantity(snap.runs[0].parts, quantity_names::kOptimalDiscriminator, constantField1D(snap, 0.93f));
        ViewCamera camera;
        auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietViewStyle(), ImVec2(kW, kH)); });
        const PlotArea& area = view.plotArea();
        const float F = ImGui::GetFontSize();
        // Tick numbers left of the plot (light text pixels on the dark window, left of the tick marks).
        int text_pixels = 0;
        for (int y = static_cast<int>(area.min.y) + 2; y < static_cast<int>(area.max.y) - 2; ++y)
            for (int x = 0; x < static_cast<int>(area.min.x - F * 0.35f - 2); ++x) {
                Pixel p = fx.pixel(img, x, y);
                text_pixels += std::min({p.r, p.g, p.b}) > 150 ? 1 : 0;
            }
        CHECK(text_pixels > 20);
        // The dashed D* line at 0.93 of the left axis: there in probability panels, absent in critic ones.
        int dashes = 0;
        const int y_star = static_cast<int>(view.dataToScreen(0.0, 0.93).y);
        for (int y = y_star - 1; y <= y_star + 1; ++y)
            for (int x = static_cast<int>(area.min.x) + 3; x < static_cast<int>(area.max.x) - 3; ++x)
                dashes += colourDistance(fx.pixel(img, x, y), optimal.r, optimal.g, optimal.b) <= 40 ? 1 : 0;
        if (critic)
            CHECK(dashes == 0);
        else
            CHECK(dashes > 50);
    }
}

TEST_CASE("1D critic panel: long axis titles (as in Chinese) do not run into each other") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View1D view;
    Snapshot snap = test::synthetic1D(true);
    ViewLayers layers = noLayers();
    layers.d_field = layers.densities = true;
    ViewStyle style = quietViewStyle();
    style.labels.p_data = "p_data (the real distribution)";
    style.labels.p_g = "p_G (the generated distribution)";
    style.labels.critic = "critic f(x) of the run";
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, style, ImVec2(kW, kH)); });
    const PlotArea& area = view.plotArea();
    Rgba critic = palette::critic();
    Box left_title, right_title;  // light text and crimson text above the plot (on the dark window)
    for (int y = 0; y < static_cast<int>(area.min.y) - 2; ++y)
        for (int x = static_cast<int>(area.min.x); x <= static_cast<int>(area.max.x); ++x) {
            Pixel p = fx.pixel(img, x, y);
            if (std::min({p.r, p.g, p.b}) > 150) left_title.add(x, y);
            if (colourDistance(p, critic.r, critic.g, critic.b) <= 50) right_title.add(x, y);
        }
    REQUIRE_FALSE(left_title.empty());
    REQUIRE_FALSE(right_title.empty());
    INFO("left " << left_title.x0 << "," << left_title.y0 << " - " << left_title.x1 << "," << left_title.y1);
    INFO("right " << right_title.x0 << "," << right_title.y0 << " - " << right_title.x1 << "," << right_title.y1);
    const bool apart_x = left_title.x1 < right_title.x0 || right_title.x1 < left_title.x0;
    const bool apart_y = left_title.y1 < right_title.y0 || right_title.y1 < left_title.y0;
    CHECK((apart_x || apart_y));
    // The densities axis says only "p_data, p_G" (the legend spells the words out), so however long the
    // translated words are, the two titles sit side by side on one row.
    CHECK(apart_x);
    CHECK(left_title.x1 - left_title.x0 < 0.3 * (right_title.x1 - left_title.x0));
}

TEST_CASE("legend words: the manifold label's parentheses are balanced") {
    for (Language lang : {Language::English, Language::Chinese}) {
        const std::string s = tr(lang, TextId::LegendManifold);
        CAPTURE(s);
        CHECK(s.find("G(z)") != std::string::npos);
        CHECK(std::count(s.begin(), s.end(), '(') == std::count(s.begin(), s.end(), ')'));
    }
}
