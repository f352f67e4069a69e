// density_grid.h — fast density estimates of samples on a display grid:
// linear binning followed by a separable Gaussian blur (a binned KDE with
// Scott's bandwidth). Costs O(cells x kernel width) instead of O(cells x
// samples), so snapshots stay within their time budget. Metrics use the
// core's exact kernelDensity instead.
#pragma once

#include <vector>

#include "core/distribution.h"
#include "core/snapshot.h"

namespace ganarium {

// Binned Gaussian KDE of `samples` (n x dim) on an nx x ny grid over `box` (ny == 1 in 1D); integrates to ~1.
FieldGrid binnedDensity(const std::vector<float>& samples, int dim, const Bounds& box, int nx, int ny);

// The analytic density of `dist` at every cell centre of an nx x ny grid over `box`.
FieldGrid analyticDensity(const Distribution& dist, const Bounds& box, int nx, int ny);

}  // namespace ganarium
