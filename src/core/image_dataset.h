// image_dataset.h — the training images of an image GAN: one Fashion-MNIST
// split (read with idx_reader.h), restricted to some classes and to its first
// N images, kept as bytes (one 28x28 image is 784 bytes).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/idx_reader.h"

namespace ganarium {

// Images of one class filter and subset, in the split's order.
struct ImageDataset {
    int count = 0, rows = 0, cols = 0;
    std::vector<uint8_t> pixels;  // count * rows * cols, 0 = background, 255 = ink
    std::vector<uint8_t> labels;  // count labels 0..9
};

// Keeps the images whose label is in `classes` (empty: all), then the first `subset` of them (0: all).
ImageDataset filterImages(const FashionMnist& split, const std::vector<int>& classes, int subset);

// Loads the training (or test) split from `dir` and filters it. Throws a UserError naming the
// `dataset-fashion-mnist` package when the files are missing, or when no image is left.
ImageDataset loadImageDataset(const std::vector<int>& classes, int subset, bool train = true,
                              const std::string& dir = kFashionMnistDir);

}  // namespace ganarium
