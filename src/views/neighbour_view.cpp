// neighbour_view.cpp — sample | nearest training image, test image | nearest, with distances.
#include "views/neighbour_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "views/axes_overlay.h"
#include "views/panel_title.h"

namespace ganarium {

void NeighbourView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&,
                         const ViewStyle& style, ImVec2 size) {
    const auto [run, dl, F, panel_min] = beginPanel(snapshot, run_index, style, size);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    drawStripTitle(dl, panel_min, size.x, style.labels.neighbour_title, F);
    const float top = F * 1.3f, label_f = F * 0.8f, bottom = label_f * 1.4f;
    const ImageStrip* strip = findQuantity<ImageStrip>(run.parts, quantity_names::kImageNeighbour);
    if (!strip || strip->images.cols < 2) {
        if (style.interactive)
            drawViewHint(dl, ImVec2(panel_min.x, panel_min.y + top), ImVec2(size.x, size.y - top), style.labels.neighbour_hint,
                         F * 0.9f);
        return;
    }
    // Pairs drawn apart: one tile of room between "sample | nearest" and "test | nearest".
    const int pairs = strip->images.cols / 2;
    ImageGrid spaced = strip->images;
    spaced.cols = strip->images.cols + (pairs - 1);
    const float tile = std::min(fittingTileSize(spaced, size.x - F * 0.8f, size.y - top - bottom), F * 6.0f);
    if (tile < 4) return;
    uploadIfNew(texture_, strip->images, snapshot.version, version_);
    // At least a tile between the pairs, more when their distance labels are wider than a pair.
    const float pair_gap = std::max(tile, textSize("d = 10.00", label_f).x - 2 * tile + F * 0.6f);
    const TileLayout probe = tileLayout(strip->images, ImVec2(0, 0), tile);
    const float total = probe.size().x + pair_gap * static_cast<float>(pairs - 1);
    float x = panel_min.x + (size.x - total) * 0.5f;
    const float y = panel_min.y + top;
    const std::string* captions[] = {&style.labels.neighbour_sample, &style.labels.neighbour_test};
    // Each pair is its own two-tile slice of the texture (uv), so the gap between pairs shows the panel.
    const ImTextureID id = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture_.texture().id()));
    for (int p = 0; p < pairs; ++p) {
        ImageGrid pair_grid = strip->images;
        pair_grid.cols = 2;
        TileLayout pair = tileLayout(pair_grid, ImVec2(x, y), tile);
        const ImVec2 pair_size = pair.size();
        const float u0 = static_cast<float>(p * 2 * (probe.side + kImageGridGap)) / static_cast<float>(probe.cols * (probe.side + kImageGridGap) + kImageGridGap);
        const float u1 = static_cast<float>((p * 2 + 2) * (probe.side + kImageGridGap) + kImageGridGap) /
                         static_cast<float>(probe.cols * (probe.side + kImageGridGap) + kImageGridGap);
        if (texture_.ready()) dl->AddImage(id, pair.pos, ImVec2(x + pair_size.x, y + pair_size.y), ImVec2(u0, 0), ImVec2(u1, 1));
        if (p == 0) {
            markTile(dl, pair, 0, 0, pickColourA(), "A", F);
            layout_ = pair;
        }
        // Under each pair: what its left image is and its distance to the right one (its nearest training image),
        // or the distance alone when both do not fit.
        const size_t value = static_cast<size_t>(p * 2 + 1);
        const bool has_distance = value < strip->column_values.size() && std::isfinite(strip->column_values[value]);
        char number[32] = "";
        if (has_distance) std::snprintf(number, sizeof number, "d = %.2f", strip->column_values[value]);
        const float room_w = pair_size.x + pair_gap * 0.9f;
        std::string label = *captions[std::min(p, 1)] + (has_distance ? std::string(": ") + number : std::string());
        if (textSize(label, label_f).x > room_w && has_distance) label = number;
        label = ellipsize(label, room_w, label_f);
        const ImVec2 ts = textSize(label, label_f);
        drawText(dl, ImVec2(x + (pair_size.x - ts.x) * 0.5f, y + pair_size.y + label_f * 0.1f), p == 0 ? pickColourA() : text,
                 label, label_f);
        x += pair_size.x + pair_gap;
    }
}

}  // namespace ganarium
