// test_idx_reader.cpp — IDX parsing on hand-written files (plain and gzip),
// the missing-dataset message, and the installed test split when present.
#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

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
    return (std::filesystem::temp_directory_path() / ("ganarium_test_" + name)).string();
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
