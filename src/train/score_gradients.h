// score_gradients.h — the objectives of objectives.h in closed form on raw
// score arrays, with their derivatives: the manual training pass gets a
// step's loss value and dLoss/dScore from one loop over the batch instead of
// a chain of tensor ops and an autograd backward through them. Same
// formulas (softplus with PyTorch's threshold of 20, the clamp of the
// max-likelihood loss), evaluated in double precision.
#pragma once

#include <cstdint>

#include "core/scene_spec.h"

namespace ganarium {

// D loss of `objective` on n_real real scores then n_fake fake scores (f, contiguous); writes
// dLoss/df for all n_real + n_fake scores into `grad` and returns the loss.
double discriminatorLossGradient(Objective objective, const float* f, int64_t n_real, int64_t n_fake, float* grad);

// G loss (batch mean) of `objective` on n fake scores; writes dLoss/df into `grad` and returns the loss.
double generatorLossGradient(Objective objective, const float* f, int64_t n, float* grad);

}  // namespace ganarium
