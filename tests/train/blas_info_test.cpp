// blas_info_test.cpp — detectBlas() names the BLAS LibTorch loaded.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <filesystem>

#include "train/trainer.h"

using namespace ganarium;

TEST_CASE("detectBlas finds the loaded libblas and names it") {
    const BlasInfo info = detectBlas();
    MESSAGE("BLAS: " << info.name << " at " << info.library);
    REQUIRE_FALSE(info.library.empty());
    CHECK(std::filesystem::exists(info.library));
    CHECK(info.library.find("blas") != std::string::npos);
    CHECK_FALSE(info.name.empty());
    // The flag agrees with the path: only the netlib reference lives under .../blas/libblas.so.3.
    CHECK(info.reference == (info.library.find("/blas/libblas.so") != std::string::npos));
    CHECK(torchVersion().rfind("1.", 0) == 0);
}
