// interpolation_view.cpp — the row of G(z) between the picked tiles A and B.
#include "views/interpolation_view.h"

#include <algorithm>
#include <cassert>
#include <cfloat>

#include "views/axes_overlay.h"
#include "views/panel_title.h"
#include "views/plot_area.h"

namespace ganarium {

void drawViewHint(ImDrawList* dl, ImVec2 pos, ImVec2 size, const std::string& hint, float font_size) {
    // Wrapped to the box (a narrow panel gets several lines), never past its right edge.
    const float width = std::max(font_size * 4.0f, size.x - font_size);
    ImFont* font = ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(font_size, FLT_MAX, width, hint.c_str());
    dl->AddText(font, font_size, ImVec2(pos.x + std::max(0.0f, (size.x - ts.x) * 0.5f), pos.y + std::max(0.0f, (size.y - ts.y) * 0.5f)),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), hint.c_str(), nullptr, width);
}

void InterpolationView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&,
                             const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float F = overlayFontSize(style);
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    layout_ = TileLayout{};
    drawText(dl, ImVec2(panel_min.x + F * 0.4f, panel_min.y), ImGui::GetColorU32(ImGuiCol_Text),
             ellipsize(style.labels.interpolation_title, size.x - F * 0.5f, F), F);
    const float top = F * 1.3f;
    const ImageStrip* strip = findQuantity<ImageStrip>(run.parts, quantity_names::kImageInterpolation);
    const ImVec2 room_min(panel_min.x, panel_min.y + top), room(size.x, size.y - top);
    if (!strip || strip->tiles.size() < 2 || strip->images.cols <= 0) {
        const bool has_a = strip && strip->tiles.size() == 1;
        if (style.interactive)
            drawViewHint(dl, room_min, room, has_a ? style.labels.interpolation_hint_b : style.labels.interpolation_hint, F * 0.9f);
        return;
    }
    const float tile = fittingTileSize(strip->images, size.x - F * 0.8f, room.y - F * 0.2f);
    if (tile < 4) return;
    uploadIfNew(texture_, strip->images, snapshot.version, version_);
    TileLayout layout = tileLayout(strip->images, ImVec2(0, 0), tile);
    layout.pos = ImVec2(panel_min.x + (size.x - layout.size().x) * 0.5f, room_min.y);
    drawTiles(dl, texture_, layout);
    markTile(dl, layout, 0, 0, pickColourA(), "A", F);
    markTile(dl, layout, 0, layout.cols - 1, pickColourB(), "B", F);
    layout_ = layout;
}

}  // namespace ganarium
