// spatial_buckets.h — internal helper: a uniform grid of buckets over a box,
// each listing the items whose (padded) bounding box overlaps it, so a
// density evaluation only visits nearby mixture components or curve segments.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/snapshot.h"

namespace ganarium::detail {

// Immutable after construction (insert everything, then query).
class SpatialBuckets {
public:
    SpatialBuckets() = default;
    // A grid over `box` of square buckets with side at least `min_side` and at most `max_per_axis` per axis.
    SpatialBuckets(const Bounds& box, double min_side, int max_per_axis) : box_(box) {
        side_ = std::max({min_side, (box.x1 - box.x0) / max_per_axis, (box.y1 - box.y0) / max_per_axis, 1e-9});
        nx_ = std::max(1L, static_cast<long>(std::ceil((box.x1 - box.x0) / side_)));
        ny_ = std::max(1L, static_cast<long>(std::ceil((box.y1 - box.y0) / side_)));
        lists_.assign(static_cast<size_t>(nx_ * ny_), {});
    }
    // Registers item `index` in every bucket overlapping [x0, x1] x [y0, y1].
    void insert(int index, double x0, double x1, double y0, double y1) {
        const long bx0 = std::max(0L, cell(x0, box_.x0)), bx1 = std::min(nx_ - 1, cell(x1, box_.x0));
        const long by0 = std::max(0L, cell(y0, box_.y0)), by1 = std::min(ny_ - 1, cell(y1, box_.y0));
        for (long by = by0; by <= by1; ++by)
            for (long bx = bx0; bx <= bx1; ++bx) lists_[static_cast<size_t>(by * nx_ + bx)].push_back(index);
    }
    // Items registered in the bucket holding (x, y); null outside the grid.
    const std::vector<int>* at(double x, double y) const {
        const long bx = cell(x, box_.x0), by = cell(y, box_.y0);
        if (bx < 0 || by < 0 || bx >= nx_ || by >= ny_) return nullptr;
        return &lists_[static_cast<size_t>(by * nx_ + bx)];
    }
    // Items of the one bucket holding the whole box [lo, hi]; null when it spans several buckets or lies outside.
    const std::vector<int>* holding(const double* lo, const double* hi) const {
        const long bx = cell(lo[0], box_.x0), by = cell(lo[1], box_.y0);
        if (bx != cell(hi[0], box_.x0) || by != cell(hi[1], box_.y0)) return nullptr;
        return at(lo[0], lo[1]);
    }

private:
    // The cell index of v, saturated before the cast so that huge values stay defined behaviour.
    long cell(double v, double origin) const {
        return static_cast<long>(std::clamp(std::floor((v - origin) / side_), -1e15, 1e15));
    }

    Bounds box_;
    double side_ = 1;
    long nx_ = 0, ny_ = 0;
    std::vector<std::vector<int>> lists_;
};

}  // namespace ganarium::detail
