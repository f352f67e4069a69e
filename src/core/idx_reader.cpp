// idx_reader.cpp — gzip IDX reading (zlib's gz* API reads plain files too)
// and the Fashion-MNIST loader with an install hint.
#include "core/idx_reader.h"

#include <zlib.h>

#include <filesystem>

#include "core/errors.h"

namespace ganarium {
namespace {

// Whole decompressed file content.
std::vector<uint8_t> readGzip(const std::string& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) throw UserError("cannot open IDX file '" + path + "'");
    std::vector<uint8_t> data;
    uint8_t buffer[1 << 16];
    int got = 0;
    while ((got = gzread(file, buffer, sizeof buffer)) > 0) data.insert(data.end(), buffer, buffer + got);
    int err = 0;
    const char* message = gzerror(file, &err);
    const bool failed = got < 0 || (err != Z_OK && err != Z_STREAM_END);
    const std::string reason = message ? message : "";
    gzclose(file);
    if (failed) throw UserError("cannot read IDX file '" + path + "': " + reason + " (the file may be corrupt)");
    return data;
}

uint32_t bigEndian32(const std::vector<uint8_t>& d, size_t at) {
    return (uint32_t(d[at]) << 24) | (uint32_t(d[at + 1]) << 16) | (uint32_t(d[at + 2]) << 8) | uint32_t(d[at + 3]);
}

// Checks the magic (0x00 0x00 0x08 ndims) and returns the dimensions.
std::vector<uint32_t> header(const std::vector<uint8_t>& d, int ndims, const std::string& path) {
    if (d.size() < 4 + 4 * size_t(ndims) || d[0] != 0 || d[1] != 0 || d[2] != 0x08 || d[3] != ndims)
        throw UserError("'" + path + "' is not an IDX file of " + std::to_string(ndims) +
                        "-dimensional unsigned bytes");
    std::vector<uint32_t> dims;
    size_t total = 1;
    for (int i = 0; i < ndims; ++i) {
        dims.push_back(bigEndian32(d, 4 + 4 * i));
        total *= dims.back();
    }
    if (d.size() < 4 + 4 * size_t(ndims) + total)
        throw UserError("IDX file '" + path + "' is truncated (expected " + std::to_string(total) + " values)");
    return dims;
}

}  // namespace

IdxImages readIdxImages(const std::string& path) {
    const std::vector<uint8_t> d = readGzip(path);
    const auto dims = header(d, 3, path);
    IdxImages out;
    out.count = static_cast<int>(dims[0]);
    out.rows = static_cast<int>(dims[1]);
    out.cols = static_cast<int>(dims[2]);
    const size_t n = size_t(dims[0]) * dims[1] * dims[2];
    out.pixels.assign(d.begin() + 16, d.begin() + 16 + n);
    return out;
}

std::vector<uint8_t> readIdxLabels(const std::string& path) {
    const std::vector<uint8_t> d = readGzip(path);
    const auto dims = header(d, 1, path);
    return std::vector<uint8_t>(d.begin() + 8, d.begin() + 8 + dims[0]);
}

FashionMnist loadFashionMnist(bool train, const std::string& dir) {
    const std::string prefix = train ? "train" : "t10k";
    const std::string images = dir + "/" + prefix + "-images-idx3-ubyte.gz";
    const std::string labels = dir + "/" + prefix + "-labels-idx1-ubyte.gz";
    for (const auto& path : {images, labels}) {
        if (!std::filesystem::exists(path))
            throw UserError("Fashion-MNIST not found at " + dir + " (missing " +
                            std::filesystem::path(path).filename().string() +
                            "): install it with `apt-get install dataset-fashion-mnist`");
    }
    FashionMnist out;
    out.images = readIdxImages(images);
    out.labels = readIdxLabels(labels);
    if (out.labels.size() != static_cast<size_t>(out.images.count))
        throw UserError("Fashion-MNIST in " + dir + " has " + std::to_string(out.images.count) + " images but " +
                        std::to_string(out.labels.size()) + " labels: reinstall dataset-fashion-mnist");
    return out;
}

const char* fashionMnistClassName(int label) {
    const char* const names[] = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                 "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return label >= 0 && label < 10 ? names[label] : "unknown";
}

}  // namespace ganarium
