// dirac_gan.cpp — the Dirac-GAN vector fields, one small function per method,
// and the simultaneous / alternating Euler steps along them.
#include "core/dirac_gan.h"

#include <algorithm>
#include <cmath>

namespace ganarium {
namespace {

const std::vector<std::string> kMethodNames{"minimax", "non_saturating", "wgan_clip", "wgan_gp",
                                            "r1",      "instance_noise", "consensus"};
const std::vector<std::string> kSchemeNames{"simultaneous", "alternating"};

double sigmoid(double t) { return 1.0 / (1.0 + std::exp(-t)); }
// f'(t) for f(t) = -log(1 + exp(-t)).
double fPrime(double t) { return sigmoid(-t); }
// f''(t).
double fSecond(double t) { return -sigmoid(-t) * sigmoid(t); }
double sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0); }

PlaneVector minimaxField(double theta, double psi) {
    const double g = fPrime(psi * theta);
    return {-psi * g, theta * g};
}

PlaneVector nonSaturatingField(double theta, double psi) {
    return {-psi * fPrime(-psi * theta), theta * fPrime(psi * theta)};
}

PlaneVector wassersteinField(double theta, double psi) { return {-psi, theta}; }

PlaneVector gradientPenaltyField(const DiracGanSpec& s, double theta, double psi) {
    return {-psi, theta - s.gp_lambda * (std::fabs(psi) - s.gp_target) * sign(psi)};
}

PlaneVector r1Field(const DiracGanSpec& s, double theta, double psi) {
    PlaneVector v = minimaxField(theta, psi);
    v.psi -= s.r1_gamma * psi;
    return v;
}

// Expectation over fake samples theta + e and real samples e, e ~ N(0, sigma^2), by a midpoint rule on
// +-7 sigma (deterministic; the integrand is smooth, so 201 nodes are exact to ~1e-10).
PlaneVector instanceNoiseField(const DiracGanSpec& s, double theta, double psi) {
    constexpr int kNodes = 201;
    constexpr double kReach = 7.0;
    double weight_sum = 0, v_theta = 0, v_psi = 0;
    for (int i = 0; i < kNodes; ++i) {
        const double z = -kReach + (i + 0.5) * (2.0 * kReach / kNodes);
        const double w = std::exp(-0.5 * z * z);
        const double fake = theta + s.noise_std * z, real = s.noise_std * z;
        v_theta += w * (-psi * fPrime(psi * fake));
        // Real term: d/dpsi f(-psi x) = -x f'(-psi x).
        v_psi += w * (fake * fPrime(psi * fake) - real * fPrime(-psi * real));
        weight_sum += w;
    }
    return {v_theta / weight_sum, v_psi / weight_sum};
}

// GAN field minus gamma * J^T v, the gradient of |v|^2 / 2 (J: the field's Jacobian, in closed form).
PlaneVector consensusField(const DiracGanSpec& s, double theta, double psi) {
    const double u = psi * theta, g = fPrime(u), g2 = fSecond(u);
    const PlaneVector v = minimaxField(theta, psi);
    const double d_vt_dt = -psi * psi * g2, d_vt_dp = -g - u * g2;
    const double d_vp_dt = g + u * g2, d_vp_dp = theta * theta * g2;
    return {v.theta - s.consensus_gamma * (d_vt_dt * v.theta + d_vp_dt * v.psi),
            v.psi - s.consensus_gamma * (d_vt_dp * v.theta + d_vp_dp * v.psi)};
}

}  // namespace

PlaneVector diracField(const DiracGanSpec& spec, double theta, double psi) {
    switch (spec.method) {
        case DiracMethod::Minimax: return minimaxField(theta, psi);
        case DiracMethod::NonSaturating: return nonSaturatingField(theta, psi);
        case DiracMethod::WeightClip: return wassersteinField(theta, psi);
        case DiracMethod::GradientPenalty: return gradientPenaltyField(spec, theta, psi);
        case DiracMethod::R1: return r1Field(spec, theta, psi);
        case DiracMethod::InstanceNoise: return instanceNoiseField(spec, theta, psi);
        case DiracMethod::Consensus: return consensusField(spec, theta, psi);
    }
    return {};
}

PlaneVector diracProject(const DiracGanSpec& spec, PlaneVector point) {
    if (spec.method == DiracMethod::WeightClip) point.psi = std::clamp(point.psi, -spec.clip, spec.clip);
    return point;
}

PlaneVector diracStepD(const DiracGanSpec& spec, PlaneVector point) {
    point.psi += spec.h * diracField(spec, point.theta, point.psi).psi;
    return diracProject(spec, point);
}

PlaneVector diracStepG(const DiracGanSpec& spec, PlaneVector point) {
    point.theta += spec.h * diracField(spec, point.theta, point.psi).theta;
    return diracProject(spec, point);
}

PlaneVector diracStep(const DiracGanSpec& spec, PlaneVector point) {
    if (spec.scheme == DiracScheme::Simultaneous) {
        const PlaneVector v = diracField(spec, point.theta, point.psi);
        return diracProject(spec, {point.theta + spec.h * v.theta, point.psi + spec.h * v.psi});
    }
    point = diracStepG(spec, point);
    for (int i = 0; i < std::max(1, spec.n_d); ++i) point = diracStepD(spec, point);
    return point;
}

double diracDistance(PlaneVector point) { return std::hypot(point.theta, point.psi); }

const std::vector<std::string>& diracMethodNames() { return kMethodNames; }

const std::vector<std::string>& diracSchemeNames() { return kSchemeNames; }

std::string diracLabel(const DiracGanSpec& spec) {
    const char* labels[] = {"GAN", "NSGAN", "WGAN", "WGAN-GP", "GAN + R1", "Instance noise", "Consensus"};
    std::string label = labels[static_cast<int>(spec.method)];
    label += spec.scheme == DiracScheme::Simultaneous ? " (simultaneous)" : " (alternating)";
    return label;
}

bool operator==(const DiracGanSpec& a, const DiracGanSpec& b) {
    return a.method == b.method && a.scheme == b.scheme && a.h == b.h && a.n_d == b.n_d && a.clip == b.clip &&
           a.gp_lambda == b.gp_lambda && a.gp_target == b.gp_target && a.r1_gamma == b.r1_gamma &&
           a.noise_std == b.noise_std && a.consensus_gamma == b.consensus_gamma && a.theta0 == b.theta0 &&
           a.psi0 == b.psi0;
}

}  // namespace ganarium
