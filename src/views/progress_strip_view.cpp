// progress_strip_view.cpp — the same z at the capture steps, one column per step.
#include "views/progress_strip_view.h"

#include <algorithm>
#include <string>
#include <vector>

#include "views/axes_overlay.h"

namespace ganarium {

void ProgressStripView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&,
                             const ViewStyle& style, ImVec2 size) {
    const auto [run, dl, F, panel_min] = beginPanel(snapshot, run_index, style, size);
    const ImageStrip* strip = findQuantity<ImageStrip>(run.parts, quantity_names::kImageProgress);
    if (!strip || strip->images.cols <= 0) return;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    drawStripTitle(dl, panel_min, size.x, style.labels.progress_title, F);
    const float label_f = F * 0.85f;
    const float top = F * 1.3f, bottom = label_f * 1.3f;
    // As many of the z (rows) as fit with tiles of at least two text heights; at least one.
    ImageGrid shown = strip->images;
    float tile = 0;
    for (int rows = strip->images.rows; rows >= 1; --rows) {
        shown.rows = rows;
        tile = fittingTileSize(shown, size.x - F * 0.8f, size.y - top - bottom);
        if (tile >= 2.0f * F) break;
    }
    if (tile < 4) return;
    uploadIfNew(texture_, strip->images, snapshot.version, version_);
    TileLayout layout = tileLayout(shown, ImVec2(0, 0), tile);
    layout.pos = ImVec2(panel_min.x + (size.x - layout.size().x) * 0.5f, panel_min.y + top);
    drawTiles(dl, texture_, layout, tileLayout(strip->images, ImVec2(0, 0), tile).size().y);
    layout_ = layout;
    // "step 100" under each column when it fits its tile, else the number alone, in smaller text if need be,
    // else under every other column; "now" under the last.
    const int cols = strip->images.cols;
    std::vector<std::string> labels;
    float widest = 0;
    for (int c = 0; c < cols && static_cast<size_t>(c) < strip->column_values.size(); ++c) {
        const bool now = c == cols - 1;
        const std::string number = compactStep(static_cast<int64_t>(strip->column_values[static_cast<size_t>(c)]));
        std::string label = now ? style.labels.progress_now : style.labels.step + " " + number;
        if (!now && textSize(label, label_f).x > tile * 1.05f) label = number;
        widest = std::max(widest, textSize(label, label_f).x);
        labels.push_back(label);
    }
    const float room = tile * 1.02f;
    const float font = widest > room ? std::max(label_f * 0.7f, label_f * room / widest) : label_f;
    const int every = widest * font / label_f > room ? 2 : 1;
    const float label_y = layout.pos.y + layout.size().y + label_f * 0.15f;
    for (int c = 0; c < static_cast<int>(labels.size()); ++c) {
        const bool now = c == cols - 1;
        if (!now && (cols - 1 - c) % every != 0) continue;
        const ImVec2 ts = textSize(labels[static_cast<size_t>(c)], font);
        const ImVec2 at = layout.tileMin(0, c);
        drawText(dl, ImVec2(at.x + (tile - ts.x) * 0.5f, label_y), now ? pickColourA() : text, labels[static_cast<size_t>(c)], font);
    }
}

}  // namespace ganarium
