// interpolation_view.h — the latent interpolation: G on ten z along the arc
// from the picked tile A's z to tile B's (`image_interpolation`), A and B
// marked at the ends. Before two tiles are picked it says what to click.
#pragma once

#include "render/image_grid_texture.h"
#include "views/image_strip_draw.h"
#include "views/run_view.h"

namespace ganarium {

class InterpolationView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double&, double&) const override { return false; }
    // Where the row was drawn in the last frame (tile 0 when it was not).
    const TileLayout& layout() const { return layout_; }

private:
    ImageGridTexture texture_;
    uint64_t version_ = 0;
    TileLayout layout_;
};

// Draws `hint` centred in the box at `pos` of `size` (dimmed text): what a view needs before it can show anything.
void drawViewHint(ImDrawList* dl, ImVec2 pos, ImVec2 size, const std::string& hint, float font_size);

}  // namespace ganarium
