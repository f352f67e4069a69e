// field_grid.h — evaluating D (and other tensor functions of x) on a regular
// grid over a box, in chunks of rows so big grids stay cache friendly, and
// the grid's cell centres. Shared by metric evaluation and snapshots.
#pragma once

#include <torch/torch.h>

#include <functional>
#include <vector>

#include "core/snapshot.h"

namespace ganarium {

// Rows each forward pass handles when evaluating a grid.
constexpr int64_t kGridChunkRows = 4096;

// Cell centres of an nx x ny grid over `box` (dim 1: nx x 1 values; dim 2: nx*ny x 2, row-major iy*nx+ix).
torch::Tensor gridPoints(const Bounds& box, int nx, int ny, int dim);

// Applies `fn` (rows x dim -> rows) to `points` in chunks, without gradients; returns the values as floats.
std::vector<float> evaluateChunked(const torch::Tensor& points,
                                   const std::function<torch::Tensor(const torch::Tensor&)>& fn);

// A FieldGrid of `values` over `box`.
FieldGrid makeField(const Bounds& box, int nx, int ny, std::vector<float> values);

}  // namespace ganarium
