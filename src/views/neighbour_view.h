// neighbour_view.h — the memorisation check: the picked sample A beside its
// nearest training image (L2 over pixels, brightness in [0, 1]) and their
// distance, then a typical test image beside its nearest training image and
// theirs, for scale (`image_neighbour`). A copying G shows a distance far
// below the test image's.
#pragma once

#include "render/image_grid_texture.h"
#include "views/image_strip_draw.h"
#include "views/run_view.h"

namespace ganarium {

class NeighbourView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double&, double&) const override { return false; }
    // Where the tiles were drawn in the last frame (tile 0 when they were not).
    const TileLayout& layout() const { return layout_; }

private:
    ImageGridTexture texture_;
    uint64_t version_ = 0;
    TileLayout layout_;
};

}  // namespace ganarium
