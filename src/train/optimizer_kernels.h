// optimizer_kernels.h — the per-element loops of the Adam and RMSprop
// updates over flat float arrays. They need a vectorized square root, which
// the compiler will not emit for std::sqrt (errno), so on x86-64 CPUs with
// AVX2 they run an explicit 8-wide AVX loop (chosen at run time), else a
// scalar loop. Both compute the same formulas.
#pragma once

#include <cstdint>

namespace ganarium {

// The scalar constants of one Adam update.
struct AdamConstants {
    float beta1, beta2;           // moment decay rates
    float one_minus_beta1, one_minus_beta2;
    float step_size;              // lr / (1 - beta1^t)
    float inv_sqrt_correction2;   // 1 / sqrt(1 - beta2^t)
    float eps;
};

// m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= step_size m / (sqrt(v) / sqrt(bc2) + eps).
void adamUpdate(float* p, const float* g, float* m, float* v, int64_t n, const AdamConstants& c);

// a = alpha a + (1 - alpha) g^2; p -= lr g / (sqrt(a) + eps).
void rmspropUpdate(float* p, const float* g, float* a, int64_t n, float alpha, float lr, float eps);

}  // namespace ganarium
