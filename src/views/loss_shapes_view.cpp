// loss_shapes_view.cpp — generator costs against D(G(z)), with the run's batch.
#include "views/loss_shapes_view.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>

#include "render/colormap.h"
#include "views/axes_overlay.h"
#include "views/legend_overlay.h"
#include "views/panel_title.h"

namespace ganarium {
namespace {

struct CostCurve {
    const char* objective;
    ImU32 colour;
};

const CostCurve kCurves[] = {{"minimax", IM_COL32(40, 90, 200, 255)},
                             {"non_saturating", IM_COL32(225, 110, 20, 255)},
                             {"max_likelihood", IM_COL32(30, 150, 90, 255)}};
const ImU32 kBatchBars = IM_COL32(120, 120, 135, 150);
constexpr double kEdge = 1e-4;  // the curves are drawn on [kEdge, 1 - kEdge]

const std::string& curveLabel(const ViewLabels& labels, const std::string& objective) {
    if (objective == "minimax") return labels.loss_minimax;
    if (objective == "non_saturating") return labels.loss_non_saturating;
    return labels.loss_max_likelihood;
}

// Screen polyline of one cost over D, cut where it leaves the cost range.
void drawCost(ImDrawList* dl, const PlotArea& area, const std::string& objective, ImU32 colour, float width) {
    std::vector<ImVec2> points;
    constexpr int kSamples = 400;
    for (int i = 0; i <= kSamples; ++i) {
        // Denser near both ends, where the costs bend hardest.
        const double t = static_cast<double>(i) / kSamples;
        const double d = kEdge + (1 - 2 * kEdge) * (0.5 - 0.5 * std::cos(M_PI * t));
        const double j = generatorCostAt(objective, d);
        if (std::fabs(j) > LossShapesView::kCostRange * 1.05) {
            if (points.size() > 1) dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, width);
            points.clear();
            continue;
        }
        points.push_back(area.toScreen(d, j));
    }
    if (points.size() > 1) dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, width);
}

// Small panels: each cost's name written next to its curve, where the three curves are apart
// (non-saturating high on the left, max-likelihood just below 0 and minimax under it in the middle).
void drawCurveLabels(ImDrawList* dl, const PlotArea& area, const ViewLabels& labels, float font_size) {
    struct Placement {
        const char* objective;
        double d;
        float dy;  // offset in font heights from the curve point (negative: above)
    };
    const Placement places[] = {{"non_saturating", 0.10, -1.1f}, {"max_likelihood", 0.22, -1.2f}, {"minimax", 0.22, 0.35f}};
    for (const Placement& place : places) {
        const ImVec2 at = area.toScreen(place.d, generatorCostAt(place.objective, place.d));
        ImU32 colour = IM_COL32(20, 20, 28, 255);
        for (const CostCurve& c : kCurves)
            if (place.objective == std::string(c.objective)) colour = c.colour;
        const std::string text = ellipsize(curveLabel(labels, place.objective), area.max.x - at.x - 2, font_size);
        drawText(dl, ImVec2(at.x + 2, at.y + place.dy * font_size), colour, text, font_size);
    }
}

}  // namespace

double generatorCostAt(const std::string& objective, double d) {
    if (objective == "minimax") return std::log1p(-d);
    if (objective == "non_saturating") return -std::log(d);
    return -0.5 * d / (1 - d);  // exp(logit d) = d / (1 - d)
}

double generatorCostSlope(const std::string& objective, double d) {
    if (objective == "minimax") return -1 / (1 - d);
    if (objective == "non_saturating") return -1 / d;
    return -0.5 / ((1 - d) * (1 - d));
}

void LossShapesView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&,
                          const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    const ScalarSamples* batch = findQuantity<ScalarSamples>(run.parts, quantity_names::kGeneratorScores);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float F = overlayFontSize(style);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    ImGui::Dummy(size);

    const float left_w = axisLabelWidth({AxisSide::Left, -kCostRange, kCostRange, "", true, true, 0, 5}, F) + F * 1.6f;
    area_.min = {p0.x + left_w, p0.y + F * 2.9f};  // title line, then the J_G axis title
    area_.max = {p1.x - F * 0.6f, p1.y - F * 2.6f};
    area_.shown = Bounds{0, 1, -kCostRange, kCostRange};
    if (area_.width() < 20 || area_.height() < 20) return;

    dl->AddRectFilled(area_.min, area_.max, packAbgr(palette::background()));
    dl->PushClipRect(area_.min, area_.max, true);
    dl->AddLine(area_.toScreen(0, 0), area_.toScreen(1, 0), IM_COL32(40, 40, 50, 70), 1.0f);

    // The batch: a histogram over D standing on the bottom edge, at most a quarter of the plot tall.
    std::vector<float> values;
    if (batch) {
        for (float v : batch->values)
            if (std::isfinite(v)) values.push_back(std::clamp(v, static_cast<float>(kEdge), static_cast<float>(1 - kEdge)));
    }
    if (!values.empty()) {
        int counts[kBins] = {};
        for (float v : values) counts[std::min(kBins - 1, static_cast<int>(v * kBins))]++;
        const int peak = *std::max_element(counts, counts + kBins);
        for (int b = 0; b < kBins && peak > 0; ++b) {
            if (counts[b] == 0) continue;
            const float h = area_.height() * 0.25f * static_cast<float>(counts[b]) / static_cast<float>(peak);
            dl->AddRectFilled(ImVec2(area_.screenX(static_cast<double>(b) / kBins) + 1, area_.max.y - std::max(h, 2.0f)),
                              ImVec2(area_.screenX(static_cast<double>(b + 1) / kBins) - 1, area_.max.y), kBatchBars);
        }
    }

    // The three costs; the run's own one thick, the others thin.
    const float thin = std::max(1.0f, F * 0.08f), thick = std::max(2.5f, F * 0.2f);
    ImU32 own_colour = IM_COL32(20, 20, 28, 255);
    for (const CostCurve& c : kCurves) {
        const bool own = run.objective == c.objective;
        if (own) own_colour = c.colour;
        drawCost(dl, area_, c.objective, own ? c.colour : (c.colour & 0x00FFFFFF) | 0x80000000u, own ? thick : thin);
    }

    // Tangents of the own cost at evenly spaced quantiles of the batch: how steep the cost is where G sits.
    double median_slope = NAN;
    const bool own_known = run.objective == "minimax" || run.objective == "non_saturating" ||
                           run.objective == "max_likelihood";
    if (own_known && !values.empty()) {
        std::sort(values.begin(), values.end());
        median_slope = generatorCostSlope(run.objective, values[values.size() / 2]);
        const float half = F * 1.3f;
        for (int k = 0; k < kTangents; ++k) {
            const double d = values[(values.size() - 1) * static_cast<size_t>(k) / (kTangents - 1)];
            const double j = generatorCostAt(run.objective, d), slope = generatorCostSlope(run.objective, d);
            if (std::fabs(j) > kCostRange) continue;
            const ImVec2 at = area_.toScreen(d, j);
            // Direction of (1, slope) in screen pixels.
            const float dx = area_.width(), dy = -static_cast<float>(slope) * area_.height() / static_cast<float>(2 * kCostRange);
            const float len = std::hypot(dx, dy);
            const ImVec2 u(dx / len * half, dy / len * half);
            dl->AddLine(ImVec2(at.x - u.x, at.y - u.y), ImVec2(at.x + u.x, at.y + u.y), IM_COL32(20, 20, 28, 230),
                        std::max(1.5f, F * 0.1f));
            dl->AddCircleFilled(at, F * 0.2f, own_colour);
        }
    }
    dl->PopClipRect();

    drawAxis(dl, area_, {AxisSide::Bottom, 0, 1, "D(G(z))", true, true, 0, 5}, F);
    drawAxis(dl, area_, {AxisSide::Left, -kCostRange, kCostRange, style.labels.loss_axis, true, true, 0, 5}, F);

    // The title says where this run sits: the median slope of its own cost over the batch.
    std::string title = style.labels.loss_title;
    if (std::isfinite(median_slope)) {
        char text[64];
        std::snprintf(text, sizeof text, "  \xC2\xB7  %s %.2f", style.labels.loss_slope.c_str(), median_slope);
        title += text;
    }
    drawText(dl, ImVec2(p0.x + F * 0.3f, p0.y + F * 0.1f), ImGui::GetColorU32(ImGuiCol_Text),
             ellipsize(title, size.x - F * 0.6f, F), F);
    // The legend sits top right, where every cost is near 0 or below; only when it leaves the curves room.
    std::vector<LegendEntry> entries;
    for (const CostCurve& c : kCurves) entries.push_back({curveLabel(style.labels, c.objective), c.colour, LegendSymbol::Line});
    entries.push_back({style.labels.loss_batch, kBatchBars | 0xFF000000u, LegendSymbol::Filled});
    const float legend_font = F * 0.8f;
    const ImVec2 legend = legendBoxSize(entries, legend_font);
    if (legend.y < area_.height() * 0.5f && legend.x < area_.width() * 0.75f) {
        drawLegend(dl, area_.min, area_.max, LegendCorner::TopRight, entries, legend_font);
    } else {
        drawCurveLabels(dl, area_, style.labels, F * 0.75f);
    }
}

}  // namespace ganarium
