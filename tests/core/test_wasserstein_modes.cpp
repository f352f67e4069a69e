// test_wasserstein_modes.cpp — exact W1 (shift, brute force) and the
// VEEGAN/PacGAN mode statistics on hand-made sample sets; timing printout.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/metrics.h"

using namespace ganarium;

TEST_CASE("W1 of a 1D sample set and its shift is the shift") {
    Rng rng(5);
    std::vector<float> a(500), b(500);
    for (auto& v : a) v = static_cast<float>(rng.normal());
    for (size_t i = 0; i < a.size(); ++i) b[i] = a[i] + 0.75f;
    std::reverse(b.begin(), b.end());
    CHECK(wasserstein1D(a, b) == doctest::Approx(0.75).epsilon(1e-5));
    // Unequal sizes: {0, 1} vs {0, 0, 1, 1, 1, 1}... W1 between 1/2-1/2 and 1/3-2/3 point masses = 1/6.
    CHECK(wasserstein1D({0.f, 1.f}, {0.f, 0.f, 1.f, 1.f, 1.f, 1.f}) == doctest::Approx(1.0 / 6).epsilon(1e-9));
}

TEST_CASE("W1 in 2D: a translated copy costs the translation") {
    Rng rng(6);
    const int n = 128;
    std::vector<float> a(2 * n), b(2 * n);
    for (int i = 0; i < n; ++i) {
        a[2 * i] = static_cast<float>(rng.normal());
        a[2 * i + 1] = static_cast<float>(rng.normal());
    }
    // b = a shifted by (0.3, 0.4) (length 0.5), in a scrambled order.
    for (int i = 0; i < n; ++i) {
        const int j = (i * 37) % n;
        b[2 * j] = a[2 * i] + 0.3f;
        b[2 * j + 1] = a[2 * i + 1] + 0.4f;
    }
    CHECK(wasserstein2D(a, b) == doctest::Approx(0.5).epsilon(1e-5));
}

TEST_CASE("W1 in 2D equals brute force over all permutations (n = 6)") {
    Rng rng(7);
    for (int trial = 0; trial < 5; ++trial) {
        const int n = 6;
        std::vector<float> a(2 * n), b(2 * n);
        for (auto& v : a) v = static_cast<float>(rng.normal());
        for (auto& v : b) v = static_cast<float>(rng.normal() + 0.5);
        std::vector<int> perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        double best = 1e300;
        do {
            double c = 0;
            for (int i = 0; i < n; ++i)
                c += std::hypot(double(a[2 * i]) - b[2 * perm[i]], double(a[2 * i + 1]) - b[2 * perm[i] + 1]);
            best = std::min(best, c / n);
        } while (std::next_permutation(perm.begin(), perm.end()));
        CHECK(wasserstein2D(a, b) == doctest::Approx(best).epsilon(1e-9));
    }
}

namespace {

// Fastest of `reps` calls of fn, in ms (the minimum is the least disturbed by other processes).
template <typename Fn>
double fastestMs(int reps, Fn fn) {
    double best = 1e300;
    for (int r = 0; r < reps; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
}

}  // namespace

TEST_CASE("timing of the per-evaluation metrics (printed)") {
    Rng rng(8);
    for (int n : {256, 512}) {
        std::vector<float> a(2 * n), b(2 * n);
        for (auto& v : a) v = static_cast<float>(rng.normal());
        for (auto& v : b) v = static_cast<float>(rng.normal());
        double w = 0;
        const double ms = fastestMs(3, [&] { w = wasserstein2D(a, b); });
        std::printf("[timing] wasserstein2D n=%d: %.2f ms, fastest of 3 (W1 %.3f)\n", n, ms, w);
        CHECK(w > 0);
    }
    DataSpec ring;
    ring.family = DataFamily::Ring;
    auto r = makeDistribution(ring);
    DataSpec g1;
    g1.family = DataFamily::Mixture1D;
    g1.means = {-1, 1};
    g1.std = 0.2;
    auto m = makeDistribution(g1);
    DataSpec roll;
    roll.family = DataFamily::SwissRoll;
    auto sr = makeDistribution(roll);
    struct Case {
        const char* name;
        const Distribution* dist;
        int dim;
        Bounds box;
    };
    for (const Case& c : {Case{"1D mixture", m.get(), 1, Bounds{-3, 3, 0, 1}},
                          Case{"2D ring", r.get(), 2, Bounds{-3, 3, -3, 3}},
                          Case{"2D swiss roll", sr.get(), 2, Bounds{-2.5, 2.5, -2.5, 2.5}}}) {
        const auto fake = sampleVector(*c.dist, 2500, rng);
        const auto real = sampleVector(*c.dist, 2500, rng);
        Divergences d, again;
        const double ms = fastestMs(3, [&] { d = divergencesAgainstSamples(*c.dist, real, fake, c.dim, c.box); });
        again = divergencesAgainstSamples(*c.dist, real, fake, c.dim, c.box);
        std::printf("[timing] divergencesAgainstSamples %s, 2500 samples: %.2f ms (JS %.4f)\n", c.name, ms, d.js);
        CHECK(d.js >= 0);
        CHECK(d.js < 0.03);  // samples of P_data itself
        CHECK(again.js == d.js);  // deterministic
    }
    // The snapshot builder judges the displayed fakes (up to 1024) against grid25's 25 modes every picture.
    std::vector<Mode> grid;
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) grid.push_back({-4.0 + 2.0 * i, -4.0 + 2.0 * j, 0.05});
    std::vector<float> dots(2 * 1024);
    for (auto& v : dots) v = static_cast<float>(4.0 * rng.normal());
    ModeMarkers markers{2, grid, {}};
    const double mode_ms = fastestMs(5, [&] { judgeModeMarkers(markers, dots, 2); });
    std::printf("[timing] judgeModeMarkers 1024 dots x 25 modes: %.3f ms, fastest of 5\n", mode_ms);
    CHECK(markers.covered.size() == 25);
}

TEST_CASE("mode statistics on hand-made samples") {
    const std::vector<Mode> modes = {{0, 0, 0.1}, {2, 0, 0.1}, {0, 2, 0.1}, {2, 2, 0.1}};
    const std::vector<double> weights = {1, 1, 1, 1};
    // 3 samples near mode 0, 1 near mode 1, 1 far from everything (not high quality).
    const std::vector<float> s = {0.05f, 0.0f, -0.1f, 0.1f, 0.0f, 0.25f, 2.1f, 0.0f, 1.0f, 1.0f};
    const ModeStats st = modeStatistics(modes, weights, s, 2);
    CHECK(st.modes_covered == 2);
    CHECK(st.covered == std::vector<bool>{true, true, false, false});
    CHECK(st.hq_share == doctest::Approx(0.8));
    // q = (3/4, 1/4, 0, 0), p uniform: KL(q||p) = 3/4 log 3 + 1/4 log 1 ... / (1/4).
    const double rkl = 0.75 * std::log(0.75 / 0.25) + 0.25 * std::log(0.25 / 0.25);
    CHECK(st.mode_rkl == doctest::Approx(rkl));

    // Perfectly balanced samples: every mode covered, reverse KL 0.
    const std::vector<float> even = {0, 0, 2, 0, 0, 2, 2, 2};
    const ModeStats all = modeStatistics(modes, weights, even, 2);
    CHECK(all.modes_covered == 4);
    CHECK(all.hq_share == doctest::Approx(1.0));
    CHECK(all.mode_rkl == doctest::Approx(0.0));

    // 1D: two modes, weights 1:3, samples only at the first.
    const ModeStats one = modeStatistics({{-1, 0, 0.2}, {1, 0, 0.2}}, {1, 3}, {-1.0f, -0.9f}, 1);
    CHECK(one.modes_covered == 1);
    CHECK(one.mode_rkl == doctest::Approx(std::log(4.0)));
}

TEST_CASE("mode markers judged from the samples on screen: covered flags and high-quality share") {
    ModeMarkers markers{2, {{0, 0, 0.1}, {2, 0, 0.1}, {0, 2, 0.1}}, {false, false, true}};
    markers.hq_share = 0.9;  // a stale verdict (e.g. the last metric evaluation)
    // Two dots on mode 0, one on mode 1, one between modes (not high quality); mode 2 has none.
    const std::vector<float> dots = {0.0f, 0.05f, -0.05f, 0.0f, 2.0f, 0.1f, 1.0f, 1.0f};
    judgeModeMarkers(markers, dots, 2);
    CHECK(markers.covered == std::vector<bool>{true, true, false});
    CHECK(markers.coveredCount() == 2);
    CHECK(markers.hq_share == doctest::Approx(0.75));

    // A diffuse blob: a dot near every mode, but most dots far from all of them.
    std::vector<float> blob = {0.0f, 0.0f, 2.0f, 0.0f, 0.0f, 2.0f};
    for (int i = 0; i < 17; ++i) blob.insert(blob.end(), {1.0f + 0.01f * i, 1.0f});
    judgeModeMarkers(markers, blob, 2);
    CHECK(markers.coveredCount() == 3);
    CHECK(markers.hq_share == doctest::Approx(3.0 / 20.0));

    // No samples: the markers keep what they said.
    judgeModeMarkers(markers, {}, 2);
    CHECK(markers.coveredCount() == 3);
    CHECK(markers.hq_share == doctest::Approx(0.15));
}
