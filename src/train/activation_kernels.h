// activation_kernels.h — ReLU and LeakyReLU in place and their backward
// (the gradient masked by the sign of the stored activation output): single
// vectorized loops for the manual pass, where the same ATen ops cost more in
// dispatch than in arithmetic. Tanh and ELU keep their ATen kernels.
#pragma once

#include <cstdint>

namespace ganarium {

// x = max(x, slope x) in place (slope 0: ReLU; 0 < slope < 1: LeakyReLU).
void leakyReluInPlace(float* x, int64_t n, float slope);

// g = g where h > 0, else slope g (h: the activation's output, whose sign equals its input's).
void leakyReluBackwardInPlace(float* g, const float* h, int64_t n, float slope);

}  // namespace ganarium
