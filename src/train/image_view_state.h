// image_view_state.h — what an image run keeps for its extra views between
// snapshots: G's pictures of the progress strip's z at each capture step,
// and the nearest-neighbour search's cached results.
#pragma once

#include <torch/torch.h>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/image_dataset.h"
#include "core/quantity.h"

namespace ganarium {

// Sample-grid tiles whose z the progress strip follows (the grid's diagonal: four different samples).
constexpr std::array<int, 4> kProgressTiles = {0, 9, 18, 27};
// Captures the progress strip shows at most (the latest), besides "now".
constexpr size_t kProgressColumns = 8;
// Images in the latent interpolation row (A and B included).
constexpr int kInterpolationColumns = 10;
// The picked sample's nearest training image is searched again after this many steps (it costs one
// pass over the training set: see docs/views.md for the measured time).
constexpr int64_t kNeighbourEverySteps = 20;
// Test images whose nearest-training distances give the "typical test image" (their median).
constexpr int64_t kTypicalTestQueries = 64;

// G's pictures of the progress tiles at one step (kProgressTiles.size() tiles, brightness in [0, 1]).
struct ProgressCapture {
    int64_t step = 0;
    std::vector<float> pixels;
};

// A test image of median nearest-training distance, that neighbour, and the distance.
struct TypicalNeighbour {
    std::vector<float> test, nearest;  // side x side, brightness in [0, 1]
    double distance = 0;
};

struct ImageViewState {
    std::vector<ProgressCapture> captures;     // in step order
    const ImageDataset* norms_of = nullptr;    // the dataset train_norms belongs to
    torch::Tensor train_norms;                 // squared norms of the training images
    const ImageDataset* typical_of = nullptr;  // the dataset `typical` belongs to
    std::optional<TypicalNeighbour> typical;
    int neighbour_tile = -1;                   // the tile `neighbour` was searched for (-1: none)
    int64_t neighbour_step = -1;               // and the step
    ImageStrip neighbour;
};

}  // namespace ganarium
