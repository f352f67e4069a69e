// fashion_mnist_tensors.cpp — Fashion-MNIST IDX splits to tensors, and the training files' hash.
#include "train/fashion_mnist_tensors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/errors.h"

namespace ganarium {

LabelledImages toLabelledImages(const FashionMnist& split) {
    const IdxImages& raw = split.images;
    LabelledImages out;
    const torch::Tensor bytes =
        torch::from_blob(const_cast<uint8_t*>(raw.pixels.data()), {raw.count, 1, raw.rows, raw.cols}, torch::kUInt8);
    out.images = bytes.to(torch::kFloat32).div_(127.5).sub_(1.0);
    out.labels = torch::from_blob(const_cast<uint8_t*>(split.labels.data()),
                                  {static_cast<int64_t>(split.labels.size())}, torch::kUInt8)
                     .to(torch::kInt64);
    return out;
}

LabelledImages loadFashionMnistTensors(bool train, const std::string& dir) {
    return toLabelledImages(loadFashionMnist(train, dir));
}

namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// FNV-1a over 8-byte words (then the tail bytes): fast enough for 26 MB in a fraction of a second.
uint64_t fnv1a(uint64_t h, const unsigned char* data, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, data + i, 8);
        h = (h ^ word) * kFnvPrime;
    }
    for (; i < n; ++i) h = (h ^ data[i]) * kFnvPrime;
    return h;
}

}  // namespace

uint64_t fashionMnistTrainingHash(const std::string& dir) {
    uint64_t h = kFnvOffset;
    for (const char* name : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"}) {
        const std::string path = dir + "/" + name;
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw UserError("Fashion-MNIST not found at " + dir + " (missing " + name +
                            "): install it with `apt-get install dataset-fashion-mnist`");
        std::vector<char> buffer(size_t(1) << 20);
        while (in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            h = fnv1a(h, reinterpret_cast<const unsigned char*>(buffer.data()), static_cast<size_t>(in.gcount()));
        }
    }
    return h;
}

LabelledImages sliceOf(const LabelledImages& data, int64_t first, int64_t count) {
    const int64_t begin = std::clamp<int64_t>(first, 0, data.size());
    const int64_t end = std::clamp<int64_t>(begin + count, begin, data.size());
    return {data.images.slice(0, begin, end), data.labels.slice(0, begin, end)};
}

}  // namespace ganarium
