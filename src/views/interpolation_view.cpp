// interpolation_view.cpp — the row of G(z) between the picked tiles A and B.
#include "views/interpolation_view.h"

namespace ganarium {

void InterpolationView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&,
                             const ViewStyle& style, ImVec2 size) {
    const auto [run, dl, F, panel_min] = beginPanel(snapshot, run_index, style, size);
    drawStripTitle(dl, panel_min, size.x, style.labels.interpolation_title, F);
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
