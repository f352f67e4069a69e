// class_histogram_view.cpp — horizontal class bars: generated share against the data's mix.
#include "views/class_histogram_view.h"

#include <algorithm>
#include <cassert>

#include "render/colormap.h"
#include "views/axes_overlay.h"
#include "views/image_cell_layout.h"
#include "views/legend_overlay.h"

namespace ganarium {

void ClassHistogramView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&,
                              const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float F = overlayFontSize(style);
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const Histogram* generated = findQuantity<Histogram>(run.parts, quantity_names::kClassesGenerated);
    const Histogram* data = findQuantity<Histogram>(run.parts, quantity_names::kClassesData);
    if (!generated || !data || generated->counts.size() != 10 || data->counts.size() != 10) return;

    float top = 10;
    for (const Histogram* h : {generated, data})
        for (float c : h->counts) top = std::max(top, c);
    const double x_hi = std::min(100.0, niceCeil(top * 1.05));  // shares: never past 100 %
    float names_w = 0;
    // Names as tall as a row, but never below kClassNameSmallest of the font (read from the back row): a panel too
    // short for ten such names labels every other row instead (image_cell_layout.h).
    const float rows_h = size.y - F * 4.5f;
    const float name_f = std::clamp(rows_h / 10.0f * 0.95f, F * kClassNameSmallest, F * 0.9f);
    const int name_stride = classNameStride(10, rows_h, F);
    for (const std::string& name : style.labels.class_names) names_w = std::max(names_w, textSize(name, name_f).x);
    const float title_h = F * 1.6f;
    area_.min = {panel_min.x + names_w + F * 0.6f, panel_min.y + title_h + F * 0.3f};
    area_.max = {panel_min.x + size.x - F * 0.8f, panel_min.y + size.y - F * 2.6f};
    area_.shown = Bounds{0, x_hi, 0, 10};
    if (area_.width() < 16 || area_.height() < 16) return;

    drawText(dl, ImVec2(panel_min.x + F * 0.4f, panel_min.y + F * 0.3f), ImGui::GetColorU32(ImGuiCol_Text),
             style.labels.classes_title, F);
    dl->AddRectFilled(area_.min, area_.max, packAbgr(palette::background()));
    Rgba fill = palette::fake();
    fill.a = 0.75f;
    const Rgba outline = palette::real();
    for (int c = 0; c < 10; ++c) {
        // Row c from the top: T-shirt first, as the dataset numbers them.
        const double row_top = 10.0 - c, row_bottom = row_top - 1.0;
        const ImVec2 bar_a = area_.toScreen(0, row_top - 0.2), bar_b = area_.toScreen(generated->counts[c], row_bottom + 0.2);
        if (generated->counts[c] > 0) dl->AddRectFilled(bar_a, bar_b, packAbgr(fill));
        const ImVec2 mix_a = area_.toScreen(0, row_top - 0.1), mix_b = area_.toScreen(data->counts[c], row_bottom + 0.1);
        dl->AddRect(mix_a, mix_b, packAbgr(outline), 0.0f, 0, 1.6f * style.mark_scale);
        if (static_cast<size_t>(c) < style.labels.class_names.size() && c % name_stride == 0) {
            const std::string& name = style.labels.class_names[static_cast<size_t>(c)];
            const ImVec2 at = area_.toScreen(0, row_top - 0.5);
            const ImVec2 text = textSize(name, name_f);
            drawText(dl, ImVec2(at.x - text.x - F * 0.3f, at.y - text.y * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                     name, name_f);
        }
    }
    const int x_ticks = std::clamp(static_cast<int>(area_.width() / (F * 4.5f)), 2, 5);
    drawAxis(dl, area_, {AxisSide::Bottom, 0, x_hi, style.labels.classes_axis, true, true, 0, x_ticks}, F);
    if (style.show_legend) {
        const std::vector<LegendEntry> entries = {
            {style.labels.classes_generated, packAbgr(palette::fake()), LegendSymbol::Filled},
            {style.labels.classes_data, packAbgr(outline), LegendSymbol::Ring}};
        drawLegend(dl, area_.min, area_.max, LegendCorner::TopRight, entries, F * 0.85f);
    }
}

}  // namespace ganarium
