// activation_kernels.cpp — ReLU / LeakyReLU loops (see activation_kernels.h).
#include "train/activation_kernels.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define GANARIUM_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define GANARIUM_CLONES
#endif

namespace ganarium {

// The comparisons are written as torch's kernels write them, so that NaN spreads the same way
// (a NaN input stays NaN: divergence detection relies on it).
GANARIUM_CLONES void leakyReluInPlace(float* __restrict x, int64_t n, float slope) {
    if (slope == 0.0f) {
        for (int64_t i = 0; i < n; ++i) x[i] = x[i] <= 0.0f ? 0.0f : x[i];
        return;
    }
    for (int64_t i = 0; i < n; ++i) x[i] = x[i] > 0.0f ? x[i] : slope * x[i];
}

GANARIUM_CLONES void leakyReluBackwardInPlace(float* __restrict g, const float* __restrict h, int64_t n, float slope) {
    if (slope == 0.0f) {
        for (int64_t i = 0; i < n; ++i) g[i] = h[i] <= 0.0f ? 0.0f : g[i];
        return;
    }
    for (int64_t i = 0; i < n; ++i) g[i] = h[i] > 0.0f ? g[i] : slope * g[i];
}

}  // namespace ganarium
