// idx_reader.h — reads IDX files (the MNIST / Fashion-MNIST format), plain or
// gzip-compressed, from a path or from bytes in memory, and locates the
// Fashion-MNIST files Debian installs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ganarium {

// Where `apt-get install dataset-fashion-mnist` puts the four IDX files.
constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

// The largest decompressed IDX content accepted (Fashion-MNIST's training
// images are 47 MB); a larger or corrupt stream is refused, not allocated.
constexpr size_t kMaxIdxBytes = size_t(1) << 30;

// An IDX image file: count images of rows x cols bytes, row-major, 0 = background.
// Always pixels.size() == count * rows * cols, each dimension >= 0.
struct IdxImages {
    int count = 0, rows = 0, cols = 0;
    std::vector<uint8_t> pixels;  // count * rows * cols
};

// Parses IDX3 (ubyte images) bytes, gzip-compressed or plain; `name` appears in errors. Throws UserError.
IdxImages parseIdxImages(const std::string& bytes, const std::string& name);

// Parses IDX1 (ubyte labels) bytes, gzip-compressed or plain; `name` appears in errors. Throws UserError.
std::vector<uint8_t> parseIdxLabels(const std::string& bytes, const std::string& name);

// Reads an IDX3 (ubyte images) file, gzip-compressed or plain. Throws UserError.
IdxImages readIdxImages(const std::string& path);

// Reads an IDX1 (ubyte labels) file, gzip-compressed or plain. Throws UserError.
std::vector<uint8_t> readIdxLabels(const std::string& path);

// Images and labels of one Fashion-MNIST split.
struct FashionMnist {
    IdxImages images;
    std::vector<uint8_t> labels;  // 0..9, one per image
};

// Loads the training (60000) or test (10000) split from `dir`. Throws a
// UserError saying how to install the dataset when the files are missing.
FashionMnist loadFashionMnist(bool train, const std::string& dir = kFashionMnistDir);

// The ten Fashion-MNIST class names ("T-shirt/top", ..., "Ankle boot").
const char* fashionMnistClassName(int label);

}  // namespace ganarium
