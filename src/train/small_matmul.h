// small_matmul.h — matrix products where one dimension is tiny (a 2D input
// or output, z = 8, D's single output, ...). OpenBLAS spends 15-35 us on
// such a product whatever its size (packing, a kernel built for wide
// blocks); these loops take a few. Row-major, contiguous float arrays; each
// is vectorized by the compiler, in an AVX2 and a baseline version picked
// at load time.
#pragma once

#include <cstdint>

namespace ganarium {

// Largest "tiny" dimension these loops are used for.
constexpr int64_t kSmallMatmulDim = 8;

// C (rows x n) = bias + A (rows x k) B (k x n), for small k; bias (n) may be null (then no bias).
void matmulSmallInner(float* c, const float* a, const float* b, const float* bias, int64_t rows, int64_t k,
                      int64_t n);

// C (k x n) = A^T B, or C += A^T B when `accumulate`, for A (rows x k) with small k and B (rows x n).
void matmulSmallTransposed(float* c, const float* a, const float* b, int64_t rows, int64_t k, int64_t n,
                           bool accumulate);

// C (rows x n) = bias + A (rows x m) Bt^T for Bt (n x m) with small n; bias (n) may be null.
void matmulSmallOutput(float* c, const float* a, const float* bt, const float* bias, int64_t rows, int64_t m,
                       int64_t n);

// s (n) = column sums of A (rows x n).
void columnSums(float* s, const float* a, int64_t rows, int64_t n);

// Every row of C (rows x n) = row (n).
void broadcastRows(float* c, const float* row, int64_t rows, int64_t n);

// B (n x m) = A^T for A (m x n); or B += A^T when `accumulate`.
void transposeInto(float* b, const float* a, int64_t m, int64_t n, bool accumulate);

}  // namespace ganarium
