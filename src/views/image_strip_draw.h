// image_strip_draw.h — drawing helpers the image views share: a tile texture
// placed at a tile size (where each tile lands on screen), the colours that
// mark the picked tiles A and B, and compact step labels ("1k", "20k").
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

#include "core/quantity.h"
#include "render/image_grid_texture.h"

namespace ganarium {

// Where a rows x cols tile texture (render/image_grid_texture.h) lands when drawn at `pos` with tiles of
// `tile` screen pixels.
struct TileLayout {
    ImVec2 pos{0, 0};
    float tile = 0;
    int rows = 0, cols = 0, side = 28;
    // Screen pixels per texture pixel.
    float scale() const { return side > 0 ? tile / static_cast<float>(side) : 0.0f; }
    // Size of the whole texture on screen (tiles, gaps and border).
    ImVec2 size() const;
    // Top-left corner of tile (row, col) on screen.
    ImVec2 tileMin(int row, int col) const;
};

// The layout of `grid` drawn at `pos` with tiles of `tile` pixels.
TileLayout tileLayout(const ImageGrid& grid, ImVec2 pos, float tile);

// The layout of `grid` drawn at `pos` as a texture `width` screen pixels wide.
TileLayout tileLayoutForWidth(const ImageGrid& grid, ImVec2 pos, float width);

// The largest tile size (whole pixels) that fits `grid` in `width` x `height` screen pixels.
float fittingTileSize(const ImageGrid& grid, float width, float height);

// Draws `texture` with `layout` (a dark box while no texture is ready). A layout with fewer rows than the
// texture draws its top rows: `full_height` is the whole texture's height at the layout's scale (0: the layout's).
void drawTiles(ImDrawList* dl, const ImageGridTexture& texture, const TileLayout& layout, float full_height = 0);

// Outlines tile (row, col) of `layout` in `colour` with `label` ("A", "B") in its top-left corner.
void markTile(ImDrawList* dl, const TileLayout& layout, int row, int col, ImU32 colour, const char* label, float font_size);

// Colours of the picked tiles: A amber, B sky blue (neither is a sample colour).
ImU32 pickColourA();
ImU32 pickColourB();

// A step in few characters: 100, 1k, 2.5k, 20k, 1.2M.
std::string compactStep(int64_t step);

// Uploads `grid` into `texture` when the snapshot `version` differs from `uploaded` (then records it).
void uploadIfNew(ImageGridTexture& texture, const ImageGrid& grid, uint64_t version, uint64_t& uploaded);

}  // namespace ganarium
