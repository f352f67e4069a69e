// optimizer_kernels.cpp — scalar and AVX2 Adam / RMSprop loops (see optimizer_kernels.h).
#include "train/optimizer_kernels.h"

#include <cmath>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define GANARIUM_AVX2_KERNELS 1
#endif

namespace ganarium {

namespace {
// Elements [from, n) of the Adam update, one at a time.
void adamScalar(float* p, const float* g, float* m, float* v, int64_t from, int64_t n, const AdamConstants& c) {
    for (int64_t i = from; i < n; ++i) {
        m[i] = m[i] * c.beta1 + g[i] * c.one_minus_beta1;
        v[i] = v[i] * c.beta2 + g[i] * g[i] * c.one_minus_beta2;
        p[i] -= c.step_size * m[i] / (std::sqrt(v[i]) * c.inv_sqrt_correction2 + c.eps);
    }
}

void rmspropScalar(float* p, const float* g, float* a, int64_t from, int64_t n, float alpha, float lr, float eps) {
    for (int64_t i = from; i < n; ++i) {
        a[i] = a[i] * alpha + g[i] * g[i] * (1.0f - alpha);
        p[i] -= lr * g[i] / (std::sqrt(a[i]) + eps);
    }
}

#ifdef GANARIUM_AVX2_KERNELS
bool hasAvx2() { return __builtin_cpu_supports("avx2"); }

// Elements [0, n - n % 8) of the Adam update, 8 at a time; returns where the scalar tail starts.
__attribute__((target("avx2"))) int64_t adamAvx2(float* p, const float* g, float* m, float* v, int64_t n,
                                                  const AdamConstants& c) {
    const __m256 b1 = _mm256_set1_ps(c.beta1), b2 = _mm256_set1_ps(c.beta2);
    const __m256 c1 = _mm256_set1_ps(c.one_minus_beta1), c2 = _mm256_set1_ps(c.one_minus_beta2);
    const __m256 step = _mm256_set1_ps(c.step_size), inv = _mm256_set1_ps(c.inv_sqrt_correction2);
    const __m256 eps = _mm256_set1_ps(c.eps);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 gi = _mm256_loadu_ps(g + i);
        const __m256 mi = _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(m + i), b1), _mm256_mul_ps(gi, c1));
        const __m256 vi =
            _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(v + i), b2), _mm256_mul_ps(_mm256_mul_ps(gi, gi), c2));
        _mm256_storeu_ps(m + i, mi);
        _mm256_storeu_ps(v + i, vi);
        const __m256 denom = _mm256_add_ps(_mm256_mul_ps(_mm256_sqrt_ps(vi), inv), eps);
        const __m256 delta = _mm256_div_ps(_mm256_mul_ps(step, mi), denom);
        _mm256_storeu_ps(p + i, _mm256_sub_ps(_mm256_loadu_ps(p + i), delta));
    }
    return i;
}

__attribute__((target("avx2"))) int64_t rmspropAvx2(float* p, const float* g, float* a, int64_t n, float alpha,
                                                     float lr, float eps) {
    const __m256 va = _mm256_set1_ps(alpha), vc = _mm256_set1_ps(1.0f - alpha);
    const __m256 vlr = _mm256_set1_ps(lr), veps = _mm256_set1_ps(eps);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 gi = _mm256_loadu_ps(g + i);
        const __m256 ai =
            _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(a + i), va), _mm256_mul_ps(_mm256_mul_ps(gi, gi), vc));
        _mm256_storeu_ps(a + i, ai);
        const __m256 delta = _mm256_div_ps(_mm256_mul_ps(vlr, gi), _mm256_add_ps(_mm256_sqrt_ps(ai), veps));
        _mm256_storeu_ps(p + i, _mm256_sub_ps(_mm256_loadu_ps(p + i), delta));
    }
    return i;
}
#endif
}  // namespace

void adamUpdate(float* p, const float* g, float* m, float* v, int64_t n, const AdamConstants& c) {
    int64_t done = 0;
#ifdef GANARIUM_AVX2_KERNELS
    if (hasAvx2()) done = adamAvx2(p, g, m, v, n, c);
#endif
    adamScalar(p, g, m, v, done, n, c);
}

void rmspropUpdate(float* p, const float* g, float* a, int64_t n, float alpha, float lr, float eps) {
    int64_t done = 0;
#ifdef GANARIUM_AVX2_KERNELS
    if (hasAvx2()) done = rmspropAvx2(p, g, a, n, alpha, lr, eps);
#endif
    rmspropScalar(p, g, a, done, n, alpha, lr, eps);
}

}  // namespace ganarium
