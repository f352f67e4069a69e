// density_grid.h — internal helpers for the grid-based metrics: binning
// samples into cells, Scott's bandwidth and separable Gaussian smoothing.
// Used by kernel_density.cpp (the display densities). Not a public contract.
#pragma once

#include <vector>

#include "core/snapshot.h"

namespace ganarium::detail {

// Counts samples (n x dim) per cell of an nx x ny grid over `box`. Samples
// outside the box are clamped into the border cells when `clamp`, else dropped.
std::vector<double> binSamples(const std::vector<float>& samples, int dim, const Bounds& box, int nx, int ny,
                               bool clamp);

// Scott's rule bandwidth along `axis`: sigma * n^(-1/(dim+4)) (times 1.06 in 1D).
double scottBandwidth(const std::vector<float>& samples, int dim, int axis);

// Convolves grid values (values[iy * nx + ix]) with a Gaussian of std hx, hy
// cells (truncated at 4 std, discrete kernel normalised to 1). ny == 1: x only.
void gaussianSmooth(std::vector<double>& values, int nx, int ny, double hx_cells, double hy_cells);

}  // namespace ganarium::detail
