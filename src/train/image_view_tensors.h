// image_view_tensors.h — the tensor work behind an image run's extra views:
// which steps the progress strip captures, points on the line between two
// latent codes (slerp), and the nearest training image of a picture (L2 in
// pixel space, brightness in [0, 1], one matrix product per chunk of the
// training set, which stays in bytes).
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "core/quantity.h"

namespace ganarium {

// True when the progress strip captures at `step`: one of `chosen` (a scene's `progress_steps`), or,
// when `chosen` is empty, 100 and every 1, 2 or 5 x 10^k from 1000 (1000, 2000, 5000, 10000, ...).
bool isProgressStep(const std::vector<int>& chosen, int64_t step);

// `n` >= 2 latent codes from `a` to `b` (both latent_dim): spherical interpolation, so every code keeps
// a typical norm; row 0 is exactly `a` and row n - 1 exactly `b` (n x latent_dim).
torch::Tensor slerpRow(const torch::Tensor& a, const torch::Tensor& b, int n);

// Images (n x 1 x side x side, in [-1, 1]) as `rows` x `cols` tiles of brightness in [0, 1].
ImageGrid imagesToGrid(const torch::Tensor& images, int rows, int cols);

// Squared norms of every image of `images` (count x 1 x 28 x 28, uint8), in [0, 1] brightness units.
torch::Tensor squaredNormsOf(const torch::Tensor& images);

// A training image nearest to a query, and its L2 distance (brightness in [0, 1]).
struct NearestImage {
    int64_t index = -1;
    double distance = 0;
};

// For each row of `queries` (q x pixels, brightness in [0, 1]), the nearest of `images` (uint8, count x
// 1 x 28 x 28) with their `squared_norms` (squaredNormsOf): ||x - q||^2 = ||x||^2 - 2 x.q + ||q||^2.
std::vector<NearestImage> nearestImages(const torch::Tensor& queries, const torch::Tensor& images,
                                        const torch::Tensor& squared_norms);

}  // namespace ganarium
