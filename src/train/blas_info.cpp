// blas_info.cpp — which BLAS LibTorch really calls, and the LibTorch version.
// The Debian alternatives system decides what libblas.so.3 is; the netlib
// reference BLAS makes toy training ~15x slower, so `--version` reports it.
#include <link.h>
#include <torch/torch.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

#include "train/trainer.h"

namespace ganarium {

namespace {

// dl_iterate_phdr callback: collects the path of every loaded object whose name mentions "blas".
int collectBlas(struct dl_phdr_info* info, size_t, void* data) {
    auto* paths = static_cast<std::vector<std::string>*>(data);
    if (info->dlpi_name && std::string(info->dlpi_name).find("blas") != std::string::npos) {
        paths->push_back(info->dlpi_name);
    }
    return 0;
}

std::string resolvedPath(const std::string& path) {
    char buffer[PATH_MAX];
    return realpath(path.c_str(), buffer) ? std::string(buffer) : path;
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

}  // namespace

BlasInfo detectBlas() {
    {
        // One tiny matmul so a lazily loaded BLAS is mapped.
        torch::NoGradGuard no_grad;
        const torch::Tensor a = torch::ones({8, 8});
        (void)torch::mm(a, a).sum().item<float>();
    }
    std::vector<std::string> paths;
    dl_iterate_phdr(collectBlas, &paths);
    BlasInfo info;
    // Prefer the generic libblas.so.3 interface LibTorch links against; else any BLAS-like object.
    for (const auto& p : paths) {
        if (contains(p, "libblas.so")) info.library = resolvedPath(p);
    }
    if (info.library.empty() && !paths.empty()) info.library = resolvedPath(paths.front());
    const std::string& lib = info.library;
    if (lib.empty()) {
        info.name = "unknown (no BLAS library found among loaded objects)";
    } else if (contains(lib, "openblas-openmp")) {
        info.name = "OpenBLAS (openmp)";
    } else if (contains(lib, "openblas-pthread")) {
        info.name = "OpenBLAS (pthread)";
    } else if (contains(lib, "openblas-serial")) {
        info.name = "OpenBLAS (serial)";
    } else if (contains(lib, "openblas")) {
        info.name = "OpenBLAS";
    } else if (contains(lib, "blis")) {
        info.name = "BLIS";
    } else if (contains(lib, "atlas")) {
        info.name = "ATLAS";
    } else if (contains(lib, "mkl")) {
        info.name = "Intel MKL";
    } else if (contains(lib, "/blas/libblas.so")) {
        info.name = "reference BLAS (netlib)";
        info.reference = true;
    } else {
        info.name = "unknown BLAS";
    }
    return info;
}

std::string torchVersion() {
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
}

}  // namespace ganarium
