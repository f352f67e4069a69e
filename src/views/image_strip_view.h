// image_strip_view.h — what the image run's strip views share (the progress
// strip, the latent interpolation and the nearest-neighbour view): a tile
// texture and the snapshot version it holds, the layout its tiles were last
// drawn with (tests read it), the panel's set-up, its title line, and the
// hint a view shows before it has anything to draw.
#pragma once

#include <cstdint>
#include <string>

#include "render/image_grid_texture.h"
#include "views/image_strip_draw.h"
#include "views/run_view.h"

namespace ganarium {

// This frame's panel of a strip view: the run it draws, the draw list, the overlay font size and the top-left corner.
struct StripPanel {
    const RunSnapshot& run;
    ImDrawList* dl;
    float font;
    ImVec2 min;
};

class ImageStripView : public RunView {
public:
    bool hoveredDataPoint(double&, double&) const override { return false; }
    // Where the tiles were drawn in the last frame (tests read it; tile 0 when nothing was drawn).
    const TileLayout& layout() const { return layout_; }

protected:
    // Claims a panel of `size` at the cursor for run `run_index` of `snapshot` and forgets the last frame's layout.
    StripPanel beginPanel(const Snapshot& snapshot, int run_index, const ViewStyle& style, ImVec2 size);

    ImageGridTexture texture_;
    uint64_t version_ = 0;  // snapshot version the texture last took (0: none)
    TileLayout layout_;
};

// Draws a strip view's `title` on the top line of the panel at `panel_min`, shortened to fit its `width`.
void drawStripTitle(ImDrawList* dl, ImVec2 panel_min, float width, const std::string& title, float font_size);

// Draws `hint` centred in the box at `pos` of `size` (dimmed text): what a view needs before it can show anything.
void drawViewHint(ImDrawList* dl, ImVec2 pos, ImVec2 size, const std::string& hint, float font_size);

}  // namespace ganarium
