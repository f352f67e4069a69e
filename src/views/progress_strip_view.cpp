// progress_strip_view.cpp — the same z at the capture steps, one column per step.
#include "views/progress_strip_view.h"

#include <cassert>

#include "views/axes_overlay.h"
#include "views/plot_area.h"

namespace ganarium {

void ProgressStripView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&,
                             const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float F = overlayFontSize(style);
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    layout_ = TileLayout{};
    const ImageStrip* strip = findQuantity<ImageStrip>(run.parts, quantity_names::kImageProgress);
    if (!strip || strip->images.cols <= 0) return;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    drawText(dl, ImVec2(panel_min.x + F * 0.4f, panel_min.y), text, style.labels.progress_title, F);
    const float label_f = F * 0.85f;
    const float top = F * 1.4f, bottom = label_f * 1.4f;
    const float tile = fittingTileSize(strip->images, size.x - F * 0.8f, size.y - top - bottom);
    if (tile < 4) return;
    uploadIfNew(texture_, strip->images, snapshot.version, version_);
    TileLayout layout = tileLayout(strip->images, ImVec2(0, 0), tile);
    layout.pos = ImVec2(panel_min.x + (size.x - layout.size().x) * 0.5f, panel_min.y + top);
    drawTiles(dl, texture_, layout);
    layout_ = layout;
    // "step 100" under each column when it fits its tile, else the number alone; "now" under the last.
    const int cols = strip->images.cols;
    const float label_y = layout.pos.y + layout.size().y + label_f * 0.15f;
    for (int c = 0; c < cols && static_cast<size_t>(c) < strip->column_values.size(); ++c) {
        const bool now = c == cols - 1;
        const std::string number = compactStep(static_cast<int64_t>(strip->column_values[static_cast<size_t>(c)]));
        std::string label = now ? style.labels.progress_now : style.labels.step + " " + number;
        if (!now && textSize(label, label_f).x > tile * 1.05f) label = number;
        const ImVec2 ts = textSize(label, label_f);
        const ImVec2 at = layout.tileMin(0, c);
        drawText(dl, ImVec2(at.x + (tile - ts.x) * 0.5f, label_y), now ? pickColourA() : text, label, label_f);
    }
}

}  // namespace ganarium
