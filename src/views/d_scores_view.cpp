// d_scores_view.cpp — histograms of D's scores on real and generated images.
#include "views/d_scores_view.h"

#include <algorithm>
#include <cassert>

#include "render/colormap.h"
#include "views/axes_overlay.h"
#include "views/legend_overlay.h"

namespace ganarium {

namespace {

// Outlined, translucent bars of `h` (bin i spans [lo + i w, lo + (i + 1) w]).
void drawBars(ImDrawList* dl, const PlotArea& area, const Histogram& h, const Rgba& colour) {
    const size_t bins = h.counts.size();
    const double width = (h.hi - h.lo) / static_cast<double>(bins);
    Rgba fill = colour;
    fill.a = 0.45f;
    for (size_t i = 0; i < bins; ++i) {
        if (h.counts[i] <= 0) continue;
        const double x0 = h.lo + width * static_cast<double>(i);
        const ImVec2 a = area.toScreen(x0, h.counts[i]), b = area.toScreen(x0 + width, 0);
        dl->AddRectFilled(a, b, packAbgr(fill));
        dl->AddRect(a, b, packAbgr(colour), 0.0f, 0, 1.2f);
    }
}

}  // namespace

void DScoresView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&, const ViewStyle& style,
                       ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float F = overlayFontSize(style);
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const Histogram* real = findQuantity<Histogram>(run.parts, quantity_names::kScoresReal);
    const Histogram* fake = findQuantity<Histogram>(run.parts, quantity_names::kScoresFake);
    if (!real || !fake || real->counts.empty()) return;

    float top = 1;
    for (const Histogram* h : {real, fake}) {
        for (float c : h->counts) top = std::max(top, c);
    }
    const double y_hi = niceCeil(top * 1.1);
    const std::string axis_title = run.critic ? style.labels.critic : style.labels.d_of_x;
    const float title_h = F * 1.6f;
    const float left_w = axisLabelWidth({AxisSide::Left, 0, y_hi, "", true, true, 0, 4}, F) + F * 1.4f;
    area_.min = {panel_min.x + left_w, panel_min.y + title_h + F * 1.2f};
    area_.max = {panel_min.x + size.x - F * 0.8f, panel_min.y + size.y - F * 2.6f};
    area_.shown = Bounds{real->lo, real->hi, 0, y_hi};
    if (area_.width() < 16 || area_.height() < 16) return;

    drawText(dl, ImVec2(panel_min.x + F * 0.4f, panel_min.y + F * 0.3f), ImGui::GetColorU32(ImGuiCol_Text),
             style.labels.scores_title, F);
    dl->AddRectFilled(area_.min, area_.max, packAbgr(palette::background()));
    dl->PushClipRect(area_.min, area_.max, true);
    drawBars(dl, area_, *real, palette::real());
    drawBars(dl, area_, *fake, palette::fake());
    dl->PopClipRect();
    // About one tick number per 4.5 font heights, so narrow panels do not crowd them.
    const int x_ticks = std::clamp(static_cast<int>(area_.width() / (F * 4.5f)), 3, 6);
    drawAxis(dl, area_, {AxisSide::Bottom, real->lo, real->hi, axis_title, true, true, 0, x_ticks}, F);
    drawAxis(dl, area_, {AxisSide::Left, 0, y_hi, style.labels.scores_count, true, true, 0, 4}, F);
    if (style.show_legend) {
        const std::vector<LegendEntry> entries = {{style.labels.scores_real, packAbgr(palette::real()), LegendSymbol::Filled},
                                                  {style.labels.scores_fake, packAbgr(palette::fake()), LegendSymbol::Filled}};
        drawLegend(dl, area_.min, area_.max, LegendCorner::TopRight, entries, F * 0.85f);
    }
}

}  // namespace ganarium
