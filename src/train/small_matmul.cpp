// small_matmul.cpp — loops for products with a tiny dimension (see small_matmul.h).
#include "train/small_matmul.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define GANARIUM_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define GANARIUM_CLONES
#endif

namespace ganarium {

namespace {
// Eight floats handled as one value (one AVX register, or two SSE registers in the baseline build).
typedef float Lanes __attribute__((vector_size(32)));
constexpr int64_t kLanes = 8;

// Unaligned load and store (by reference: a vector passed by value would change the ABI in the baseline build).
inline void load(Lanes& v, const float* p) { __builtin_memcpy(&v, p, sizeof v); }
inline void store(float* p, const Lanes& v) { __builtin_memcpy(p, &v, sizeof v); }

// x . y with eight partial sums (so that the compiler vectorizes it).
inline float dot(const float* __restrict x, const float* __restrict y, int64_t m) {
    float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int64_t i = 0;
    for (; i + 8 <= m; i += 8) {
        for (int l = 0; l < 8; ++l) acc[l] += x[i + l] * y[i + l];
    }
    float s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (; i < m; ++i) s += x[i] * y[i];
    return s;
}
}  // namespace

GANARIUM_CLONES void matmulSmallInner(float* __restrict c, const float* __restrict a, const float* __restrict b,
                                      const float* __restrict bias, int64_t rows, int64_t k, int64_t n) {
    const int64_t wide_end = n - n % (4 * kLanes), vector_end = n - n % kLanes;
    for (int64_t r = 0; r < rows; ++r) {
        float* __restrict cr = c + r * n;
        const float* ar = a + r * k;
        // 32 output columns at a time in four independent vector sums (their FMA chains overlap).
        for (int64_t j = 0; j < wide_end; j += 4 * kLanes) {
            Lanes acc0 = {}, acc1 = {}, acc2 = {}, acc3 = {};
            if (bias) {
                load(acc0, bias + j);
                load(acc1, bias + j + kLanes);
                load(acc2, bias + j + 2 * kLanes);
                load(acc3, bias + j + 3 * kLanes);
            }
            for (int64_t q = 0; q < k; ++q) {
                const float s = ar[q];
                const float* bq = b + q * n + j;
                Lanes x0, x1, x2, x3;
                load(x0, bq);
                load(x1, bq + kLanes);
                load(x2, bq + 2 * kLanes);
                load(x3, bq + 3 * kLanes);
                acc0 += s * x0;
                acc1 += s * x1;
                acc2 += s * x2;
                acc3 += s * x3;
            }
            store(cr + j, acc0);
            store(cr + j + kLanes, acc1);
            store(cr + j + 2 * kLanes, acc2);
            store(cr + j + 3 * kLanes, acc3);
        }
        for (int64_t j = wide_end; j < vector_end; j += kLanes) {
            Lanes acc = {};
            if (bias) load(acc, bias + j);
            for (int64_t q = 0; q < k; ++q) {
                Lanes x;
                load(x, b + q * n + j);
                acc += ar[q] * x;
            }
            store(cr + j, acc);
        }
        for (int64_t j = vector_end; j < n; ++j) {
            float acc = bias ? bias[j] : 0.0f;
            for (int64_t q = 0; q < k; ++q) acc += ar[q] * b[q * n + j];
            cr[j] = acc;
        }
    }
}

GANARIUM_CLONES void matmulSmallTransposed(float* __restrict c, const float* __restrict a, const float* __restrict b,
                                           int64_t rows, int64_t k, int64_t n, bool accumulate) {
    if (!accumulate) {
        for (int64_t j = 0; j < k * n; ++j) c[j] = 0.0f;
    }
    for (int64_t r = 0; r < rows; ++r) {
        const float* __restrict br = b + r * n;
        for (int64_t q = 0; q < k; ++q) {
            const float s = a[r * k + q];
            float* __restrict cq = c + q * n;
            for (int64_t j = 0; j < n; ++j) cq[j] += s * br[j];
        }
    }
}

GANARIUM_CLONES void matmulSmallOutput(float* __restrict c, const float* __restrict a, const float* __restrict bt,
                                       const float* __restrict bias, int64_t rows, int64_t m, int64_t n) {
    for (int64_t r = 0; r < rows; ++r) {
        for (int64_t j = 0; j < n; ++j) c[r * n + j] = (bias ? bias[j] : 0.0f) + dot(a + r * m, bt + j * m, m);
    }
}

GANARIUM_CLONES void columnSums(float* __restrict s, const float* __restrict a, int64_t rows, int64_t n) {
    for (int64_t j = 0; j < n; ++j) s[j] = 0.0f;
    for (int64_t r = 0; r < rows; ++r) {
        const float* __restrict ar = a + r * n;
        for (int64_t j = 0; j < n; ++j) s[j] += ar[j];
    }
}

GANARIUM_CLONES void broadcastRows(float* __restrict c, const float* __restrict row, int64_t rows, int64_t n) {
    for (int64_t r = 0; r < rows; ++r) {
        for (int64_t j = 0; j < n; ++j) c[r * n + j] = row[j];
    }
}

void transposeInto(float* __restrict b, const float* __restrict a, int64_t m, int64_t n, bool accumulate) {
    for (int64_t i = 0; i < m; ++i) {
        for (int64_t j = 0; j < n; ++j) {
            if (accumulate) {
                b[j * m + i] += a[i * n + j];
            } else {
                b[j * m + i] = a[i * n + j];
            }
        }
    }
}

}  // namespace ganarium
