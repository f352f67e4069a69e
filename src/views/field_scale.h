// field_scale.h — how a run's D field is put on screen: probability [0,1]
// on the sequential map or a critic's f(x) on a symmetric, stably rounded
// range of the diverging map; the gradient-norm range of GP dots; and
// bilinear read-out of a field at a data point (matching GL_LINEAR).
#pragma once

#include <string>

#include "core/snapshot.h"
#include "render/colormap.h"
#include "views/run_view.h"

namespace ganarium {

struct FieldScale {
    ColormapKind colormap = ColormapKind::Probability;
    double lo = 0, hi = 1;
    double contour_step = 0.1;
    double emphasis = 0.5;   // D = 1/2, or f = 0 for critics
    std::string name;        // "D(x)" or "critic f(x)"
};

// Scale of run's D field, the kDiscriminator quantity (critic runs: symmetric nice range around 0 covering the field).
FieldScale fieldScale(const RunSnapshot& run);
// The same, named with the view's labels (colour-bar titles, legends).
FieldScale fieldScale(const RunSnapshot& run, const ViewLabels& labels);

// Upper end of the GP gradient-norm colour bar over the kGpGradNorm quantity (at least 2, so 1 sits mid-bar or below).
double gradNormRange(const RunSnapshot& run);

// Field value at data (x, y) with bilinear interpolation between cell centres; NaN outside the grid box.
double sampleField(const FieldGrid& field, double x, double y);

// Heatmap opacity over the plot background (colour bars use the same).
constexpr float kHeatmapOpacity = 0.85f;

}  // namespace ganarium
