// frechet_distance.h — the Fréchet (2-Wasserstein) distance between two
// Gaussians, the formula behind FID: |mu1-mu2|^2 + tr S1 + tr S2
// - 2 tr sqrt(sqrt(S1) S2 sqrt(S1)). The matrix square roots come from
// symmetric eigen decompositions (negative round-off eigenvalues are clipped
// to 0), which is stable for singular or nearly singular covariances.
#pragma once

#include <torch/torch.h>

namespace ganarium {

// The symmetric PSD square root of a symmetric matrix (eigenvalues below 0 clipped), in float64.
torch::Tensor symmetricSqrt(const torch::Tensor& s);

// Fréchet distance of N(mu1, s1) and N(mu2, s2); `sqrt_s1` = symmetricSqrt(s1), precomputed by the caller.
double frechetDistance(const torch::Tensor& mu1, const torch::Tensor& s1, const torch::Tensor& sqrt_s1,
                       const torch::Tensor& mu2, const torch::Tensor& s2);

// Fréchet distance of N(mu1, s1) and N(mu2, s2).
double frechetDistance(const torch::Tensor& mu1, const torch::Tensor& s1, const torch::Tensor& mu2,
                       const torch::Tensor& s2);

// Mean [F] and unbiased covariance [F,F] of the rows of `x` [N,F] (N >= 2), in float64.
std::pair<torch::Tensor, torch::Tensor> meanAndCovariance(const torch::Tensor& x);

}  // namespace ganarium
