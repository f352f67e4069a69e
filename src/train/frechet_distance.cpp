// frechet_distance.cpp — Fréchet distance of Gaussians via symmetric eigen decompositions.
#include "train/frechet_distance.h"

#include <algorithm>

namespace ganarium {

namespace {

torch::Tensor symmetrized(const torch::Tensor& m) { return (m + m.transpose(0, 1)) * 0.5; }

}  // namespace

torch::Tensor symmetricSqrt(const torch::Tensor& s) {
    const auto [values, vectors] = torch::linalg_eigh(symmetrized(s.to(torch::kFloat64)), "L");
    return torch::mm(vectors * values.clamp_min(0.0).sqrt().unsqueeze(0), vectors.transpose(0, 1));
}

double frechetDistance(const torch::Tensor& mu1, const torch::Tensor& s1, const torch::Tensor& sqrt_s1,
                       const torch::Tensor& mu2, const torch::Tensor& s2) {
    const torch::Tensor a = s1.to(torch::kFloat64), b = s2.to(torch::kFloat64), r = sqrt_s1.to(torch::kFloat64);
    const double mean_term = (mu1.to(torch::kFloat64) - mu2.to(torch::kFloat64)).pow(2).sum().item<double>();
    // tr sqrt(S1^1/2 S2 S1^1/2) = tr sqrt(S1 S2): the sum of the square roots of the eigenvalues of a PSD matrix.
    const torch::Tensor inner = symmetrized(torch::mm(torch::mm(r, b), r));
    const double cross = torch::linalg_eigvalsh(inner, "L").clamp_min(0.0).sqrt().sum().item<double>();
    const double value = mean_term + a.trace().item<double>() + b.trace().item<double>() - 2.0 * cross;
    return std::max(0.0, value);  // round-off can make identical Gaussians come out at -1e-12
}

double frechetDistance(const torch::Tensor& mu1, const torch::Tensor& s1, const torch::Tensor& mu2,
                       const torch::Tensor& s2) {
    return frechetDistance(mu1, s1, symmetricSqrt(s1), mu2, s2);
}

std::pair<torch::Tensor, torch::Tensor> meanAndCovariance(const torch::Tensor& x) {
    const torch::Tensor d = x.to(torch::kFloat64);
    const torch::Tensor mean = d.mean(0);
    const torch::Tensor centred = d - mean.unsqueeze(0);
    const double n = static_cast<double>(std::max<int64_t>(2, d.size(0)));
    return {mean, torch::mm(centred.transpose(0, 1), centred) / (n - 1.0)};
}

}  // namespace ganarium
