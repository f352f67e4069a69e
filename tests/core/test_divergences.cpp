// test_divergences.cpp — JS/KL against closed forms: disjoint supports give
// log 2, identical distributions ~0, Gaussian KL matches its formula at the
// metric sample size; 2D JS against Monte-Carlo references below a grid cell.
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

// The divergences of `fake` against `data` as an evaluation computes them (2500 real samples drawn here).
Divergences against(const Distribution& data, const std::vector<float>& fake, const Bounds& box, Rng& rng) {
    return divergencesAgainstSamples(data, sampleVector(data, 2500, rng), fake, data.dim(), box);
}

std::vector<float> rotated(std::vector<float> v, double radians) {
    const double c = std::cos(radians), s = std::sin(radians);
    for (size_t i = 0; i + 1 < v.size(); i += 2) {
        const double x = v[i], y = v[i + 1];
        v[i] = static_cast<float>(c * x - s * y);
        v[i + 1] = static_cast<float>(s * x + c * y);
    }
    return v;
}

// JS(P, Q) by Monte Carlo from both analytic densities: 1/2 E_P log(2p/(p+q)) + 1/2 E_Q log(2q/(p+q)).
template <class QDensity, class QSample>
double monteCarloJs(const Distribution& p, QDensity q_density, QSample q_sample, int n, Rng& rng) {
    const auto ps = sampleVector(p, n, rng);
    const auto qs = q_sample(n, rng);
    double js = 0;
    for (int i = 0; i < n; ++i) {
        const double x[2] = {ps[2 * i], ps[2 * i + 1]}, y[2] = {qs[2 * i], qs[2 * i + 1]};
        const double px = p.density(x), qx = q_density(x), py = p.density(y), qy = q_density(y);
        js += 0.5 * std::log(2 * px / (px + qx)) + (qy > 0 ? 0.5 * std::log(2 * qy / (py + qy)) : 0.0);
    }
    return js / n;
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
    const Divergences d1 = against(*data, fake, Bounds{-2, 5, 0, 1}, rng);
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
    const Divergences d2 = against(*makeDistribution(ring), fake2, Bounds{-3, 3, -3, 3}, rng);
    CHECK(std::abs(d2.js - std::log(2.0)) < 0.01);
    // Disjoint: both KLs large but finite (the uniform floor).
    CHECK(d2.kl_pq > 10);
    CHECK(d2.kl_qp > 10);
    CHECK(std::isfinite(d2.kl_pq));
}

TEST_CASE("divergencesAgainstSamples: samples of P_data itself give small JS") {
    Rng rng(2);
    auto data = makeDistribution(gaussian1d(1.0, 0.5));
    const Divergences d1 = against(*data, sampleVector(*data, 2500, rng), Bounds{-2, 4, 0, 1}, rng);
    CHECK(d1.js < 0.01);
    CHECK(d1.kl_pq < 0.02);
    CHECK(d1.kl_qp < 0.02);
    DataSpec ring;
    ring.family = DataFamily::Ring;
    ring.modes = 8;
    ring.radius = 2;
    ring.std = 0.05;
    auto r = makeDistribution(ring);
    const Divergences d2 = against(*r, sampleVector(*r, 2500, rng), Bounds{-3, 3, -3, 3}, rng);
    CHECK(d2.js < 0.03);
    CHECK(d2.kl_pq < 0.05);
}

TEST_CASE("divergencesAgainstSamples: Gaussian KL against samples (different widths)") {
    Rng rng(3);
    auto p = makeDistribution(gaussian1d(0.0, 1.0));
    auto fake = sampleVector(*makeDistribution(gaussian1d(1.0, 1.5)), 2500, rng);
    const Divergences d = against(*p, fake, Bounds{-8, 8, 0, 1}, rng);
    CHECK(d.kl_pq == doctest::Approx(gaussianKl(0, 1, 1, 1.5)).epsilon(0.10));
    CHECK(d.kl_qp == doctest::Approx(gaussianKl(1, 1.5, 0, 1)).epsilon(0.10));
}

TEST_CASE("divergencesAgainstSamples: KL(P_data || P_G) of shifted Gaussians is d^2/2 within 10%") {
    // P_data = N(0, 1), P_G = N(d, 1) from 2500 samples (one evaluation), the box a view would have.
    // The old grid estimator read 0.168 / 0.625 / 7.03 here (thin KDE tails where P_data has mass).
    auto p = makeDistribution(gaussian1d(0.0, 1.0));
    for (double d : {0.5, 1.0, 3.0}) {
        CAPTURE(d);
        Rng rng(21);
        double kl_pq = 0, kl_qp = 0;
        const int evaluations = 4;
        for (int e = 0; e < evaluations; ++e) {
            const auto fake = sampleVector(*makeDistribution(gaussian1d(d, 1.0)), 2500, rng);
            const Divergences div = against(*p, fake, Bounds{-4.5, 4.5 + d, 0, 1}, rng);
            kl_pq += div.kl_pq / evaluations;
            kl_qp += div.kl_qp / evaluations;
        }
        CHECK(kl_pq == doctest::Approx(d * d / 2).epsilon(0.10));
        CHECK(kl_qp == doctest::Approx(d * d / 2).epsilon(0.10));
    }
}

TEST_CASE("divergencesAgainstSamples: 2D JS resolves differences below the old grid cell (Monte-Carlo reference)") {
    // The default ring (8 modes, radius 2, std 0.02): rotating it by 1 degree moves each mode 0.035,
    // about half of the old 96 x 96 grid's 0.0625 cell; the old estimate read 0.031 for 0.279.
    DataSpec ring_spec;
    ring_spec.family = DataFamily::Ring;
    const auto ring = makeDistribution(ring_spec);
    const double angle = M_PI / 180;
    auto rotated_density = [&](const double* x) {
        const double back[2] = {std::cos(angle) * x[0] + std::sin(angle) * x[1],
                                -std::sin(angle) * x[0] + std::cos(angle) * x[1]};
        return ring->density(back);
    };
    auto rotated_samples = [&](int n, Rng& r) { return rotated(sampleVector(*ring, n, r), angle); };
    Rng reference_rng(77);
    const double rotated_js = monteCarloJs(*ring, rotated_density, rotated_samples, 100000, reference_rng);
    CHECK(rotated_js == doctest::Approx(0.279).epsilon(0.03));  // the independent value
    Rng rng(5);
    const Divergences rot = against(*ring, rotated_samples(2500, rng), Bounds{-3, 3, -3, 3}, rng);
    CHECK(rot.js == doctest::Approx(rotated_js).epsilon(0.10));

    // A broad N(0, 1.2^2) generator against the ring (the old estimate read 0.630 for 0.682).
    DataSpec broad_spec;
    broad_spec.family = DataFamily::Gaussian2D;
    broad_spec.std = 1.2;
    const auto broad = makeDistribution(broad_spec);
    auto broad_samples = [&](int n, Rng& r) { return sampleVector(*broad, n, r); };
    const double broad_js =
        monteCarloJs(*ring, [&](const double* x) { return broad->density(x); }, broad_samples, 100000, reference_rng);
    const Divergences wide = against(*ring, broad_samples(2500, rng), Bounds{-3, 3, -3, 3}, rng);
    CHECK(wide.js == doctest::Approx(broad_js).epsilon(0.02));
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
    const Divergences d = against(*makeDistribution(ring), fake, Bounds{-3, 3, -3, 3}, rng);
    CHECK(d.js == doctest::Approx(exact).epsilon(0.05));
    // A generator spread uniformly around the circle misses the mode structure: JS must say so.
    std::vector<float> circle;
    for (int i = 0; i < 2500; ++i) {
        const double a = 2 * M_PI * rng.uniform();
        circle.push_back(static_cast<float>(2 * std::cos(a) + 0.05 * rng.normal()));
        circle.push_back(static_cast<float>(2 * std::sin(a) + 0.05 * rng.normal()));
    }
    CHECK(against(*makeDistribution(ring), circle, Bounds{-3, 3, -3, 3}, rng).js > 0.3);
}
