// dirac_gan.h — the Dirac-GAN of Mescheder et al. (2018) as plain math:
// P_data = delta_0, P_G = delta_theta, D(x) = psi * x. Each training method
// is a vector field v(theta, psi) = (-dL/dtheta, +dL/dpsi) on the two
// parameters; gradient descent-ascent is an Euler step along it. The run
// kind that animates it (train/dirac_gan_run.h) and the tests read this file.
// Convention (the paper's): L(theta, psi) = f(psi * theta) + f(0), with
// f(t) = -log(1 + exp(-t)) for the JS-type GANs and f(t) = t for WGAN.
#pragma once

#include <string>
#include <vector>

namespace ganarium {

// The training methods of the Dirac-GAN, each one vector field.
enum class DiracMethod {
    Minimax,         // GAN: G minimises f(psi theta)
    NonSaturating,   // NSGAN: G maximises f(-psi theta)
    WeightClip,      // WGAN, psi clipped to [-clip, clip] after each D update
    GradientPenalty, // WGAN-GP: D's penalty lambda * (|psi| - g0)^2 / 2
    R1,              // GAN + R1: D's penalty gamma / 2 * psi^2
    InstanceNoise,   // GAN on samples blurred by N(0, sigma^2)
    Consensus,       // GAN field minus gamma * grad(|v|^2 / 2)
};

// How the two players move.
enum class DiracScheme {
    Simultaneous,    // both from the same point
    Alternating,     // G first, then n_d D updates, each at the new point
};

// One Dirac-GAN run: method, its constants, the update scheme and the start point.
struct DiracGanSpec {
    DiracMethod method = DiracMethod::Minimax;
    DiracScheme scheme = DiracScheme::Simultaneous;
    double h = 0.2;                // step size of both players
    int n_d = 1;                   // D updates per G update (alternating)
    double clip = 1.0;             // WeightClip: |psi| <= clip
    double gp_lambda = 1.0;        // GradientPenalty weight
    double gp_target = 0.3;        // GradientPenalty target norm g0
    double r1_gamma = 1.0;         // R1 weight
    double noise_std = 0.7;        // InstanceNoise sigma
    double consensus_gamma = 1.0;  // Consensus weight
    double theta0 = 1.0, psi0 = 1.0;  // start point
};

// A point of the (theta, psi) plane or a vector on it.
struct PlaneVector {
    double theta = 0, psi = 0;
};

// The method's vector field at (theta, psi): (-dL/dtheta, dL/dpsi) including its regularizer.
PlaneVector diracField(const DiracGanSpec& spec, double theta, double psi);

// Projects a point onto the method's feasible set (clips psi for WeightClip; identity otherwise).
PlaneVector diracProject(const DiracGanSpec& spec, PlaneVector point);

// One training step from `point` with the spec's scheme and step size (already projected).
PlaneVector diracStep(const DiracGanSpec& spec, PlaneVector point);

// One D update (psi only) and one G update (theta only), for single-step buttons.
PlaneVector diracStepD(const DiracGanSpec& spec, PlaneVector point);
PlaneVector diracStepG(const DiracGanSpec& spec, PlaneVector point);

// Distance from the equilibrium (0, 0).
double diracDistance(PlaneVector point);

// Scene-file spellings of the methods and schemes, in declaration order.
const std::vector<std::string>& diracMethodNames();
const std::vector<std::string>& diracSchemeNames();
// Short label for a panel title, e.g. "GAN (simultaneous)", "WGAN-GP (alternating)".
std::string diracLabel(const DiracGanSpec& spec);

// Field-by-field equality (scene save/load round trip).
bool operator==(const DiracGanSpec& a, const DiracGanSpec& b);

}  // namespace ganarium
