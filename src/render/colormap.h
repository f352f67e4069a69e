// colormap.h — the colour tables every view shares (our own small tables,
// linearly interpolated): a sequential map for probabilities, a diverging
// blue-white-red map centred at 0 for critics, and an indigo-magenta-pink map
// for gradient norms; plus the fixed data colours (real / generated) used in
// every view and legend.
#pragma once

#include <cstdint>
#include <vector>

namespace ganarium {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

enum class ColormapKind {
    Probability,  // sequential, near-white (0) -> deep purple (1); calm under green/orange points
    Diverging,    // blue (-1) -> white (0) -> red (+1)
    GradNorm,     // indigo -> magenta (middle) -> pale pink (gradient norms; no sample colours)
};

// Colour of `kind` at t in [0,1] (clamped).
Rgba colormapColour(ColormapKind kind, float t);

// `n` RGBA8 texels sampling `kind` uniformly over [0,1] (for a 1D lookup texture).
std::vector<uint8_t> colormapTexels(ColormapKind kind, int n);

// How the heatmap shows a field value: the colormap at t blended with the plot background by `opacity`.
Rgba heatmapDisplayColour(ColormapKind kind, float t, float opacity);

// Data colours, consistent across views and legends.
namespace palette {
Rgba real();         // real samples: teal-green
Rgba fake();         // generated samples: orange
Rgba fakeDark();     // manifold lines, z -> G(z) ends
Rgba arrow();        // generator gradient arrows
Rgba dCurve();       // D(x) curve in 1D
Rgba critic();       // critic f(x) curve in 1D
Rgba optimal();      // D* dashed
Rgba background();   // plot background
Rgba noData();       // plot area outside the field box (no D values there)
Rgba outline();      // point outlines
Rgba uncovered();    // uncovered mixture modes
Rgba diverged();     // DIVERGED status text
}  // namespace palette

// Colour of class `label` of `classes` (the conditional toy GAN's y): ten distinct hues, then evenly spaced
// hues for more classes. Labels outside 0..classes-1 are grey.
Rgba classColour(int label, int classes);
// The same, mixed towards white by `lightness` in [0, 1] (real samples drawn lightly).
Rgba lightClassColour(int label, int classes, float lightness);

// Packs a colour into ImGui's ABGR ImU32 layout (no ImGui dependency here).
uint32_t packAbgr(const Rgba& c);

}  // namespace ganarium
