// objectives.h — the losses of every GAN objective, one row per objective
// (the training half of the objective table; names, labels and the critic
// flag are in core/objective_table.h). Each row holds D's and G's losses on
// D's raw score f(x) (D(x) = sigmoid(f(x)) for the JS-type objectives), in
// numerically stable softplus forms, twice: as tensor expressions (autograd,
// image runs, views) and per score in closed form with the derivative (the
// manual toy training pass, score_gradients.h). G's loss sees the real
// scores too, for objectives that compare against them. Regularizers
// (gradient penalty, R1, clipping) live in regularizers.h.
#pragma once

#include <torch/torch.h>

#include "core/scene_spec.h"

namespace ganarium {

// One score's loss term and its derivative d term / d f.
struct ScoreTerm {
    double value, slope;
};

// The losses of one objective.
struct ObjectiveLosses {
    Objective id;
    // D loss (to minimise) on a real and a fake batch of raw scores.
    torch::Tensor (*d_loss)(const torch::Tensor& f_real, const torch::Tensor& f_fake);
    // G loss (to minimise) per fake sample; `f_real` may be undefined for objectives that do not read it.
    torch::Tensor (*g_loss_per_sample)(const torch::Tensor& f_fake, const torch::Tensor& f_real);
    // D loss terms of one real / one fake score, and G's term of one fake score (closed form, before the mean).
    ScoreTerm (*d_real_term)(double f);
    ScoreTerm (*d_fake_term)(double f);
    ScoreTerm (*g_term)(double f);
    // D is read as a probability sigmoid(f) (shown so); otherwise its raw score f is shown.
    bool sigmoid_d;
    // What D's objective estimates on a real and a fake batch: E f(real) - E f(fake) for critics (the
    // Wasserstein estimate), (V + log 4) / 2 for JS-type D (the JS estimate, V the GAN value function).
    double (*estimate)(const torch::Tensor& f_real, const torch::Tensor& f_fake);
    // Displayed-score threshold between "real" and "fake" (critics: NaN, the midpoint of the two means).
    double decision_threshold;
};

// The row of `objective`.
const ObjectiveLosses& objectiveLosses(Objective objective);

// D loss (to minimise) from raw scores on a real and a fake batch.
torch::Tensor discriminatorLoss(Objective objective, const torch::Tensor& f_real, const torch::Tensor& f_fake);

// G loss (to minimise) per fake sample, from D's raw scores on G's samples (and on real ones, when known).
torch::Tensor generatorLossPerSample(Objective objective, const torch::Tensor& f_fake,
                                     const torch::Tensor& f_real = torch::Tensor());

// G loss (to minimise) for a batch: the mean of generatorLossPerSample.
torch::Tensor generatorLoss(Objective objective, const torch::Tensor& f_fake,
                            const torch::Tensor& f_real = torch::Tensor());

// True for objectives whose D is read as a probability sigmoid(f) (minimax, non-saturating, max-likelihood).
bool isSigmoidObjective(Objective objective);

// D's display value at raw score f: sigmoid(f) for JS-type objectives, f for LSGAN and critics.
torch::Tensor displayedDiscriminator(Objective objective, const torch::Tensor& f);

// Largest raw score fed to exp() by the max-likelihood generator loss (stability clamp).
constexpr double kMaxLikelihoodClamp = 15.0;

}  // namespace ganarium
