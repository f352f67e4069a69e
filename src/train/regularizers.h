// regularizers.h — the Lipschitz constraints and penalties on D other than
// spectral normalization (which lives in the networks): the WGAN-GP gradient
// penalty on real-fake interpolates, the R1 penalty on real samples and
// weight clipping. Also the input-gradient norms the GP views draw, and the
// two penalties as functions of given input gradients with their derivative
// (for the manual training pass, mlp_pass.h, which back-propagates it).
// They take the critic as a callable and work per sample whatever the
// sample's shape: a batch is n x (anything), and each sample's input
// gradient is flattened before its norm is taken, so a 2D point and a
// 28x28 image are treated alike.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "train/critic_fn.h"

namespace ganarium {

// The interpolates of one gradient-penalty evaluation and D's gradient norm there.
struct GradientPenaltyResult {
    torch::Tensor penalty;     // scalar, differentiable in D's weights (create_graph)
    torch::Tensor real, fake;  // the pairs (detached), n x (sample shape)
    torch::Tensor interp;      // x_hat = a real + (1 - a) fake (detached)
    torch::Tensor grad_norm;   // ||grad_x f(x_hat)||, n (detached)
};

// lambda * E (||grad f(x_hat)|| - 1)^2 (two-sided) or lambda * E max(0, ||.|| - 1)^2 (one-sided),
// with one a ~ U[0,1] per pair drawn from `gen`.
GradientPenaltyResult gradientPenalty(const CriticFn& critic, const torch::Tensor& real, const torch::Tensor& fake, double lambda,
                                      bool one_sided, at::Generator& gen);
// The same with the mixing weights given (n values in [0, 1]): a data-parallel rank's slice of the batch's draws.
GradientPenaltyResult gradientPenaltyWithMix(const CriticFn& critic, const torch::Tensor& real, const torch::Tensor& fake,
                                             double lambda, bool one_sided, const torch::Tensor& mix);

// ||grad_x f(x)|| at each sample of x (no graph kept), n.
torch::Tensor inputGradientNorm(const CriticFn& critic, const torch::Tensor& x);

// R1: gamma/2 E ||grad_x f(real)||^2; `f_real` must be D(real) with real.requires_grad().
torch::Tensor r1Penalty(const torch::Tensor& f_real, const torch::Tensor& real, double gamma);

// The gradient penalty as a function of the input gradients g (n x dim, row-major; dim = a sample's size) at the
// interpolates: writes ||g_i|| into `norms` (n) and dP/dg into `grad` (n x dim); returns P.
double gradientPenaltyFromGradients(const float* g, int64_t n, int64_t dim, double lambda, bool one_sided,
                                    float* norms, float* grad);

// R1 as a function of the input gradients g (n x dim) at the real samples: writes dP/dg into `grad`; returns P.
double r1PenaltyFromGradients(const float* g, int64_t n, int64_t dim, double gamma, float* grad);

// Clamps every given parameter (D's) to [-c, c] in place.
void clipWeights(const std::vector<torch::Tensor>& parameters, double c);

}  // namespace ganarium
