// test_divergences.cpp — JS/KL against closed forms: disjoint supports give
// log 2, identical distributions ~0, Gaussian KL matches its formula.
#include <doctest/doctest.h>

#include <cmath>

#include "core/metrics.h"

using namespace ganarium;

namespace {

// KL(N(m1, s1^2) || N(m2, s2^2)).
double gaussianKl(double m1, double s1, double m2, double s2) {
    return std::log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5;
}

std::vector<double> tabulate(double m, double s, double x0, double x1, int n) {
    std::vector<double> out(n);
    for (int i = 0; i < n; ++i) {
        const double x = x0 + (i + 0.5) * (x1 - x0) / n;
        out[i] = std::exp(-0.5 * (x - m) * (x - m) / (s * s)) / s;
    }
    return out;
}

DataSpec gaussian1d(double mean, double std) {
    DataSpec d;
    d.family = DataFamily::Gaussian1D;
    d.mean = mean;
    d.std = std;
    return d;
}

}  // namespace

TEST_CASE("divergencesOfGrids: disjoint, identical, Gaussian KL") {
    std::vector<double> p(100, 0.0), q(100, 0.0);
    for (int i = 0; i < 40; ++i) p[i] = 1.0 + i;
    for (int i = 60; i < 100; ++i) q[i] = 2.0;
    const Divergences disjoint = divergencesOfGrids(p, q);
    CHECK(disjoint.js == doctest::Approx(std::log(2.0)).epsilon(1e-9));
    CHECK(disjoint.kl_pq > 5);

    const Divergences same = divergencesOfGrids(p, p);
    CHECK(same.js == doctest::Approx(0.0));
    CHECK(same.kl_pq == doctest::Approx(0.0));

    const auto a = tabulate(0.0, 1.0, -10, 10, 4000), b = tabulate(1.0, 1.5, -10, 10, 4000);
    const Divergences g = divergencesOfGrids(a, b);
    CHECK(g.kl_pq == doctest::Approx(gaussianKl(0, 1, 1, 1.5)).epsilon(0.01));
    CHECK(g.kl_qp == doctest::Approx(gaussianKl(1, 1.5, 0, 1)).epsilon(0.01));
    CHECK(g.js > 0);
    CHECK(g.js < std::log(2.0));
}

TEST_CASE("divergencesAgainstSamples: disjoint supports give log 2 (1D and 2D)") {
    auto data = makeDistribution(gaussian1d(3.0, 0.25));
    Rng rng(1);
    auto fake = sampleVector(*makeDistribution(gaussian1d(0.0, 0.1)), 2000, rng);
    const Divergences d1 = divergencesAgainstSamples(*data, fake, 1, Bounds{-2, 5, 0, 1});
    CHECK(std::abs(d1.js - std::log(2.0)) < 0.01);

    DataSpec ring;
    ring.family = DataFamily::Ring;
    ring.modes = 8;
    ring.radius = 2;
    ring.std = 0.05;
    DataSpec blob;
    blob.family = DataFamily::Gaussian2D;
    blob.std = 0.1;
    auto fake2 = sampleVector(*makeDistribution(blob), 2000, rng);
    const Divergences d2 = divergencesAgainstSamples(*makeDistribution(ring), fake2, 2, Bounds{-3, 3, -3, 3});
    CHECK(std::abs(d2.js - std::log(2.0)) < 0.01);
}

TEST_CASE("divergencesAgainstSamples: samples of P_data itself give small JS") {
    Rng rng(2);
    auto data = makeDistribution(gaussian1d(1.0, 0.5));
    const Divergences d1 = divergencesAgainstSamples(*data, sampleVector(*data, 2500, rng), 1, Bounds{-2, 4, 0, 1});
    CHECK(d1.js < 0.01);
    DataSpec ring;
    ring.family = DataFamily::Ring;
    ring.modes = 8;
    ring.radius = 2;
    ring.std = 0.05;
    auto r = makeDistribution(ring);
    const Divergences d2 = divergencesAgainstSamples(*r, sampleVector(*r, 2500, rng), 2, Bounds{-3, 3, -3, 3});
    CHECK(d2.js < 0.03);
}

TEST_CASE("divergencesAgainstSamples: Gaussian KL against samples (loose)") {
    Rng rng(3);
    auto p = makeDistribution(gaussian1d(0.0, 1.0));
    auto fake = sampleVector(*makeDistribution(gaussian1d(1.0, 1.5)), 20000, rng);
    const Divergences d = divergencesAgainstSamples(*p, fake, 1, Bounds{-8, 8, 0, 1});
    // Both sides are smoothed by the same small kernel, which shrinks KL a little.
    CHECK(d.kl_pq == doctest::Approx(gaussianKl(0, 1, 1, 1.5)).epsilon(0.15));
    CHECK(d.kl_qp == doctest::Approx(gaussianKl(1, 1.5, 0, 1)).epsilon(0.15));
}

TEST_CASE("kernelDensity integrates to 1 and peaks at the samples") {
    Rng rng(4);
    auto s = sampleVector(*makeDistribution(gaussian1d(0.0, 1.0)), 5000, rng);
    const FieldGrid g = kernelDensity(s, 1, Bounds{-6, 6, 0, 1}, 240, 1);
    REQUIRE(g.ny == 1);
    double mass = 0;
    for (float v : g.values) mass += v * 12.0 / 240;
    CHECK(mass == doctest::Approx(1.0).epsilon(0.01));
    CHECK(g.values[120] == doctest::Approx(1 / std::sqrt(2 * M_PI)).epsilon(0.08));
}

TEST_CASE("optimal discriminator and gap") {
    CHECK(optimalDiscriminator(3, 1) == doctest::Approx(0.75));
    CHECK(optimalDiscriminator(0, 2) == doctest::Approx(0.0));
    CHECK(optimalDiscriminator(0, 0) == doctest::Approx(0.5));
    const std::vector<float> d = {0.5f, 0.9f, 0.1f, 0.7f}, ds = {0.5f, 0.8f, 0.4f, 0.0f};
    const std::vector<float> p = {1, 1, 1, 0}, q = {1, 1, 1, 0};
    // The last cell has no mass and is ignored: mean of 0, 0.1, 0.3.
    CHECK(optimalGap(d, ds, p, q) == doctest::Approx(0.4 / 3).epsilon(1e-5));
}

TEST_CASE("divergencesAgainstSamples: dropping half the ring's modes gives the exact JS") {
    // p = 1/8 on each of 8 modes, q = 1/4 on every other mode, modes well separated:
    // m = 3/16 on the kept modes, 1/16 on the dropped ones; JS = 0.2158.
    const double exact = 0.5 * (0.5 * std::log((1.0 / 8) / (3.0 / 16)) + 0.5 * std::log((1.0 / 8) / (1.0 / 16))) +
                         0.5 * std::log((1.0 / 4) / (3.0 / 16));
    DataSpec ring;
    ring.family = DataFamily::Ring;
    ring.modes = 8;
    ring.radius = 2;
    ring.std = 0.05;
    DataSpec half;
    half.family = DataFamily::Blobs2D;
    half.std = 0.05;
    for (int k = 0; k < 8; k += 2) {
        half.means.push_back(2 * std::cos(2 * M_PI * k / 8));
        half.means.push_back(2 * std::sin(2 * M_PI * k / 8));
    }
    Rng rng(9);
    const auto fake = sampleVector(*makeDistribution(half), 2500, rng);
    const Divergences d = divergencesAgainstSamples(*makeDistribution(ring), fake, 2, Bounds{-3, 3, -3, 3});
    CHECK(d.js == doctest::Approx(exact).epsilon(0.05));
    // A generator spread uniformly around the circle misses the mode structure: JS must say so
    // (Scott's rule uncapped would smooth the modes away and read ~0.03 here).
    std::vector<float> circle;
    for (int i = 0; i < 2500; ++i) {
        const double a = 2 * M_PI * rng.uniform();
        circle.push_back(static_cast<float>(2 * std::cos(a) + 0.05 * rng.normal()));
        circle.push_back(static_cast<float>(2 * std::sin(a) + 0.05 * rng.normal()));
    }
    CHECK(divergencesAgainstSamples(*makeDistribution(ring), circle, 2, Bounds{-3, 3, -3, 3}).js > 0.3);
    // The precomputed-grid overload gives the same numbers.
    const auto grid = dataGridForDivergences(*makeDistribution(ring), 2, Bounds{-3, 3, -3, 3});
    CHECK(divergencesAgainstSamples(grid, fake, 2, Bounds{-3, 3, -3, 3}).js == doctest::Approx(d.js));
}
