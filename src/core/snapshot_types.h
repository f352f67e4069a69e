// snapshot_types.h — the small plain-data types snapshots and quantities are
// built from: a data-space box, a scalar field on a grid, a histogram and a
// mixture mode. No tensors, no GL.
#pragma once

#include <vector>

namespace ganarium {

// Axis-aligned box in data space (1D uses x0..x1 only).
struct Bounds {
    double x0 = -1, x1 = 1, y0 = -1, y1 = 1;
};

// Scalar field sampled on a regular grid over `box`. values[iy * nx + ix];
// cell centres at x0 + (ix + 0.5) * (x1 - x0) / nx. 1D fields have ny == 1.
struct FieldGrid {
    int nx = 0, ny = 0;
    Bounds box;
    std::vector<float> values;
    bool empty() const { return values.empty(); }
};

// Fixed-bin histogram over [lo, hi].
struct Histogram {
    double lo = 0, hi = 1;
    std::vector<float> counts;
};

// A mixture component's centre (dim values) and std, for mode metrics/markers.
struct Mode {
    double x = 0, y = 0, std = 0.1;
};

}  // namespace ganarium
