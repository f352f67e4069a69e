// test_idx_reader.cpp — IDX parsing on hand-written files (plain and gzip),
// the missing-dataset message, and the installed test split when present.
#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "core/errors.h"
#include "core/idx_reader.h"

using namespace ganarium;

namespace {

std::vector<uint8_t> tinyImages() {
    // 2 images of 2 x 3 pixels.
    std::vector<uint8_t> d = {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3};
    for (int i = 0; i < 12; ++i) d.push_back(static_cast<uint8_t>(i * 20));
    return d;
}

std::string tempPath(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("ganarium_test_" + std::to_string(::getpid()) + "_" + name)).string();
}

}  // namespace

TEST_CASE("IDX images, plain and gzip-compressed") {
    const auto bytes = tinyImages();
    const std::string plain = tempPath("images.idx");
    {
        std::ofstream f(plain, std::ios::binary);
        f.write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    const std::string packed = tempPath("images.idx.gz");
    gzFile gz = gzopen(packed.c_str(), "wb");
    REQUIRE(gz != nullptr);
    gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(gz);
    for (const auto& path : {plain, packed}) {
        const IdxImages img = readIdxImages(path);
        CHECK(img.count == 2);
        CHECK(img.rows == 2);
        CHECK(img.cols == 3);
        REQUIRE(img.pixels.size() == 12);
        CHECK(img.pixels[11] == 220);
    }
    CHECK_THROWS_WITH_AS(readIdxLabels(plain), doctest::Contains("not an IDX file"), UserError);
    std::remove(plain.c_str());
    std::remove(packed.c_str());
}

TEST_CASE("missing Fashion-MNIST says how to install it") {
    CHECK_THROWS_WITH_AS(loadFashionMnist(false, "/nonexistent/fmnist"),
                         doctest::Contains("apt-get install dataset-fashion-mnist"), UserError);
    CHECK(std::string(fashionMnistClassName(9)) == "Ankle boot");
}

TEST_CASE("installed Fashion-MNIST test split (skipped when not installed)") {
    if (!std::filesystem::exists(std::string(kFashionMnistDir) + "/t10k-images-idx3-ubyte.gz")) {
        MESSAGE("Fashion-MNIST not installed; skipping");
        return;
    }
    const FashionMnist test = loadFashionMnist(false);
    CHECK(test.images.count == 10000);
    CHECK(test.images.rows == 28);
    CHECK(test.images.cols == 28);
    CHECK(test.labels.size() == 10000);
    int max_label = 0;
    for (uint8_t l : test.labels) max_label = std::max<int>(max_label, l);
    CHECK(max_label == 9);
}

namespace {

std::string asBytes(const std::vector<uint8_t>& d) { return std::string(d.begin(), d.end()); }

// A gzip member holding `data` (zlib's deflate with the gzip wrapper).
std::string gzipped(const std::string& data) {
    z_stream s{};
    REQUIRE(deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&s, data.size()) + 32, '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.avail_in = static_cast<uInt>(data.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&s, Z_FINISH) == Z_STREAM_END);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

std::string header3(uint32_t a, uint32_t b, uint32_t c) {
    std::string h = {0, 0, 8, 3};
    for (uint32_t v : {a, b, c})
        for (int shift = 24; shift >= 0; shift -= 8) h.push_back(static_cast<char>((v >> shift) & 0xff));
    return h;
}

}  // namespace

TEST_CASE("IDX images from memory: plain, gzip, two gzip members, trailing bytes") {
    const std::string plain = asBytes(tinyImages());
    const std::string packed = gzipped(plain);
    for (const std::string& bytes : {plain, packed, gzipped(plain.substr(0, 7)) + gzipped(plain.substr(7)),
                                     plain + "extra", packed + "not gzip"}) {
        const IdxImages img = parseIdxImages(bytes, "mem.idx");
        CHECK(img.count == 2);
        CHECK(img.rows == 2);
        CHECK(img.cols == 3);
        REQUIRE(img.pixels.size() == 12);
        CHECK(img.pixels[0] == 0);
        CHECK(img.pixels[11] == 220);
    }
    const std::string labels = {0, 0, 8, 1, 0, 0, 0, 3, 9, 0, 4};
    CHECK(parseIdxLabels(gzipped(labels), "labels.gz") == std::vector<uint8_t>{9, 0, 4});
    const IdxImages none = parseIdxImages(header3(0, 28, 28), "empty.idx");
    CHECK(none.count == 0);
    CHECK(none.pixels.empty());
}

TEST_CASE("broken IDX bytes are UserErrors that name the file and the problem") {
    const std::string plain = asBytes(tinyImages());
    CHECK_THROWS_WITH_AS(parseIdxImages(plain.substr(0, plain.size() - 1), "short.idx"),
                         doctest::Contains("'short.idx' is truncated (its header declares 12 values, it holds 11)"),
                         UserError);
    const std::string packed = gzipped(plain);
    CHECK_THROWS_WITH_AS(parseIdxImages(packed.substr(0, packed.size() - 9), "cut.idx.gz"),
                         doctest::Contains("ends in the middle of its gzip stream"), UserError);
    // A gzip header, then a deflate block of the invalid type 3.
    CHECK_THROWS_WITH_AS(parseIdxImages(std::string("\x1f\x8b\x08\0\0\0\0\0\0\x03\xff\xff", 12), "junk.gz"),
                         doctest::Contains("cannot decompress IDX file 'junk.gz': invalid block type"), UserError);
    CHECK_THROWS_WITH_AS(parseIdxImages("", "empty.idx"), doctest::Contains("not an IDX file"), UserError);
    // A dimension past INT_MAX would become a negative int.
    CHECK_THROWS_WITH_AS(parseIdxImages(header3(0, 0xFFFFFFFFu, 0xFFFFFFFFu), "big.idx"),
                         doctest::Contains("declares dimension 2 as 4294967295"), UserError);
    // 2^22 * 2^22 * 2^20 = 2^64 wraps to 0 in 64 bits; it must not pass as "0 values needed".
    CHECK_THROWS_WITH_AS(parseIdxImages(header3(1u << 22, 1u << 22, 1u << 20) + std::string(16, '\0'), "wrap.idx"),
                         doctest::Contains("declares more than 1073741824 values"), UserError);
}
