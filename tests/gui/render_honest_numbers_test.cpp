// render_honest_numbers_test.cpp — the picture agrees with the numbers: the
// critic's colour range is centred on the median over the data and scaled
// over the data region (colour bar in real f values), the mode count comes
// with the high-quality share, and the curves panel explains a critic's W1
// estimate in both languages.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "render/colormap.h"
#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "ui/i18n.h"
#include "ui/scene_frame.h"
#include "views/field_scale.h"
#include "views/panel_title.h"
#include "views/plots_view.h"
#include "views/view_2d.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

namespace {

// x of cell column i on the 8 x 8 grid over [-1, 1]^2.
double cellX(int i) { return -1.0 + (i + 0.5) * 0.25; }

// A critic run on [-1, 1]^2 (8 x 8 cells): f = 5 + 2x everywhere, so far from the data it reaches 6.75;
// the data (p_data) sit in the middle 4 x 4 cells, where f runs from 4.25 to 5.75.
Snapshot criticOverData() {
    Snapshot snap = test::constantField2D(0.f, true);
    RunSnapshot& run = snap.runs[0];
    FieldGrid f, p;
    f.box = p.box = snap.view;
    f.nx = f.ny = p.nx = p.ny = 8;
    for (int iy = 0; iy < 8; ++iy)
        for (int ix = 0; ix < 8; ++ix) {
            f.values.push_back(static_cast<float>(5.0 + 2.0 * cellX(ix)));
            const bool middle = ix >= 2 && ix <= 5 && iy >= 2 && iy <= 5;
            p.values.push_back(middle ? 1.0f : 0.0f);
        }
    setQuantity(run.parts, quantity_names::kDiscriminator, std::move(f));
    setQuantity(run.parts, quantity_names::kDataDensity, std::move(p));
    return snap;
}

ViewLayers fieldOnly() {
    ViewLayers l;
    l.real = l.fake = l.arrows = l.manifold = l.modes = l.gp_lines = l.contours = l.d_optimal = false;
    return l;
}

}  // namespace

TEST_CASE("data cells: where either density reaches 1 % of its own peak; none without a matching grid") {
    FieldGrid f, p_data, p_g;
    f.nx = p_data.nx = p_g.nx = 4;
    f.ny = p_data.ny = p_g.ny = 1;
    f.values = {0, 0, 0, 0};
    p_data.values = {0.f, 2.f, 0.01f, 0.f};   // 0.01 < 1 % of 2
    p_g.values = {0.f, 0.f, 0.f, 0.5f};
    CHECK(dataCells(f, &p_data, &p_g) == std::vector<bool>{false, true, false, true});
    CHECK(dataCells(f, &p_data, nullptr) == std::vector<bool>{false, true, false, false});
    FieldGrid coarse = p_g;
    coarse.nx = 2;
    coarse.values = {1.f, 1.f};
    CHECK(dataCells(f, &coarse, nullptr).empty());
    CHECK(dataCells(f, nullptr, nullptr).empty());
}

TEST_CASE("critic range: centred on the median over the data, scaled over the data (2D) or the whole field (1D)") {
    const Snapshot snap = criticOverData();
    const RunSnapshot& run = snap.runs[0];
    const FieldGrid& f = *findQuantity<FieldGrid>(run.parts, quantity_names::kDiscriminator);
    const std::vector<bool> data = dataCells(f, findQuantity<FieldGrid>(run.parts, quantity_names::kDataDensity), nullptr);
    // Data values 4.25, 4.75, 5.25, 5.75 (16 cells): the upper median 5.25, farthest data value 1 away.
    const CriticRange over_data = criticRange(f, data, false);
    CHECK(over_data.centre == doctest::Approx(5.25));
    CHECK(over_data.half == doctest::Approx(1.0));
    // The whole field (1D: the field is the view) reaches 3.25 and 6.75: 2 from the median rounds up to 2.
    const CriticRange whole = criticRange(f, data, true);
    CHECK(whole.centre == doctest::Approx(5.25).epsilon(0.02));  // the median, rounded to half / 20 = 0.1
    CHECK(whole.half == doctest::Approx(2.0));
    // No data cells known: the median and spread of every cell.
    const CriticRange all = criticRange(f, {}, false);
    CHECK(all.centre == doctest::Approx(5.25).epsilon(0.02));
    CHECK(all.half == doctest::Approx(2.0));
    // The colour bar speaks in real f values: [4.25, 6.25], white at 5.25.
    const FieldScale scale = fieldScale(run);
    CHECK(scale.colormap == ColormapKind::Diverging);
    CHECK(scale.lo == doctest::Approx(4.25));
    CHECK(scale.hi == doctest::Approx(6.25));
    CHECK(scale.contour_step == doctest::Approx(0.2));
    // A flat critic is white at its own value, over a range of +-1; a probability D keeps [0, 1].
    const FieldScale flat = fieldScale(test::constantField2D(-3.0f, true).runs[0]);
    CHECK(flat.lo == doctest::Approx(-4.0));
    CHECK(flat.hi == doctest::Approx(-2.0));
    const FieldScale probability = fieldScale(test::constantField2D(0.3f, false).runs[0]);
    CHECK(probability.lo == 0.0);
    CHECK(probability.hi == 1.0);
}

TEST_CASE("2D critic heatmap: white at the data's median, the full diverging range across the data") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = criticOverData();
    ViewStyle style;
    style.interactive = false;
    ViewCamera camera;
    auto img = fx.renderFrame(640, 480, [&] { view.draw(snap, 0, fieldOnly(), camera, style, ImVec2(640, 480)); });
    auto at = [&](double x, double y) {
        const ImVec2 s = view.dataToScreen(x, y);
        return fx.pixel(img, static_cast<int>(s.x), static_cast<int>(s.y));
    };
    const Pixel middle = at(cellX(4), cellX(4));  // f = 5.25, the median: white
    INFO("median pixel " << middle.r << "," << middle.g << "," << middle.b);
    CHECK(middle.r >= 240);
    CHECK(middle.g >= 240);
    CHECK(middle.b >= 240);
    const Pixel low = at(cellX(2), cellX(4));  // f = 4.25: the blue end
    const Rgba blue = heatmapDisplayColour(ColormapKind::Diverging, 0.f, kHeatmapOpacity);
    INFO("low pixel " << low.r << "," << low.g << "," << low.b);
    CHECK(colourDistance(low, blue.r, blue.g, blue.b) <= 4);
    const Pixel high = at(cellX(7), cellX(4));  // f = 6.75, outside the data: saturated red
    const Rgba red = heatmapDisplayColour(ColormapKind::Diverging, 1.f, kHeatmapOpacity);
    CHECK(colourDistance(high, red.r, red.g, red.b) <= 4);
}

TEST_CASE("the mode count comes with the high-quality share of the drawn fakes, in English and Chinese") {
    ModeMarkers modes{2, {{0, 0, 0.1}, {1, 0, 0.1}, {2, 0, 0.1}}, {true, true, true}};
    ViewLabels en;
    CHECK(modesSummary(modes, en) == "modes covered 3/3");  // share unknown: left out
    modes.hq_share = 0.1234;
    CHECK(modesSummary(modes, en) == "modes covered 3/3  \xC2\xB7  hq 12%");
    RunSnapshot run;
    run.name = "blob";
    run.step = 500;
    setQuantity(run.parts, quantity_names::kModes, modes);
    CHECK(panelTitleText(run, en, true).find("modes covered 3/3  \xC2\xB7  hq 12%") != std::string::npos);
    const ViewLabels zh = translatedViewLabels(Language::Chinese);
    CHECK(zh.hq_share != en.hq_share);
    CHECK(modesSummary(modes, zh).find(zh.hq_share + " 12%") != std::string::npos);
}

TEST_CASE("the divergence tab explains a critic's W1 estimate; other tabs and JS runs do not") {
    Snapshot snap;
    RunSnapshot critic;
    critic.name = "WGAN-GP";
    critic.critic = true;
    critic.metrics = singleEvaluationLog(100, {{"w1", 2.0}, {"d_estimate", 18.0}});
    RunSnapshot js = critic;
    js.name = "NS-GAN";
    js.critic = false;
    js.metrics = singleEvaluationLog(100, {{"js", 0.3}, {"d_estimate", 0.2}});
    snap.runs = {js};
    CHECK_FALSE(showsCriticEstimate(snap, PlotMetric::Divergence));
    snap.runs.push_back(critic);
    CHECK(showsCriticEstimate(snap, PlotMetric::Divergence));
    CHECK_FALSE(showsCriticEstimate(snap, PlotMetric::W1));
    critic.metrics = singleEvaluationLog(100, {{"w1", 2.0}});  // no estimate recorded: nothing to explain
    snap.runs = {critic};
    CHECK_FALSE(showsCriticEstimate(snap, PlotMetric::Divergence));
    const std::string en = tr(Language::English, TextId::CriticEstimateNote);
    const std::string zh = tr(Language::Chinese, TextId::CriticEstimateNote);
    CHECK(en.find("1-Lipschitz") != std::string::npos);
    CHECK(en.find("lower bound") != std::string::npos);
    CHECK(zh.find("1-Lipschitz") != std::string::npos);
    CHECK(zh.find("下界") != std::string::npos);
    CHECK(std::string(tr(Language::Chinese, TextId::ViewHqShare)) == "高质量");
}

TEST_CASE("presenter mode's panel titles leave the step to the header: one line where two were needed") {
    RunSnapshot run;
    run.name = "Standard GAN";
    run.objective = "non_saturating";
    run.step = 1234;
    ViewLabels with_step;
    ViewLabels presenter;
    presenter.step_in_title = false;
    CHECK(panelTitleText(run, with_step).find("1,234") != std::string::npos);
    CHECK(panelTitleText(run, presenter).find("1,234") == std::string::npos);
    CHECK(panelTitleText(run, presenter).back() != ' ');  // no separator left dangling at the end
    run.metrics = singleEvaluationLog(100, {{"js", 0.5}});
    CHECK(panelTitleText(run, presenter).find("JS 0.500") != std::string::npos);  // the other numbers stay
}
