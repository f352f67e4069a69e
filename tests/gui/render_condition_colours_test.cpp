// render_condition_colours_test.cpp — a conditional toy run's samples are
// coloured by their condition y (issue 12): each generated dot takes its
// class colour, each real dot a light version of its component's colour,
// an unlabelled run keeps the orange / teal data colours, the 1D rugs take
// the class colours too, and the legend lists one row per y.
#include <doctest/doctest.h>

#include <vector>

#include "quiet_view_style.h"
#include "render/colormap.h"
#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "views/condition_legend.h"
#include "views/view_1d.h"
#include "views/view_2d.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::quietViewStyle;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 640, kH = 480, kClasses = 8;

ViewLayers samplesOnly() {
    ViewLayers l;
    l.d_field = l.contours = l.d_optimal = l.densities = l.arrows = l.manifold = l.gp_lines = l.modes = false;
    l.real = l.fake = true;
    return l;
}

Rgba blend(Rgba a, Rgba b, float alpha) {
    return {a.r * alpha + b.r * (1 - alpha), a.g * alpha + b.g * (1 - alpha), a.b * alpha + b.b * (1 - alpha), 1.f};
}

// Three generated dots labelled 0, 3, 6 and three real dots labelled 1, 4, 7, apart from each other.
Snapshot labelledSamples(bool labelled) {
    Snapshot snap = test::constantField2D(0.5f, false);
    RunSnapshot& run = snap.runs[0];
    setQuantity(run.parts, quantity_names::kFake, PointSet{2, {-0.6f, 0.5f, 0.1f, 0.5f, 0.6f, 0.5f}});
    setQuantity(run.parts, quantity_names::kReal, PointSet{2, {-0.6f, -0.5f, 0.1f, -0.5f, 0.6f, -0.5f}});
    if (labelled) {
        setQuantity(run.parts, quantity_names::kFakeLabels, PointLabels{kClasses, {0, 3, 6}});
        setQuantity(run.parts, quantity_names::kRealLabels, PointLabels{kClasses, {1, 4, 7}});
    }
    return snap;
}

}  // namespace

TEST_CASE("2D conditional samples: generated dots in their class colours, real dots lighter, unlabelled runs unchanged") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    const Rgba bg = palette::background();
    for (bool labelled : {true, false}) {
        CAPTURE(labelled);
        View2D view;
        const Snapshot snap = labelledSamples(labelled);
        ViewCamera camera;
        auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, samplesOnly(), camera, quietViewStyle(), ImVec2(kW, kH)); });
        const float xs[3] = {-0.6f, 0.1f, 0.6f};
        const int fake_labels[3] = {0, 3, 6}, real_labels[3] = {1, 4, 7};
        for (int i = 0; i < 3; ++i) {
            const Pixel fake = fx.pixel(img, view.dataToScreen(xs[i], 0.5));
            const Rgba want_fake = labelled ? classColour(fake_labels[i], kClasses) : palette::fake();
            INFO("fake " << i << ": " << fake.r << "," << fake.g << "," << fake.b);
            CHECK(colourDistance(fake, want_fake.r, want_fake.g, want_fake.b) <= 16);
            const Pixel real = fx.pixel(img, view.dataToScreen(xs[i], -0.5));
            const Rgba fill = labelled ? lightClassColour(real_labels[i], kClasses, 0.35f) : palette::real();
            const Rgba want_real = blend(fill, bg, View2D::kRealFillAlpha);
            INFO("real " << i << ": " << real.r << "," << real.g << "," << real.b);
            CHECK(colourDistance(real, want_real.r, want_real.g, want_real.b) <= 16);
        }
    }
    // The class colours differ from each other (and from the unconditional orange) by far more than that tolerance.
    const Rgba orange = palette::fake();
    for (int a = 0; a < kClasses; ++a) {
        const Rgba ca = classColour(a, kClasses);
        const Pixel pa{static_cast<int>(ca.r * 255), static_cast<int>(ca.g * 255), static_cast<int>(ca.b * 255)};
        CHECK(colourDistance(pa, orange.r, orange.g, orange.b) > 40);
        for (int b = a + 1; b < kClasses; ++b) {
            const Rgba cb = classColour(b, kClasses);
            CHECK(colourDistance(pa, cb.r, cb.g, cb.b) > 40);
        }
    }
}

TEST_CASE("1D conditional rug: generated samples drawn in their class colours") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    Snapshot snap;
    snap.version = 1;
    snap.dim = 1;
    snap.view = {-4, 4, 0, 1};
    RunSnapshot run;
    run.name = "conditional 1D";
    run.objective = "non_saturating";
    PointSet fake{1, {}};
    PointLabels labels{3, {}};
    for (int i = 0; i < 60; ++i) {
        const int y = i % 3;
        fake.coords.push_back(static_cast<float>(-3 + 3 * y) + 0.01f * static_cast<float>(i / 3));
        labels.labels.push_back(y);
    }
    setQuantity(run.parts, quantity_names::kFake, std::move(fake));
    setQuantity(run.parts, quantity_names::kFakeLabels, std::move(labels));
    setQuantity(run.parts, quantity_names::kModes, ModeMarkers{1, {}, {}});
    snap.runs.push_back(run);
    View1D view;
    ViewCamera camera;
    ViewLayers layers = samplesOnly();
    layers.real = false;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quietViewStyle(), ImVec2(kW, kH)); });
    // Each class colour appears somewhere in the image (the rug strip), the unconditional orange does not.
    auto closest = [&](Rgba colour) {
        int best = 1000;
        for (int y = 0; y < fx.height(); ++y)
            for (int x = 0; x < fx.width(); ++x) best = std::min(best, colourDistance(fx.pixel(img, x, y), colour.r, colour.g, colour.b));
        return best;
    };
    const Rgba bg = palette::background();
    for (int y = 0; y < 3; ++y) {
        CAPTURE(y);
        const Rgba want = blend(classColour(y, 3), bg, 0.7f);
        CHECK(closest(want) <= 24);
    }
    CHECK(closest(blend(palette::fake(), bg, 0.55f)) > 24);
}

TEST_CASE("the conditional legend lists one row per y, then a range for many classes") {
    ToyParts parts;
    PointSet fake{2, std::vector<float>(2 * 30, 0.f)};
    PointLabels few{8, std::vector<int>(30, 0)};
    parts.fake = &fake;
    parts.fake_labels = &few;
    std::vector<LegendEntry> rows = conditionLegendEntries(parts);
    REQUIRE(rows.size() == 8);
    CHECK(rows[0].label == "G(z, y): y = 0");
    CHECK(rows[7].label == "y = 7");
    CHECK(rows[3].colour == packAbgr(classColour(3, 8)));
    PointLabels many{25, std::vector<int>(30, 0)};
    parts.fake_labels = &many;
    rows = conditionLegendEntries(parts);
    REQUIRE(rows.size() == static_cast<size_t>(kMaxConditionLegendRows));
    CHECK(rows.back().label == "y = 9..24");
    parts.fake_labels = nullptr;
    CHECK(conditionLegendEntries(parts).empty());
}
