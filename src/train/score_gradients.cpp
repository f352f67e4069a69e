// score_gradients.cpp — closed-form losses and dLoss/dScore (see score_gradients.h).
#include "train/score_gradients.h"

#include <algorithm>
#include <cmath>

#include "train/objectives.h"

namespace ganarium {

namespace {
constexpr double kSoftplusThreshold = 20.0;  // torch::softplus: x above it is returned as is

double softplus(double x) { return x > kSoftplusThreshold ? x : std::log1p(std::exp(x)); }
// d softplus(x) / dx, as torch's softplus backward computes it.
double softplusSlope(double x) {
    if (x > kSoftplusThreshold) return 1.0;
    const double e = std::exp(x);
    return e / (e + 1.0);
}

// Loss of one real score (value, dLoss/df) before the 1/n of the mean.
struct Term {
    double value, slope;
};

Term realTerm(Objective objective, double f) {
    switch (objective) {
        case Objective::Minimax:
        case Objective::NonSaturating:
        case Objective::MaxLikelihood: return {softplus(-f), -softplusSlope(-f)};
        case Objective::LeastSquares: return {0.5 * (f - 1.0) * (f - 1.0), f - 1.0};
        case Objective::Hinge: return 1.0 - f > 0 ? Term{1.0 - f, -1.0} : Term{0.0, 0.0};
        case Objective::Wasserstein: break;
    }
    return {-f, -1.0};
}

Term fakeTerm(Objective objective, double f) {
    switch (objective) {
        case Objective::Minimax:
        case Objective::NonSaturating:
        case Objective::MaxLikelihood: return {softplus(f), softplusSlope(f)};
        case Objective::LeastSquares: return {0.5 * f * f, f};
        case Objective::Hinge: return 1.0 + f > 0 ? Term{1.0 + f, 1.0} : Term{0.0, 0.0};
        case Objective::Wasserstein: break;
    }
    return {f, 1.0};
}

Term generatorTerm(Objective objective, double f) {
    switch (objective) {
        case Objective::Minimax: return {-softplus(f), -softplusSlope(f)};
        case Objective::NonSaturating: return {softplus(-f), -softplusSlope(-f)};
        case Objective::MaxLikelihood: {
            const double e = std::exp(std::min(f, kMaxLikelihoodClamp));
            return {-0.5 * e, f <= kMaxLikelihoodClamp ? -0.5 * e : 0.0};
        }
        case Objective::LeastSquares: return {0.5 * (f - 1.0) * (f - 1.0), f - 1.0};
        case Objective::Hinge:
        case Objective::Wasserstein: break;
    }
    return {-f, -1.0};
}
}  // namespace

double discriminatorLossGradient(Objective objective, const float* f, int64_t n_real, int64_t n_fake, float* grad) {
    double real_sum = 0, fake_sum = 0;
    const double inv_real = 1.0 / static_cast<double>(n_real), inv_fake = 1.0 / static_cast<double>(n_fake);
    for (int64_t i = 0; i < n_real; ++i) {
        const Term t = realTerm(objective, f[i]);
        real_sum += t.value;
        grad[i] = static_cast<float>(t.slope * inv_real);
    }
    for (int64_t i = n_real; i < n_real + n_fake; ++i) {
        const Term t = fakeTerm(objective, f[i]);
        fake_sum += t.value;
        grad[i] = static_cast<float>(t.slope * inv_fake);
    }
    return real_sum * inv_real + fake_sum * inv_fake;
}

double generatorLossGradient(Objective objective, const float* f, int64_t n, float* grad) {
    double sum = 0;
    const double inv = 1.0 / static_cast<double>(n);
    for (int64_t i = 0; i < n; ++i) {
        const Term t = generatorTerm(objective, f[i]);
        sum += t.value;
        grad[i] = static_cast<float>(t.slope * inv);
    }
    return sum * inv;
}

}  // namespace ganarium
