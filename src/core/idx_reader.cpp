// idx_reader.cpp — IDX parsing from bytes (gzip-compressed or plain, inflated
// in memory with zlib under a size cap), the file readers on top of it, and
// the Fashion-MNIST loader with an install hint.
#include "core/idx_reader.h"

#include <zlib.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/errors.h"

namespace ganarium {
namespace {

bool isGzip(const char* data, size_t size) {
    return size >= 2 && static_cast<uint8_t>(data[0]) == 0x1f && static_cast<uint8_t>(data[1]) == 0x8b;
}

// Ends a zlib inflate stream on every path out of gunzip().
struct InflateGuard {
    z_stream* stream;
    ~InflateGuard() { inflateEnd(stream); }
};

// Inflates every gzip member of `bytes` (trailing non-gzip bytes are ignored,
// as zlib's gzread does), refusing more than kMaxIdxBytes of output.
std::string gunzip(const std::string& bytes, const std::string& name) {
    z_stream s{};
    if (inflateInit2(&s, 16 + MAX_WBITS) != Z_OK)
        throw UserError("cannot decompress IDX file '" + name + "': zlib could not start (out of memory?)");
    InflateGuard guard{&s};
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    s.avail_in = static_cast<uInt>(bytes.size());  // bytes.size() <= kMaxIdxBytes < UINT_MAX
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        s.next_out = reinterpret_cast<Bytef*>(buffer);
        s.avail_out = sizeof buffer;
        const int rc = inflate(&s, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - s.avail_out);
        if (out.size() > kMaxIdxBytes)
            throw UserError("IDX file '" + name + "' decompresses to more than " +
                            std::to_string(kMaxIdxBytes >> 20) + " MiB: it is not an image dataset Ganarium can load");
        if (rc == Z_STREAM_END) {
            if (!isGzip(reinterpret_cast<const char*>(s.next_in), s.avail_in)) return out;
            if (inflateReset(&s) != Z_OK)
                throw UserError("cannot decompress IDX file '" + name + "' (the file may be corrupt)");
            continue;
        }
        if (rc == Z_BUF_ERROR)
            throw UserError("IDX file '" + name + "' ends in the middle of its gzip stream: the file is truncated, download it again");
        if (rc != Z_OK)
            throw UserError("cannot decompress IDX file '" + name + "': " + (s.msg ? s.msg : "corrupt data") +
                            " (the file may be corrupt)");
    }
}

// The IDX content: inflated when gzip-compressed, else the bytes themselves.
std::string idxContent(const std::string& bytes, const std::string& name) {
    if (bytes.size() > kMaxIdxBytes)
        throw UserError("IDX file '" + name + "' is larger than " + std::to_string(kMaxIdxBytes >> 20) +
                        " MiB: it is not an image dataset Ganarium can load");
    return isGzip(bytes.data(), bytes.size()) ? gunzip(bytes, name) : bytes;
}

uint32_t bigEndian32(const std::string& d, size_t at) {
    const auto byte = [&](size_t i) { return uint32_t(static_cast<uint8_t>(d[at + i])); };
    return (byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
}

// The dimensions of an IDX file of unsigned bytes, after checking its magic
// (0x00 0x00 0x08 ndims), that each dimension fits an int and that the data is all there.
std::vector<size_t> header(const std::string& d, int ndims, const std::string& name) {
    const size_t offset = 4 + 4 * size_t(ndims);
    if (d.size() < offset || d[0] != 0 || d[1] != 0 || d[2] != 0x08 || d[3] != ndims)
        throw UserError("'" + name + "' is not an IDX file of " + std::to_string(ndims) +
                        "-dimensional unsigned bytes");
    std::vector<size_t> dims;
    bool any_zero = false, too_many = false;
    size_t total = 1;
    for (int i = 0; i < ndims; ++i) {
        const uint32_t dim = bigEndian32(d, 4 + 4 * size_t(i));
        if (dim > uint32_t(INT_MAX))
            throw UserError("IDX file '" + name + "' declares dimension " + std::to_string(i + 1) + " as " +
                            std::to_string(dim) + ", more than " + std::to_string(INT_MAX) + ": the file is corrupt");
        dims.push_back(dim);
        any_zero = any_zero || dim == 0;
        if (dim != 0 && total > kMaxIdxBytes / dim) too_many = true;
        else total *= dim;
    }
    if (any_zero) total = 0;
    if ((too_many && !any_zero) || d.size() - offset < total)
        throw UserError("IDX file '" + name + "' is truncated (its header declares " +
                        (too_many && !any_zero ? "more than " + std::to_string(kMaxIdxBytes)
                                               : std::to_string(total)) +
                        " values, it holds " + std::to_string(d.size() - offset) + "): download it again");
    return dims;
}

// The whole file as bytes.
std::string readFileBytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw UserError("cannot open IDX file '" + path + "' (check the path and its permissions)");
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad()) throw UserError("cannot read IDX file '" + path + "' (is it a regular file?)");
    return bytes;
}

}  // namespace

IdxImages parseIdxImages(const std::string& bytes, const std::string& name) {
    const std::string d = idxContent(bytes, name);
    const auto dims = header(d, 3, name);
    IdxImages out;
    out.count = static_cast<int>(dims[0]);
    out.rows = static_cast<int>(dims[1]);
    out.cols = static_cast<int>(dims[2]);
    const size_t n = dims[0] * dims[1] * dims[2];  // header() checked it fits in d
    out.pixels.assign(d.begin() + 16, d.begin() + 16 + static_cast<std::ptrdiff_t>(n));
    return out;
}

std::vector<uint8_t> parseIdxLabels(const std::string& bytes, const std::string& name) {
    const std::string d = idxContent(bytes, name);
    const auto dims = header(d, 1, name);
    return std::vector<uint8_t>(d.begin() + 8, d.begin() + 8 + static_cast<std::ptrdiff_t>(dims[0]));
}

IdxImages readIdxImages(const std::string& path) { return parseIdxImages(readFileBytes(path), path); }

std::vector<uint8_t> readIdxLabels(const std::string& path) { return parseIdxLabels(readFileBytes(path), path); }

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
