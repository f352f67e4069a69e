// binned_density_2d.h — the density of many equal-width 2D Gaussian kernels
// (a big CSV point set blurred by `noise`), tabulated once on a grid of
// std/4 cells by binning and a separable convolution, then read by bilinear
// interpolation. Exact evaluation costs one exp per nearby kernel: with 10^6
// points that is ~10^5 per query and made `train` take 15 s to start.
#pragma once

#include <vector>

namespace ganarium::detail {

// Tabulated sum of weighted isotropic Gaussians of one common std.
class BinnedDensity2D {
public:
    // Builds from x,y,weight triples (weights summing to 1) with kernel std `std`; empty()
    // when the grid would exceed `max_cells` (then evaluate exactly instead).
    BinnedDensity2D(const std::vector<double>& xyw, double std, long max_cells = 4L << 20);
    // True when no grid was built.
    bool empty() const { return values_.empty(); }
    // The density at (x, y); 0 outside the tabulated box (beyond 5 std of every point).
    double at(double x, double y) const;

private:
    double x0_ = 0, y0_ = 0, h_ = 1;
    long nx_ = 0, ny_ = 0;
    std::vector<double> values_;  // density at the cell corners, row-major (y, x)
};

}  // namespace ganarium::detail
