// regularizers.cpp — gradient penalty, R1, weight clipping.
#include "train/regularizers.h"

namespace ganarium {

GradientPenaltyResult gradientPenalty(Mlp& d, const torch::Tensor& real, const torch::Tensor& fake, double lambda,
                                      bool one_sided, at::Generator& gen) {
    GradientPenaltyResult out;
    out.real = real.detach();
    out.fake = fake.detach();
    const torch::Tensor a = torch::rand({real.size(0), 1}, gen);
    torch::Tensor x_hat = (a * out.real + (1.0 - a) * out.fake).requires_grad_(true);
    const torch::Tensor f = d->forward(x_hat);
    const torch::Tensor grad =
        torch::autograd::grad({f.sum()}, {x_hat}, /*grad_outputs=*/{}, /*retain_graph=*/true, /*create_graph=*/true)[0];
    const torch::Tensor norm = (grad.pow(2).sum(1) + 1e-12).sqrt();
    const torch::Tensor excess = one_sided ? torch::relu(norm - 1.0) : norm - 1.0;
    out.penalty = lambda * excess.pow(2).mean();
    out.interp = x_hat.detach();
    out.grad_norm = norm.detach();
    return out;
}

torch::Tensor inputGradientNorm(Mlp& d, const torch::Tensor& x) {
    torch::Tensor xg = x.detach().clone().requires_grad_(true);
    const torch::Tensor f = d->forward(xg);
    const torch::Tensor grad = torch::autograd::grad({f.sum()}, {xg})[0];
    return grad.pow(2).sum(1).sqrt().detach();
}

torch::Tensor r1Penalty(const torch::Tensor& f_real, const torch::Tensor& real, double gamma) {
    const torch::Tensor grad = torch::autograd::grad({f_real.sum()}, {real}, {}, true, true)[0];
    return 0.5 * gamma * grad.pow(2).sum(1).mean();
}

void clipWeights(Mlp& d, double c) {
    torch::NoGradGuard no_grad;
    for (auto& p : d->parameters()) p.clamp_(-c, c);
}

}  // namespace ganarium
