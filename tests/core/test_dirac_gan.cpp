// test_dirac_gan.cpp — the Dirac-GAN vector fields against their closed forms,
// the update schemes, the reference end points of Mescheder et al.'s
// notebook (from (1, 1), h = 0.2, 500 steps) and the scene-file round trip.
#include <doctest/doctest.h>

#include <cmath>

#include "core/dirac_gan.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

double sigmoid(double t) { return 1 / (1 + std::exp(-t)); }

DiracGanSpec spec(DiracMethod method, DiracScheme scheme = DiracScheme::Simultaneous) {
    DiracGanSpec s;
    s.method = method;
    s.scheme = scheme;
    return s;
}

// Distance from the equilibrium after `steps` steps from (1, 1).
double endDistance(const DiracGanSpec& s, int steps = 500) {
    PlaneVector p = diracProject(s, {s.theta0, s.psi0});
    for (int i = 0; i < steps; ++i) p = diracStep(s, p);
    return diracDistance(p);
}

const double kPoints[][2] = {{1.0, 1.0}, {-0.7, 0.4}, {2.0, -1.5}, {0.0, 0.8}, {-1.2, -0.3}};

}  // namespace

TEST_CASE("Dirac-GAN fields equal their closed forms at sample points") {
    for (const auto& pt : kPoints) {
        const double t = pt[0], p = pt[1];
        CAPTURE(t);
        CAPTURE(p);
        PlaneVector v = diracField(spec(DiracMethod::Minimax), t, p);
        CHECK(v.theta == doctest::Approx(-p * sigmoid(-p * t)).epsilon(1e-12));
        CHECK(v.psi == doctest::Approx(t * sigmoid(-p * t)).epsilon(1e-12));

        v = diracField(spec(DiracMethod::NonSaturating), t, p);
        CHECK(v.theta == doctest::Approx(-p * sigmoid(p * t)).epsilon(1e-12));
        CHECK(v.psi == doctest::Approx(t * sigmoid(-p * t)).epsilon(1e-12));

        v = diracField(spec(DiracMethod::WeightClip), t, p);
        CHECK(v.theta == doctest::Approx(-p));
        CHECK(v.psi == doctest::Approx(t));

        DiracGanSpec gp = spec(DiracMethod::GradientPenalty);
        gp.gp_lambda = 2.0;
        gp.gp_target = 0.5;
        v = diracField(gp, t, p);
        CHECK(v.theta == doctest::Approx(-p));
        CHECK(v.psi == doctest::Approx(t - 2.0 * (std::fabs(p) - 0.5) * (p > 0 ? 1 : -1)));

        DiracGanSpec r1 = spec(DiracMethod::R1);
        r1.r1_gamma = 0.7;
        v = diracField(r1, t, p);
        CHECK(v.theta == doctest::Approx(-p * sigmoid(-p * t)));
        CHECK(v.psi == doctest::Approx(t * sigmoid(-p * t) - 0.7 * p));
    }
}

TEST_CASE("consensus field is the GAN field minus gamma times the gradient of |v|^2 / 2") {
    DiracGanSpec s = spec(DiracMethod::Consensus);
    s.consensus_gamma = 0.8;
    const auto half_norm = [](double t, double p) {
        const PlaneVector v = diracField(spec(DiracMethod::Minimax), t, p);
        return 0.5 * (v.theta * v.theta + v.psi * v.psi);
    };
    const double e = 1e-6;
    for (const auto& pt : kPoints) {
        const double t = pt[0], p = pt[1];
        const PlaneVector gan = diracField(spec(DiracMethod::Minimax), t, p);
        const PlaneVector v = diracField(s, t, p);
        const double d_t = (half_norm(t + e, p) - half_norm(t - e, p)) / (2 * e);
        const double d_p = (half_norm(t, p + e) - half_norm(t, p - e)) / (2 * e);
        CHECK(v.theta == doctest::Approx(gan.theta - 0.8 * d_t).epsilon(1e-6));
        CHECK(v.psi == doctest::Approx(gan.psi - 0.8 * d_p).epsilon(1e-6));
    }
}

TEST_CASE("instance noise averages the GAN field over blurred real and fake samples") {
    DiracGanSpec s = spec(DiracMethod::InstanceNoise);
    s.noise_std = 1e-4;  // almost no noise: the plain GAN field
    const PlaneVector v = diracField(s, 0.8, -0.6), gan = diracField(spec(DiracMethod::Minimax), 0.8, -0.6);
    CHECK(v.theta == doctest::Approx(gan.theta).epsilon(1e-4));
    CHECK(v.psi == doctest::Approx(gan.psi).epsilon(1e-4));
    // At the equilibrium the field vanishes whatever the noise.
    s.noise_std = 0.7;
    const PlaneVector zero = diracField(s, 0.0, 0.0);
    CHECK(std::fabs(zero.theta) < 1e-12);
    CHECK(std::fabs(zero.psi) < 1e-9);
}

TEST_CASE("every field vanishes at the equilibrium") {
    for (int m = 0; m <= static_cast<int>(DiracMethod::Consensus); ++m) {
        DiracGanSpec s = spec(static_cast<DiracMethod>(m));
        if (s.method == DiracMethod::GradientPenalty) continue;  // its D prefers |psi| = g0, not 0
        const PlaneVector v = diracField(s, 0.0, 0.0);
        CAPTURE(m);
        CHECK(std::fabs(v.theta) < 1e-9);
        CHECK(std::fabs(v.psi) < 1e-9);
    }
}

TEST_CASE("alternating steps move G first, then n_d D steps at the new point") {
    DiracGanSpec s = spec(DiracMethod::WeightClip, DiracScheme::Alternating);
    s.clip = 100;
    s.h = 0.1;
    s.n_d = 2;
    const PlaneVector p = diracStep(s, {1.0, 1.0});
    const double theta = 1.0 - 0.1 * 1.0;          // G: theta += h * (-psi)
    const double psi = 1.0 + 0.1 * theta + 0.1 * theta;  // two D steps: psi += h * theta
    CHECK(p.theta == doctest::Approx(theta));
    CHECK(p.psi == doctest::Approx(psi));
    // Simultaneous: both from the same point.
    s.scheme = DiracScheme::Simultaneous;
    const PlaneVector q = diracStep(s, {1.0, 1.0});
    CHECK(q.theta == doctest::Approx(0.9));
    CHECK(q.psi == doctest::Approx(1.1));
}

TEST_CASE("weight clipping keeps psi in [-c, c]") {
    DiracGanSpec s = spec(DiracMethod::WeightClip);
    s.clip = 0.3;
    PlaneVector p = diracProject(s, {1.0, 1.0});
    CHECK(p.psi == doctest::Approx(0.3));
    for (int i = 0; i < 200; ++i) {
        p = diracStep(s, p);
        REQUIRE(std::fabs(p.psi) <= 0.3 + 1e-12);
    }
}

TEST_CASE("from (1, 1), h = 0.2, 500 steps: the published end points") {
    const double start = std::sqrt(2.0);
    // R1 (gamma 1) and consensus (gamma 1) converge.
    DiracGanSpec r1 = spec(DiracMethod::R1);
    r1.r1_gamma = 1.0;
    CHECK(endDistance(r1) < 0.01);
    DiracGanSpec consensus = spec(DiracMethod::Consensus);
    consensus.consensus_gamma = 1.0;
    CHECK(endDistance(consensus) < 0.01);
    // Simultaneous minimax GAN spirals out (reference about 3.1); alternating stays near (reference 1.42).
    const double gan_sim = endDistance(spec(DiracMethod::Minimax));
    CHECK(gan_sim > start);
    CHECK(gan_sim == doctest::Approx(3.10).epsilon(0.02));
    CHECK(endDistance(spec(DiracMethod::Minimax, DiracScheme::Alternating)) == doctest::Approx(1.42).epsilon(0.02));
    // Non-saturating: 0.64 simultaneous, 0.28 alternating.
    CHECK(endDistance(spec(DiracMethod::NonSaturating)) == doctest::Approx(0.64).epsilon(0.03));
    CHECK(endDistance(spec(DiracMethod::NonSaturating, DiracScheme::Alternating)) ==
          doctest::Approx(0.28).epsilon(0.05));
    // WGAN (clip 1) neither converges nor diverges (reference about 1.0 with either scheme).
    for (DiracScheme scheme : {DiracScheme::Simultaneous, DiracScheme::Alternating}) {
        const double wgan = endDistance(spec(DiracMethod::WeightClip, scheme));
        CHECK(wgan > 0.5);
        CHECK(wgan < 2.0);
        CHECK(wgan == doctest::Approx(1.0).epsilon(0.05));
    }
    // Instance noise (sigma 0.7): 0.02 simultaneous, 0.01 alternating.
    DiracGanSpec noise = spec(DiracMethod::InstanceNoise);
    noise.noise_std = 0.7;
    CHECK(endDistance(noise) == doctest::Approx(0.02).epsilon(0.5));
    noise.scheme = DiracScheme::Alternating;
    CHECK(endDistance(noise) < 0.03);
}

TEST_CASE("Dirac-GAN scene: parses without [data], round-trips, and names its errors") {
    const std::string text = R"(
[scene]
title = "Dirac"
[[run]]
kind = "dirac"
method = "consensus"
scheme = "alternating"
n_d = 3
consensus_gamma = 0.5
start = [0.5, -1.5]
[[run]]
kind = "dirac"
method = "wgan_clip"
clip = 0.2
)";
    const SceneSpec scene = parseSceneText(text, "dirac.toml", ".");
    REQUIRE(scene.runs.size() == 2);
    CHECK(kindOf(scene.runs[0]) == RunKind::DiracGan);
    CHECK(diracOf(scene.runs[0])->method == DiracMethod::Consensus);
    CHECK(diracOf(scene.runs[0])->scheme == DiracScheme::Alternating);
    CHECK(diracOf(scene.runs[0])->n_d == 3);
    CHECK(diracOf(scene.runs[0])->theta0 == doctest::Approx(0.5));
    CHECK(diracOf(scene.runs[0])->psi0 == doctest::Approx(-1.5));
    CHECK(diracOf(scene.runs[1])->clip == doctest::Approx(0.2));
    CHECK(scene.runs[0].name == "Consensus (alternating)");
    CHECK_FALSE(sceneUsesData(scene));
    const SceneSpec again = parseSceneText(sceneToToml(scene), "again.toml", ".");
    CHECK(again == scene);

    // A toy key in a Dirac run is refused with the file, line and key.
    try {
        parseSceneText("[[run]]\nkind = \"dirac\"\nmethod = \"r1\"\nobjective = \"minimax\"\n", "bad.toml", ".");
        FAIL("a toy key in a Dirac run must be refused");
    } catch (const SceneError& e) {
        const std::string message = e.what();
        CHECK(message.find("bad.toml:4") != std::string::npos);
        CHECK(message.find("objective") != std::string::npos);
    }
    // A misspelt method names the choices.
    try {
        parseSceneText("[[run]]\nkind = \"dirac\"\nmethod = \"concensus\"\n", "bad.toml", ".");
        FAIL("an unknown method must be refused");
    } catch (const SceneError& e) {
        CHECK(std::string(e.what()).find("consensus") != std::string::npos);
    }
    // Toy runs still need [data].
    CHECK_THROWS_AS(parseSceneText("[[run]]\nobjective = \"minimax\"\n", "toy.toml", "."), SceneError);
}
