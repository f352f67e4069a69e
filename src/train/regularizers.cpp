// regularizers.cpp — gradient penalty, R1, weight clipping.
#include "train/regularizers.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

namespace {

// Squared norm of each sample's slice of `t` (n x anything), n.
torch::Tensor perSampleSquaredNorm(const torch::Tensor& t) { return t.reshape({t.size(0), -1}).pow(2).sum(1); }

// Shape n x 1 x ... x 1 with as many dimensions as `like`: one value per sample that broadcasts over it.
std::vector<int64_t> perSampleShape(const torch::Tensor& like) {
    std::vector<int64_t> shape(static_cast<size_t>(like.dim()), 1);
    shape[0] = like.size(0);
    return shape;
}

}  // namespace

GradientPenaltyResult gradientPenalty(const CriticFn& critic, const torch::Tensor& real, const torch::Tensor& fake,
                                      double lambda, bool one_sided, at::Generator& gen) {
    return gradientPenaltyWithMix(critic, real, fake, lambda, one_sided, torch::rand({real.size(0)}, gen));
}

GradientPenaltyResult gradientPenaltyWithMix(const CriticFn& critic, const torch::Tensor& real, const torch::Tensor& fake,
                                             double lambda, bool one_sided, const torch::Tensor& mix) {
    GradientPenaltyResult out;
    out.real = real.detach();
    out.fake = fake.detach();
    const torch::Tensor a = mix.reshape(perSampleShape(real));
    torch::Tensor x_hat = (a * out.real + (1.0 - a) * out.fake).requires_grad_(true);
    const torch::Tensor f = critic(x_hat);
    const torch::Tensor grad =
        torch::autograd::grad({f.sum()}, {x_hat}, /*grad_outputs=*/{}, /*retain_graph=*/true, /*create_graph=*/true)[0];
    const torch::Tensor norm = (perSampleSquaredNorm(grad) + 1e-12).sqrt();
    const torch::Tensor excess = one_sided ? torch::relu(norm - 1.0) : norm - 1.0;
    out.penalty = lambda * excess.pow(2).mean();
    out.interp = x_hat.detach();
    out.grad_norm = norm.detach();
    return out;
}

torch::Tensor inputGradientNorm(const CriticFn& critic, const torch::Tensor& x) {
    torch::Tensor xg = x.detach().clone().requires_grad_(true);
    const torch::Tensor f = critic(xg);
    const torch::Tensor grad = torch::autograd::grad({f.sum()}, {xg})[0];
    return perSampleSquaredNorm(grad).sqrt().detach();
}

torch::Tensor r1Penalty(const torch::Tensor& f_real, const torch::Tensor& real, double gamma) {
    const torch::Tensor grad = torch::autograd::grad({f_real.sum()}, {real}, {}, true, true)[0];
    return 0.5 * gamma * perSampleSquaredNorm(grad).mean();
}

double gradientPenaltyFromGradients(const float* g, int64_t n, int64_t dim, double lambda, bool one_sided,
                                    float* norms, float* grad) {
    double sum = 0;
    const double scale = 2.0 * lambda / static_cast<double>(n);
    for (int64_t i = 0; i < n; ++i) {
        const float* row = g + i * dim;
        double squares = 0;
        for (int64_t k = 0; k < dim; ++k) squares += static_cast<double>(row[k]) * row[k];
        const double norm = std::sqrt(squares + 1e-12);
        const double excess = one_sided ? std::max(0.0, norm - 1.0) : norm - 1.0;
        sum += excess * excess;
        norms[i] = static_cast<float>(norm);
        // d/dg lambda/n excess^2 = 2 lambda/n excess g / norm (zero where the one-sided excess is clipped).
        const double factor = scale * excess / norm;
        for (int64_t k = 0; k < dim; ++k) grad[i * dim + k] = static_cast<float>(factor * row[k]);
    }
    return lambda * sum / static_cast<double>(n);
}

double r1PenaltyFromGradients(const float* g, int64_t n, int64_t dim, double gamma, float* grad) {
    double sum = 0;
    const double scale = gamma / static_cast<double>(n);
    for (int64_t k = 0; k < n * dim; ++k) {
        sum += static_cast<double>(g[k]) * g[k];
        grad[k] = static_cast<float>(scale * g[k]);
    }
    return 0.5 * gamma * sum / static_cast<double>(n);
}

void clipWeights(const std::vector<torch::Tensor>& parameters, double c) {
    torch::NoGradGuard no_grad;
    for (const auto& p : parameters) p.clamp_(-c, c);
}

}  // namespace ganarium
