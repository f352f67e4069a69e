// image_strip_draw.cpp — tile layouts, pick marks and step labels of the image views.
#include "views/image_strip_draw.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "views/axes_overlay.h"

namespace ganarium {

ImVec2 TileLayout::size() const {
    const float s = scale();
    return ImVec2(static_cast<float>(cols * (side + kImageGridGap) + kImageGridGap) * s,
                  static_cast<float>(rows * (side + kImageGridGap) + kImageGridGap) * s);
}

ImVec2 TileLayout::tileMin(int row, int col) const {
    const float s = scale();
    return ImVec2(pos.x + static_cast<float>(kImageGridGap + col * (side + kImageGridGap)) * s,
                  pos.y + static_cast<float>(kImageGridGap + row * (side + kImageGridGap)) * s);
}

TileLayout tileLayout(const ImageGrid& grid, ImVec2 pos, float tile) {
    TileLayout layout;
    layout.pos = pos;
    layout.tile = tile;
    layout.rows = grid.rows;
    layout.cols = grid.cols;
    layout.side = grid.side > 0 ? grid.side : 28;
    return layout;
}

TileLayout tileLayoutForWidth(const ImageGrid& grid, ImVec2 pos, float width) {
    TileLayout layout = tileLayout(grid, pos, 0);
    const float texture_width = static_cast<float>(layout.cols * (layout.side + kImageGridGap) + kImageGridGap);
    layout.tile = texture_width > 0 ? width * static_cast<float>(layout.side) / texture_width : 0.0f;
    return layout;
}

float fittingTileSize(const ImageGrid& grid, float width, float height) {
    if (grid.rows <= 0 || grid.cols <= 0 || grid.side <= 0) return 0;
    const float per_tile = static_cast<float>(grid.side + kImageGridGap) / static_cast<float>(grid.side);
    const float by_width = width / (static_cast<float>(grid.cols) * per_tile + 0.1f);
    const float by_height = height / (static_cast<float>(grid.rows) * per_tile + 0.1f);
    return std::max(0.0f, std::floor(std::min(by_width, by_height)));
}

void drawTiles(ImDrawList* dl, const ImageGridTexture& texture, const TileLayout& layout, float full_height) {
    const ImVec2 size = layout.size();
    const ImVec2 max(layout.pos.x + size.x, layout.pos.y + size.y);
    const float v1 = full_height > size.y ? size.y / full_height : 1.0f;
    if (texture.ready()) {
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture.texture().id())), layout.pos, max,
                     ImVec2(0, 0), ImVec2(1, v1));
    } else {
        dl->AddRectFilled(layout.pos, max, IM_COL32(40, 40, 44, 255));
    }
}

void markTile(ImDrawList* dl, const TileLayout& layout, int row, int col, ImU32 colour, const char* label, float font_size) {
    const ImVec2 a = layout.tileMin(row, col);
    const float width = std::max(2.0f, layout.tile * 0.07f);
    const ImVec2 b(a.x + layout.tile, a.y + layout.tile);
    dl->AddRect(ImVec2(a.x - width * 0.5f, a.y - width * 0.5f), ImVec2(b.x + width * 0.5f, b.y + width * 0.5f), colour, 0.0f,
                0, width);
    if (!label || !*label) return;
    const float fs = std::min(font_size, layout.tile * 0.45f);
    const ImVec2 ts = textSize(label, fs);
    dl->AddRectFilled(a, ImVec2(a.x + ts.x + fs * 0.3f, a.y + ts.y), colour);
    drawText(dl, ImVec2(a.x + fs * 0.15f, a.y), IM_COL32(0, 0, 0, 255), label, fs);
}

ImU32 pickColourA() { return IM_COL32(255, 196, 40, 255); }
ImU32 pickColourB() { return IM_COL32(90, 190, 255, 255); }

std::string compactStep(int64_t step) {
    char buf[32];
    const double v = static_cast<double>(step);
    if (step < 1000) {
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(step));
    } else if (step < 1000000) {
        std::snprintf(buf, sizeof buf, step % 1000 == 0 || step >= 100000 ? "%.0fk" : "%.1fk", v / 1000.0);
    } else {
        std::snprintf(buf, sizeof buf, "%.1fM", v / 1e6);
    }
    return buf;
}

void uploadIfNew(ImageGridTexture& texture, const ImageGrid& grid, uint64_t version, uint64_t& uploaded) {
    if (version == uploaded && texture.ready()) return;
    texture.upload(grid);
    uploaded = version;
}

}  // namespace ganarium
