// objectives.cpp — the six GAN objectives on raw scores.
//   log D      = log sigmoid f     = -softplus(-f)
//   log(1 - D) = log sigmoid(-f)   = -softplus(f)
#include "train/objectives.h"

namespace ganarium {

namespace F = torch::nn::functional;

bool isSigmoidObjective(Objective objective) {
    return objective == Objective::Minimax || objective == Objective::NonSaturating ||
           objective == Objective::MaxLikelihood;
}

torch::Tensor discriminatorLoss(Objective objective, const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    switch (objective) {
        case Objective::Minimax:
        case Objective::NonSaturating:
        case Objective::MaxLikelihood:
            // Binary cross-entropy: -E log D(real) - E log(1 - D(fake)).
            return torch::softplus(-f_real).mean() + torch::softplus(f_fake).mean();
        case Objective::LeastSquares:
            // LSGAN with targets 1 (real) and 0 (fake).
            return 0.5 * (f_real - 1.0).pow(2).mean() + 0.5 * f_fake.pow(2).mean();
        case Objective::Hinge:
            return torch::relu(1.0 - f_real).mean() + torch::relu(1.0 + f_fake).mean();
        case Objective::Wasserstein:
            return f_fake.mean() - f_real.mean();
    }
    return f_fake.mean() - f_real.mean();
}

torch::Tensor generatorLossPerSample(Objective objective, const torch::Tensor& f_fake) {
    switch (objective) {
        case Objective::Minimax:
            // minimise log(1 - D(G(z))) = -softplus(f): saturates where D rejects the sample.
            return -torch::softplus(f_fake);
        case Objective::NonSaturating:
            // minimise -log D(G(z)) = softplus(-f).
            return torch::softplus(-f_fake);
        case Objective::MaxLikelihood:
            // minimise -1/2 exp(sigma^-1(D)) = -1/2 exp(f); f clamped above for stability.
            return -0.5 * torch::exp(torch::clamp_max(f_fake, kMaxLikelihoodClamp));
        case Objective::LeastSquares:
            return 0.5 * (f_fake - 1.0).pow(2);
        case Objective::Hinge:
        case Objective::Wasserstein:
            return -f_fake;
    }
    return -f_fake;
}

torch::Tensor generatorLoss(Objective objective, const torch::Tensor& f_fake) {
    return generatorLossPerSample(objective, f_fake).mean();
}

torch::Tensor displayedDiscriminator(Objective objective, const torch::Tensor& f) {
    return isSigmoidObjective(objective) ? torch::sigmoid(f) : f;
}

}  // namespace ganarium
