// render_layout_test.cpp — panel layout checks for projectors and small
// videos: the D field fills the plot (the trainer evaluates it on a box wider
// than the view box) and the rest is a "no data" grey, titles never exceed
// their panel, and small panels (320x180) still draw their data.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/colormap.h"
#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "views/axes_overlay.h"
#include "views/field_scale.h"
#include "views/panel_title.h"
#include "views/view_1d.h"
#include "views/view_2d.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

namespace {

constexpr int kW = 960, kH = 540;

ViewLayers fieldOnly() {
    ViewLayers l;
    l.real = l.fake = l.arrows = l.manifold = l.modes = l.gp_lines = l.contours = l.d_optimal = false;
    return l;
}

ViewStyle quiet() {
    ViewStyle s;
    s.interactive = false;
    return s;
}

// A run whose title is long: the name already says the objective.
RunSnapshot longTitleRun() {
    RunSnapshot run;
    run.name = "Standard GAN (non-saturating)";
    run.objective = "non_saturating";
    run.step = 123456;
    run.metrics = singleEvaluationLog(run.step, {{"js", 0.123}, {"w1", 0.456}});
    setQuantity(run.parts, quantity_names::kModes, ModeMarkers{2, {{0, 0, 0.1}, {1, 0, 0.1}}, {true, false}});
    return run;
}

// True when `s` ends with a complete UTF-8 character (no cut multi-byte sequence).
bool endsOnCharacter(const std::string& s) {
    size_t i = s.size();
    int continuation = 0;
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) {
        --i;
        ++continuation;
    }
    if (i == 0) return continuation == 0;
    unsigned char lead = static_cast<unsigned char>(s[i - 1]);
    int expected = lead < 0x80 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
    return continuation == expected;
}

}  // namespace

TEST_CASE("2D field fills a wide plot; outside the field box the plot is a no-data grey, not the background") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = test::constantField2D(1.f, false);  // view box [-1, 1]^2
    findQuantity<FieldGrid>(snap.runs[0].parts, quantity_names::kDiscriminator)->box = {-2, 2, -1, 1};         // the trainer's widened field box (2:1)
    ViewCamera camera;
    // A wide panel: equal aspect makes the shown box much wider than the view box.
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, fieldOnly(), camera, quiet(), ImVec2(kW, 300)); });
    const PlotArea& area = view.plotArea();
    REQUIRE(area.shown.x0 < -1.5);  // the camera shows well beyond the view box
    Rgba want = heatmapDisplayColour(ColormapKind::Probability, 1.f, kHeatmapOpacity);
    Rgba bg = palette::background();
    ImVec2 near_left = view.dataToScreen(-1.8, 0.0);
    Pixel p = fx.pixel(img, static_cast<int>(near_left.x), static_cast<int>(near_left.y));
    INFO("left pixel " << p.r << "," << p.g << "," << p.b);
    CHECK(colourDistance(p, want.r, want.g, want.b) <= 4);
    CHECK(colourDistance(p, bg.r, bg.g, bg.b) > 60);

    // A field only on the view box, interactive (the GUI): the strips beside it are the no-data tone.
    Snapshot narrow = test::constantField2D(1.f, false);
    narrow.version = 2;
    ViewStyle interactive;
    img = fx.renderFrame(kW, kH, [&] { view.draw(narrow, 0, fieldOnly(), camera, interactive, ImVec2(kW, 300)); });
    ImVec2 strip = view.dataToScreen(-1.8, 0.0);
    Pixel q = fx.pixel(img, static_cast<int>(strip.x), static_cast<int>(strip.y));
    Rgba none = palette::noData();
    INFO("strip pixel " << q.r << "," << q.g << "," << q.b);
    CHECK(colourDistance(q, none.r, none.g, none.b) <= 5);
    CHECK(colourDistance(q, bg.r, bg.g, bg.b) > 12);

    // Not interactive (videos): the plot ends where the field does, at the same scale.
    float scale = view.plotArea().width() / static_cast<float>(view.plotArea().shown.x1 - view.plotArea().shown.x0);
    narrow.version = 3;
    fx.renderFrame(kW, kH, [&] { view.draw(narrow, 0, fieldOnly(), camera, quiet(), ImVec2(kW, 300)); });
    const PlotArea& clipped = view.plotArea();
    CHECK(clipped.shown.x0 == doctest::Approx(-1.0));
    CHECK(clipped.shown.x1 == doctest::Approx(1.0));
    CHECK(clipped.width() / 2.f == doctest::Approx(scale).epsilon(0.01));
    CHECK(clipped.width() == doctest::Approx(clipped.height()).epsilon(0.01));
}

TEST_CASE("panel titles fit their panel: redundant objective dropped, numbers on a second line, ellipsized") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    RunSnapshot run = longTitleRun();
    ViewLabels labels;
    fx.renderFrame(kW, kH, [&] {
        float F = ImGui::GetFontSize();
        // The name says "non-saturating": the objective is not repeated.
        std::string full = panelTitleText(run, labels, true);
        CHECK(full.find("non-saturating  ") == std::string::npos);
        CHECK(full.find("non_saturating") == std::string::npos);
        CHECK(full.find("step 123,456") != std::string::npos);
        for (float width : {120.f, 200.f, 320.f, 480.f, 640.f, 1280.f}) {
            std::vector<std::string> lines = panelTitleLines(run, labels, width, F, true);
            REQUIRE(!lines.empty());
            CHECK(lines.size() <= 2);
            for (const std::string& line : lines) {
                INFO("width " << width << ": \"" << line << "\"");
                CHECK(textSize(line, F).x <= width);
            }
            // Whatever the width, the step number is shown while the panel can hold it.
            if (width >= 200.f) CHECK(lines.back().find("step") != std::string::npos);
        }
        // Wide panels: everything on one line.
        CHECK(panelTitleLines(run, labels, 1280.f, F, true).size() == 1);
        // A name that does not say the objective keeps it.
        RunSnapshot other = run;
        other.name = "baseline";
        other.objective = "wasserstein";
        other.lipschitz = "gp";
        CHECK(panelTitleText(other, labels, false).find("wasserstein + gp") != std::string::npos);
        other.name = "WGAN-GP";
        CHECK(panelTitleText(other, labels, false).find("wasserstein") == std::string::npos);
        // Translated words are used; multi-byte names are cut on character boundaries.
        labels.step = "\xE6\xAD\xA5";  // 步
        CHECK(panelTitleText(run, labels, false).find("\xE6\xAD\xA5 123,456") != std::string::npos);
        std::string cjk;
        for (int i = 0; i < 40; ++i) cjk += "\xE7\x94\x9F\xE6\x88\x90";  // 生成
        for (float width : {30.f, 60.f, 95.f, 150.f}) {
            std::string cut = ellipsize(cjk, width, F);
            CHECK(textSize(cut, F).x <= width);
            REQUIRE(cut.size() >= 3);
            CHECK(cut.substr(cut.size() - 3) == "...");
            CHECK(endsOnCharacter(cut.substr(0, cut.size() - 3)));
        }
    });
}

TEST_CASE("a 320x180 2D panel with title and legend still draws its samples and keeps the plot readable") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View2D view;
    Snapshot snap = test::synthetic2D(false);
    RunSnapshot& run = snap.runs[0];
    run.name = "Standard GAN (non-saturating)";
    // One real sample far from the others, where nothing else is drawn.
    PointSet* real_samples = findQuantity<PointSet>(run.parts, quantity_names::kReal);
    REQUIRE(real_samples);
    real_samples->coords.push_back(-2.6f);
    real_samples->coords.push_back(-2.6f);
    ViewCamera camera;
    ViewLayers layers;
    layers.arrows = layers.manifold = false;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, layers, camera, quiet(), ImVec2(320, 180)); });
    const PlotArea& area = view.plotArea();
    float F = 0;
    fx.renderFrame(kW, kH, [&] { F = ImGui::GetFontSize(); }, 1.f, false);
    INFO("plot " << area.width() << " x " << area.height() << ", font " << F);
    CHECK(area.height() >= 4.f * F);  // the legend gives way before the plot gets shorter than this
    CHECK(area.max.x <= 320.f);
    ImVec2 at = view.dataToScreen(-2.6, -2.6);
    REQUIRE(area.contains(at));
    Pixel p = fx.pixel(img, static_cast<int>(at.x), static_cast<int>(at.y));
    INFO("real pixel " << p.r << "," << p.g << "," << p.b);
    // Real samples have a translucent teal fill (a generated dot under one stays visible): teal over the field.
    CHECK(p.g > p.r + 50);
    CHECK(p.b > p.r + 40);
}

TEST_CASE("a 320x180 1D panel drops the mapping zone and still draws D(x)") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    View1D view;
    Snapshot snap = test::synthetic1D(false);
    ViewCamera camera;
    auto img = fx.renderFrame(kW, kH, [&] { view.draw(snap, 0, ViewLayers{}, camera, quiet(), ImVec2(320, 180)); });
    const PlotArea& area = view.plotArea();
    INFO("plot " << area.width() << " x " << area.height());
    CHECK(area.height() >= 0.3f * 180.f);
    CHECK(area.max.y <= 180.f);
    // Some column of the plot holds D-curve pixels.
    Rgba dc = palette::dCurve();
    int found = 0;
    for (int x = static_cast<int>(area.min.x) + 2; x < static_cast<int>(area.max.x) - 2; x += 4)
        for (int y = static_cast<int>(area.min.y) + 1; y < static_cast<int>(area.max.y); ++y)
            if (colourDistance(fx.pixel(img, x, y), dc.r, dc.g, dc.b) <= 40) {
                ++found;
                break;
            }
    CHECK(found > 10);
}
