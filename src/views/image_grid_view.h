// image_grid_view.h — an image run's picture: the 8x8 grid of G on the run's
// fixed z (the same z every frame, so the grid shows training, not sampling
// noise), and, while the "real" layer is on, a grid of real training images
// beside it, each with its caption under the panel title. A conditional
// run's grids hold one row per class, its name at the row's start. The grids are one
// GL texture each (render/image_grid_texture.h), shown with ImGui::Image.
// Clicking a generated tile picks it (A, then B: the latent interpolation and
// the nearest-neighbour views); the picked tiles are outlined and lettered.
#pragma once

#include "render/image_grid_texture.h"
#include "views/run_view.h"

namespace ganarium {

class ImageGridView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double&, double&) const override { return false; }
    bool clickedTile(int& tile) const override;

    // Screen rectangle of the generated grid in the last frame (tests read it).
    ImVec2 samplesMin() const { return samples_min_; }
    ImVec2 samplesMax() const { return samples_max_; }
    // Top-left corner of the real grid in the last frame ((0, 0) when not drawn).
    ImVec2 realMin() const { return real_min_; }

private:
    ImageGridTexture samples_, real_;
    uint64_t samples_version_ = 0, real_version_ = 0;  // snapshot version each texture last took (0: none)
    ImVec2 samples_min_{0, 0}, samples_max_{0, 0}, real_min_{0, 0};
    bool clicked_ = false;  // a tile of the generated grid was clicked in the last frame
    int clicked_tile_ = -1;  // which (-1: right click, clear the pick)
};

}  // namespace ganarium
