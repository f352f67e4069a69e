// image_cell_layout.h — how an image run's cell shares its room when it is
// small (two runs at 1280x720): the sample grid comes first. The band of
// strips (progress, interpolation, neighbour) takes kBandShare of the cell
// only when the main panels keep at least kMainPanelFonts font sizes of
// height, or when the viewer asks for it (the "more" toggle, or a picked
// tile); otherwise it is hidden. Pure layout decisions, testable without GL.
#pragma once

namespace ganarium {

// Height of the main panels (in font sizes) below which the band of strips is hidden unless asked for.
constexpr float kMainPanelFonts = 17.0f;
// Smallest size of the class names (times the panel font size): below it, names are skipped, never shrunk.
constexpr float kClassNameSmallest = 0.8f;

// Smallest size of the real grid beside the sample grid (times the sample grid's side) before the sample grid shrinks.
constexpr float kRealGridSmallest = 0.6f;

// The sample grid's height and the real grid's scale (1: as large) for grids of aspect `aspect` (w / h) in
// `room_w` x `room_h` pixels (the gap between the grids already taken off `room_w`).
struct GridSizes {
    float height = 0;
    float real_scale = 1;
};

// The sample grid gets the room first: the real grid beside it (when `real`) shrinks down to kRealGridSmallest of
// its side before the sample grid gets smaller than the room's height allows.
GridSizes sampleGridFirst(float room_w, float room_h, float aspect, bool real);

// Share of a cell `cell_height` pixels tall that its band of strips takes with font size `font_size`:
// `normal_share` when the main panels keep kMainPanelFonts font sizes, or when `asked_for`; else 0 (hidden).
float stripsBandShare(float cell_height, float font_size, float normal_share, bool asked_for);

// Every how many class rows a name is drawn, for `rows` rows in `height` pixels at `font_size` (names at
// kClassNameSmallest of it): 1 when all fit, 2 for every other one, and so on.
int classNameStride(int rows, float height, float font_size);

}  // namespace ganarium
