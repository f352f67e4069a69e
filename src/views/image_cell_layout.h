// image_cell_layout.h — how an image run's cell shares its room when it is
// small (two runs at 1280x720, four at 1600x900): the sample grid comes
// first. The secondary panels (the class bars, D's scores) stand beside the
// grid or in a row under it, whichever leaves the larger sample grid, each at
// least its smallest size; while both places would shrink the grid below
// kGridKeepShare of its size alone, the last panel gives way. The band of
// strips (progress, interpolation, neighbour) takes kBandShare of the cell
// only when the main panels keep at least kMainPanelFonts font sizes of
// height, or when the viewer asks for it (the "more" toggle, or a picked
// tile); otherwise it is hidden. Pure layout decisions, testable without GL.
#pragma once

#include <vector>

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

// Smallest width of a secondary panel (D's scores, class bars), in font sizes.
constexpr float kSecondaryMinWidthFonts = 8.0f;
// Smallest heights, in font sizes: ten class names need more than D's two histograms.
constexpr float kClassBarsMinHeightFonts = 9.0f;
constexpr float kDScoresMinHeightFonts = 6.0f;
// Share of the cell's height a row of secondary panels under the grid takes (at least their smallest height).
constexpr float kUnderShare = 0.3f;
// Secondary panels give way (the last first) while the sample grid would keep less than this share of its side alone.
constexpr float kGridKeepShare = 0.5f;

// Where an image cell puts its secondary panels.
enum class SecondaryPlace { Beside, Under, Hidden };

// A secondary panel of an image cell: its share of the cell's width when there is room, and its smallest size.
struct SecondaryPanel {
    float share = 0.25f;
    float min_width_fonts = 8.0f;
    float min_height_fonts = 6.0f;
};

// An image cell's split: the first `shown` secondary panels go `place`; the grid panel is `grid_extent` pixels
// wide (Beside) or tall (Under), and panel i is `extents[i]` wide (beside it, or in the row under it).
struct ImageCellSplit {
    SecondaryPlace place = SecondaryPlace::Hidden;
    int shown = 0;
    float grid_extent = 0;
    std::vector<float> extents;
};

// Splits a `width` x `height` cell (font size `font`, `gap` pixels between panels) between the sample grid
// panel (the real grid beside it when `real`) and `secondaries`, in the order they give way last to first.
ImageCellSplit splitImageCell(float width, float height, float font, float gap,
                              const std::vector<SecondaryPanel>& secondaries, bool real);

// Every how many class rows a name is drawn, for `rows` rows in `height` pixels at `font_size` (names at
// kClassNameSmallest of it): 1 when all fit, 2 for every other one, and so on.
int classNameStride(int rows, float height, float font_size);

}  // namespace ganarium
