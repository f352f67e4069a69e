// fashion_mnist_tensors.h — one Fashion-MNIST split as tensors in the image
// GAN's scaling (pixel / 127.5 - 1, shape [N,1,28,28]) with int64 labels, and
// a hash of the training files that names the data a cached classifier was trained on.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>

#include "core/idx_reader.h"

namespace ganarium {

// Images [N,1,28,28] float in [-1,1] and labels [N] int64 in 0..9.
struct LabelledImages {
    torch::Tensor images;
    torch::Tensor labels;
    // Number of images (0 when empty).
    int64_t size() const { return images.defined() ? images.size(0) : 0; }
};

// Converts raw IDX images and labels to tensors (pixel / 127.5 - 1).
LabelledImages toLabelledImages(const FashionMnist& split);

// Loads the training or test split from `dir`. Throws UserError naming `dataset-fashion-mnist` when missing.
LabelledImages loadFashionMnistTensors(bool train, const std::string& dir = kFashionMnistDir);

// A 64-bit FNV-1a hash of the training split's two files in `dir` (names the data a cached classifier saw).
// Throws UserError naming `dataset-fashion-mnist` when they are missing.
uint64_t fashionMnistTrainingHash(const std::string& dir = kFashionMnistDir);

// `count` rows of `data` starting at `first` (views, not copies).
LabelledImages sliceOf(const LabelledImages& data, int64_t first, int64_t count);

}  // namespace ganarium
