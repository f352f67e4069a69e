// progress_strip_view.h — the lecture's "after 100, 1000, ... updates": G's
// pictures of the same few fixed z (rows) at the capture steps (columns),
// each column labelled with its step ("step 100", "1k", ...), the last one
// the current G ("now"). Draws the `image_progress` quantity.
#pragma once

#include "render/image_grid_texture.h"
#include "views/image_strip_draw.h"
#include "views/run_view.h"

namespace ganarium {

class ProgressStripView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double&, double&) const override { return false; }
    // Where the tiles were drawn in the last frame (tests read it; tile 0 when nothing was drawn).
    const TileLayout& layout() const { return layout_; }

private:
    ImageGridTexture texture_;
    uint64_t version_ = 0;
    TileLayout layout_;
};

}  // namespace ganarium
