// field_scale.h — how a run's D field is put on screen: probability [0,1]
// on the sequential map or a critic's f(x) on the diverging map, centred on
// the median of f over the data and scaled over the data region (a critic is
// defined up to a constant); the gradient-norm range of GP dots; and
// bilinear read-out of a field at a data point (matching GL_LINEAR).
#pragma once

#include <string>
#include <vector>

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

// A critic field's diverging range: white at `centre`, the ends at centre -+ half (real f values).
struct CriticRange {
    double centre = 0, half = 1;
};

// Where the data are: cells of `field` where p_data or p_G (same grid) reaches kDataMassShare of its own peak.
// Empty when neither density matches the grid (then callers use every cell).
std::vector<bool> dataCells(const FieldGrid& field, const FieldGrid* p_data, const FieldGrid* p_g);
// Share of a density's peak above which a cell counts as holding data.
constexpr double kDataMassShare = 0.01;

// Range of critic `field`: centred on the median of f over `data` cells (all finite cells when `data` is empty),
// half-width a nice number covering every `data` cell (`whole_field`: every cell, e.g. the 1D curve on its axis);
// the centre is rounded to half / 20 so it does not shimmer between frames.
CriticRange criticRange(const FieldGrid& field, const std::vector<bool>& data, bool whole_field);

// Scale of run's D field, the kDiscriminator quantity (critic runs: criticRange over the data densities' cells;
// 2D over the data region only, as the field box reaches far past the view; 1D over the whole view).
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
