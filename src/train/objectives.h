// objectives.h — discriminator and generator losses of every objective,
// written on D's raw score f(x) (D(x) = sigmoid(f(x)) for the JS-type
// objectives) with numerically stable softplus forms. Regularizers
// (gradient penalty, R1, clipping, spectral norm) live in regularizers.h.
#pragma once

#include <torch/torch.h>

#include "core/scene_spec.h"

namespace ganarium {

// D loss (to minimise) from raw scores on a real and a fake batch.
torch::Tensor discriminatorLoss(Objective objective, const torch::Tensor& f_real, const torch::Tensor& f_fake);

// G loss (to minimise) per fake sample, from D's raw scores on G's samples (mean it for the batch loss).
torch::Tensor generatorLossPerSample(Objective objective, const torch::Tensor& f_fake);

// G loss (to minimise) for a batch: the mean of generatorLossPerSample.
torch::Tensor generatorLoss(Objective objective, const torch::Tensor& f_fake);

// True for objectives whose D is read as a probability sigmoid(f) (minimax, non-saturating, max-likelihood).
bool isSigmoidObjective(Objective objective);

// D's display value at raw score f: sigmoid(f) for JS-type objectives, f for LSGAN and critics.
torch::Tensor displayedDiscriminator(Objective objective, const torch::Tensor& f);

// Largest raw score fed to exp() by the max-likelihood generator loss (stability clamp).
constexpr double kMaxLikelihoodClamp = 15.0;

}  // namespace ganarium
