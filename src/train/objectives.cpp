// objectives.cpp — the six rows of the objective table's losses.
//   log D      = log sigmoid f     = -softplus(-f)
//   log(1 - D) = log sigmoid(-f)   = -softplus(f)
// The closed-form terms match torch's softplus (threshold 20) and the clamp
// of the max-likelihood loss, in double precision.
#include "train/objectives.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <vector>

namespace ganarium {

namespace {

constexpr double kSoftplusThreshold = 20.0;  // torch::softplus: x above it is returned as is
constexpr double kNoThreshold = std::numeric_limits<double>::quiet_NaN();

double softplus(double x) { return x > kSoftplusThreshold ? x : std::log1p(std::exp(x)); }
// d softplus(x) / dx, as torch's softplus backward computes it.
double softplusSlope(double x) {
    if (x > kSoftplusThreshold) return 1.0;
    const double e = std::exp(x);
    return e / (e + 1.0);
}

// ---- D losses ----
// Binary cross-entropy: -E log D(real) - E log(1 - D(fake)).
torch::Tensor crossEntropyD(const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    return torch::softplus(-f_real).mean() + torch::softplus(f_fake).mean();
}
// LSGAN with targets 1 (real) and 0 (fake).
torch::Tensor leastSquaresD(const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    return 0.5 * (f_real - 1.0).pow(2).mean() + 0.5 * f_fake.pow(2).mean();
}
torch::Tensor hingeD(const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    return torch::relu(1.0 - f_real).mean() + torch::relu(1.0 + f_fake).mean();
}
torch::Tensor wassersteinD(const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    return f_fake.mean() - f_real.mean();
}

ScoreTerm crossEntropyReal(double f) { return {softplus(-f), -softplusSlope(-f)}; }
ScoreTerm crossEntropyFake(double f) { return {softplus(f), softplusSlope(f)}; }
ScoreTerm leastSquaresReal(double f) { return {0.5 * (f - 1.0) * (f - 1.0), f - 1.0}; }
ScoreTerm leastSquaresFake(double f) { return {0.5 * f * f, f}; }
ScoreTerm hingeReal(double f) { return 1.0 - f > 0 ? ScoreTerm{1.0 - f, -1.0} : ScoreTerm{0.0, 0.0}; }
ScoreTerm hingeFake(double f) { return 1.0 + f > 0 ? ScoreTerm{1.0 + f, 1.0} : ScoreTerm{0.0, 0.0}; }
ScoreTerm negatedScore(double f) { return {-f, -1.0}; }
ScoreTerm plainScore(double f) { return {f, 1.0}; }

// ---- G losses (per fake sample) ----
// Minimax: minimise log(1 - D(G(z))) = -softplus(f); saturates where D rejects the sample.
torch::Tensor minimaxG(const torch::Tensor& f_fake, const torch::Tensor&) { return -torch::softplus(f_fake); }
ScoreTerm minimaxGTerm(double f) { return {-softplus(f), -softplusSlope(f)}; }
// Non-saturating: minimise -log D(G(z)) = softplus(-f).
torch::Tensor nonSaturatingG(const torch::Tensor& f_fake, const torch::Tensor&) { return torch::softplus(-f_fake); }
// Max-likelihood: minimise -1/2 exp(sigma^-1(D)) = -1/2 exp(f); f clamped above for stability.
torch::Tensor maxLikelihoodG(const torch::Tensor& f_fake, const torch::Tensor&) {
    return -0.5 * torch::exp(torch::clamp_max(f_fake, kMaxLikelihoodClamp));
}
ScoreTerm maxLikelihoodGTerm(double f) {
    const double e = std::exp(std::min(f, kMaxLikelihoodClamp));
    return {-0.5 * e, f <= kMaxLikelihoodClamp ? -0.5 * e : 0.0};
}
torch::Tensor leastSquaresG(const torch::Tensor& f_fake, const torch::Tensor&) { return 0.5 * (f_fake - 1.0).pow(2); }
// Hinge and Wasserstein: minimise -f.
torch::Tensor criticG(const torch::Tensor& f_fake, const torch::Tensor&) { return -f_fake; }

// ---- What D estimates ----
// (V + log 4) / 2 with V = E log D(real) + E log(1 - D(fake)), D = sigmoid f: the JS estimate.
double sigmoidJsEstimate(const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    const double v = (-torch::softplus(-f_real).mean() - torch::softplus(f_fake).mean()).item<double>();
    return (v + std::log(4.0)) / 2.0;
}
// The same with D = f clamped into (0, 1) (LSGAN's D targets 1 and 0).
double clampedJsEstimate(const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    const double eps = 1e-6;
    const double v = (torch::log(f_real.clamp(eps, 1 - eps)).mean() + torch::log(1 - f_fake.clamp(eps, 1 - eps)).mean())
                         .item<double>();
    return (v + std::log(4.0)) / 2.0;
}
// E f(real) - E f(fake): the critic's Wasserstein estimate.
double criticEstimate(const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    return (f_real.mean() - f_fake.mean()).item<double>();
}

const std::vector<ObjectiveLosses> kLosses = {
    {Objective::Minimax, crossEntropyD, minimaxG, crossEntropyReal, crossEntropyFake, minimaxGTerm, true,
     sigmoidJsEstimate, 0.0},
    {Objective::NonSaturating, crossEntropyD, nonSaturatingG, crossEntropyReal, crossEntropyFake, crossEntropyReal,
     true, sigmoidJsEstimate, 0.0},
    {Objective::MaxLikelihood, crossEntropyD, maxLikelihoodG, crossEntropyReal, crossEntropyFake, maxLikelihoodGTerm,
     true, sigmoidJsEstimate, 0.0},
    {Objective::LeastSquares, leastSquaresD, leastSquaresG, leastSquaresReal, leastSquaresFake, leastSquaresReal,
     false, clampedJsEstimate, 0.5},
    {Objective::Hinge, hingeD, criticG, hingeReal, hingeFake, negatedScore, false, criticEstimate, kNoThreshold},
    {Objective::Wasserstein, wassersteinD, criticG, negatedScore, plainScore, negatedScore, false, criticEstimate,
     kNoThreshold},
};

}  // namespace

const ObjectiveLosses& objectiveLosses(Objective objective) {
    const auto index = static_cast<size_t>(objective);
    assert(index < kLosses.size() && kLosses[index].id == objective);
    return kLosses[index];
}

torch::Tensor discriminatorLoss(Objective objective, const torch::Tensor& f_real, const torch::Tensor& f_fake) {
    return objectiveLosses(objective).d_loss(f_real, f_fake);
}

torch::Tensor generatorLossPerSample(Objective objective, const torch::Tensor& f_fake, const torch::Tensor& f_real) {
    return objectiveLosses(objective).g_loss_per_sample(f_fake, f_real);
}

torch::Tensor generatorLoss(Objective objective, const torch::Tensor& f_fake, const torch::Tensor& f_real) {
    return generatorLossPerSample(objective, f_fake, f_real).mean();
}

bool isSigmoidObjective(Objective objective) { return objectiveLosses(objective).sigmoid_d; }

torch::Tensor displayedDiscriminator(Objective objective, const torch::Tensor& f) {
    return isSigmoidObjective(objective) ? torch::sigmoid(f) : f;
}

}  // namespace ganarium
