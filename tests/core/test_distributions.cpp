// test_distributions.cpp — every family: densities integrate to 1, sample
// moments match the density's moments, mixtures expose their modes.
#include <doctest/doctest.h>

#include <cmath>

#include "core/distribution.h"
#include "core/errors.h"

using namespace ganarium;

namespace {

// All families with parameters that exercise them.
std::vector<DataSpec> allFamilies() {
    std::vector<DataSpec> out;
    DataSpec d;
    d.family = DataFamily::Gaussian1D;
    d.mean = 1.5;
    d.std = 0.4;
    out.push_back(d);
    d = {};
    d.family = DataFamily::Mixture1D;
    d.weights = {1, 3};
    d.means = {-1, 2};
    d.stds = {0.3, 0.5};
    out.push_back(d);
    d = {};
    d.family = DataFamily::Uniform1D;
    d.low = -0.5;
    d.high = 2;
    out.push_back(d);
    d = {};
    d.family = DataFamily::TwoIntervals1D;
    d.low = -2;
    d.high = -1;
    d.low2 = 1;
    d.high2 = 3;
    out.push_back(d);
    for (DataFamily f : {DataFamily::Ring, DataFamily::Grid, DataFamily::SwissRoll, DataFamily::TwoMoons,
                         DataFamily::Spiral, DataFamily::Circles, DataFamily::Gaussian2D, DataFamily::Line}) {
        d = {};
        d.family = f;
        d.std = 0.1;
        d.noise = 0.08;
        d.grid_n = 3;
        d.center = {0.5, -0.3};
        out.push_back(d);
    }
    d = {};
    d.family = DataFamily::Blobs2D;
    d.means = {0, 0, 1, 1, -1, 0.5};
    d.stds = {0.1, 0.2, 0.15};
    d.weights = {1, 2, 1};
    out.push_back(d);
    d = {};
    d.family = DataFamily::Points2D;
    d.points = {0, 0, 1, 0, 0.5, 0.8};
    d.noise = 0.1;
    out.push_back(d);
    // Many components: the bucketed evaluation path.
    d = {};
    d.family = DataFamily::Points2D;
    d.noise = 0.07;
    for (int i = 0; i < 60; ++i) {
        d.points.push_back(std::sin(i * 1.7) * 1.5);
        d.points.push_back(std::cos(i * 0.9) * 1.2);
    }
    out.push_back(d);
    d = {};
    d.family = DataFamily::Grid;
    d.grid_n = 5;
    d.std = 0.08;
    out.push_back(d);
    return out;
}

struct Moments {
    double mass = 0, mx = 0, my = 0, vx = 0, vy = 0;
};

// Moments of the density by the cell-mass rule on a fine grid over bounds().
Moments densityMoments(const Distribution& dist) {
    const Bounds b = dist.bounds();
    Moments m;
    const int n = dist.dim() == 1 ? 4000 : 300, ny = dist.dim() == 1 ? 1 : 300;
    const double cw = (b.x1 - b.x0) / n, ch = (b.y1 - b.y0) / ny;
    double sx = 0, sy = 0, sxx = 0, syy = 0;
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < n; ++i) {
            const double lo[2] = {b.x0 + i * cw, b.y0 + j * ch}, hi[2] = {lo[0] + cw, lo[1] + ch};
            const double w = dist.cellMass(lo, hi);
            const double x = lo[0] + 0.5 * cw, y = lo[1] + 0.5 * ch;
            m.mass += w;
            sx += w * x;
            sy += w * y;
            sxx += w * x * x;
            syy += w * y * y;
        }
    }
    m.mx = sx / m.mass;
    m.my = sy / m.mass;
    m.vx = sxx / m.mass - m.mx * m.mx;
    m.vy = syy / m.mass - m.my * m.my;
    return m;
}

Moments sampleMoments(const std::vector<float>& s, int dim) {
    Moments m;
    const size_t n = s.size() / dim;
    double sx = 0, sy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; ++i) {
        const double x = s[i * dim], y = dim == 2 ? s[i * dim + 1] : 0;
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
    }
    m.mass = 1;
    m.mx = sx / n;
    m.my = sy / n;
    m.vx = sxx / n - m.mx * m.mx;
    m.vy = syy / n - m.my * m.my;
    return m;
}

}  // namespace

TEST_CASE("every family: density integrates to 1 and sample moments match it") {
    for (const DataSpec& spec : allFamilies()) {
        CAPTURE(familyName(spec.family));
        auto dist = makeDistribution(spec);
        REQUIRE(dist->hasDensity());
        CHECK(dist->dim() == familyDimension(spec.family));
        const Moments dm = densityMoments(*dist);
        CHECK(dm.mass == doctest::Approx(1.0).epsilon(0.01));
        // The point density agrees with the cell mass at the peak region.
        Rng rng(42);
        const int n = 40000;
        const Moments sm = sampleMoments(sampleVector(*dist, n, rng), dist->dim());
        const double sdx = std::sqrt(dm.vx), sdy = std::sqrt(std::max(dm.vy, 1e-12));
        CHECK(std::abs(sm.mx - dm.mx) < 0.03 * sdx + 1e-3);
        CHECK(sm.vx == doctest::Approx(dm.vx).epsilon(0.04));
        if (dist->dim() == 2) {
            CHECK(std::abs(sm.my - dm.my) < 0.03 * sdy + 1e-3);
            CHECK(sm.vy == doctest::Approx(dm.vy).epsilon(0.04));
        }
    }
}

TEST_CASE("point density and cell mass agree") {
    for (const DataSpec& spec : allFamilies()) {
        CAPTURE(familyName(spec.family));
        auto dist = makeDistribution(spec);
        const Bounds b = dist->bounds();
        Rng rng(3);
        for (int t = 0; t < 20; ++t) {
            const double x[2] = {b.x0 + (b.x1 - b.x0) * rng.uniform(), b.y0 + (b.y1 - b.y0) * rng.uniform()};
            const double h = 1e-4;
            const double lo[2] = {x[0] - h, x[1] - h}, hi[2] = {x[0] + h, x[1] + h};
            const double area = dist->dim() == 1 ? 2 * h : 4 * h * h;
            const double p = dist->density(x);
            // Skip points on a uniform's edge, where the density jumps.
            if (spec.family == DataFamily::Uniform1D || spec.family == DataFamily::TwoIntervals1D) continue;
            CHECK(dist->cellMass(lo, hi) / area == doctest::Approx(p).epsilon(1e-3).scale(1e-6));
        }
    }
}

TEST_CASE("closed-form densities") {
    DataSpec d;
    d.family = DataFamily::Gaussian1D;
    d.mean = 1;
    d.std = 2;
    double x = 1;
    CHECK(makeDistribution(d)->density(&x) == doctest::Approx(1 / (2 * std::sqrt(2 * M_PI))));
    d = {};
    d.family = DataFamily::TwoIntervals1D;
    d.low = 0;
    d.high = 1;
    d.low2 = 2;
    d.high2 = 4;
    auto two = makeDistribution(d);
    x = 0.5;
    CHECK(two->density(&x) == doctest::Approx(0.5));
    x = 3;
    CHECK(two->density(&x) == doctest::Approx(0.25));
    x = 1.5;
    CHECK(two->density(&x) == 0);
}

TEST_CASE("mixtures expose modes and normalised weights") {
    DataSpec d;
    d.family = DataFamily::Ring;
    d.modes = 8;
    d.radius = 2;
    d.std = 0.05;
    auto ring = makeDistribution(d);
    const auto modes = ring->modes();
    REQUIRE(modes.size() == 8);
    CHECK(modes[0].x == doctest::Approx(2.0));
    CHECK(modes[2].y == doctest::Approx(2.0));
    CHECK(modes[0].std == doctest::Approx(0.05));
    CHECK(ring->modeWeights()[3] == doctest::Approx(0.125));
    d = {};
    d.family = DataFamily::Grid;
    d.grid_n = 5;
    CHECK(makeDistribution(d)->modes().size() == 25);
    d = {};
    d.family = DataFamily::Mixture1D;
    d.weights = {1, 3};
    d.means = {0, 1};
    d.std = 0.1;
    auto mix = makeDistribution(d);
    CHECK(mix->modeWeights()[1] == doctest::Approx(0.75));
    d = {};
    d.family = DataFamily::SwissRoll;
    CHECK(makeDistribution(d)->modes().empty());
}

TEST_CASE("bad parameters throw SceneError") {
    DataSpec d;
    d.family = DataFamily::Gaussian1D;
    d.std = 0;
    CHECK_THROWS_AS(makeDistribution(d), SceneError);
    d = {};
    d.family = DataFamily::Mixture1D;
    d.means = {0, 1};
    d.weights = {1};
    CHECK_THROWS_WITH_AS(makeDistribution(d), doctest::Contains("weights"), SceneError);
    d = {};
    d.family = DataFamily::TwoIntervals1D;
    d.low = 0;
    d.high = 2;
    d.low2 = 1;
    d.high2 = 3;
    CHECK_THROWS_WITH_AS(makeDistribution(d), doctest::Contains("overlap"), SceneError);
    d = {};
    d.family = DataFamily::Points2D;
    CHECK_THROWS_WITH_AS(makeDistribution(d), doctest::Contains("no points"), SceneError);
}

TEST_CASE("bucketed mixture density equals the plain sum") {
    DataSpec d;
    d.family = DataFamily::Points2D;
    d.noise = 0.1;
    Rng rng(11);
    for (int i = 0; i < 100; ++i) d.points.push_back(4 * rng.uniform() - 2);
    auto dist = makeDistribution(d);
    for (int t = 0; t < 200; ++t) {
        const double x[2] = {5 * rng.uniform() - 2.5, 5 * rng.uniform() - 2.5};
        double sum = 0;
        for (size_t i = 0; i < d.points.size(); i += 2) {
            const double dx = x[0] - d.points[i], dy = x[1] - d.points[i + 1];
            sum += std::exp(-0.5 * (dx * dx + dy * dy) / 0.01) / (2 * M_PI * 0.01) / 50;
        }
        CHECK(std::abs(dist->density(x) - sum) <= 1e-9 * sum + 1e-15);  // components beyond 9 std are skipped
    }
}

TEST_CASE("a big blurred point set's density comes from a grid and matches the exact kernel sum") {
    // 30,000 points (above the 20,000 where the density is tabulated), noise 0.05.
    DataSpec d;
    d.family = DataFamily::Points2D;
    d.noise = 0.05;
    const int n = 30000;
    for (int i = 0; i < n; ++i) {
        const double t = i * 0.61803398875;
        d.points.push_back(std::cos(t * 2.0) * (0.5 + 0.5 * std::fmod(t, 1.0)));
        d.points.push_back(std::sin(t * 2.0) * (0.5 + 0.5 * std::fmod(t, 1.0)));
    }
    const auto dist = makeDistribution(d);
    double worst = 0, peak = 0;
    for (int q = 0; q < 60; ++q) {
        const double x[2] = {-1.2 + 0.04 * q, 0.3 - 0.013 * q};
        double exact = 0;
        for (int i = 0; i < n; ++i) {
            const double dx = (x[0] - d.points[2 * i]) / d.noise, dy = (x[1] - d.points[2 * i + 1]) / d.noise;
            exact += std::exp(-0.5 * (dx * dx + dy * dy)) / (2 * M_PI * d.noise * d.noise) / n;
        }
        peak = std::max(peak, exact);
        worst = std::max(worst, std::abs(dist->density(x) - exact));
    }
    REQUIRE(peak > 0.1);
    CHECK(worst < 0.03 * peak);  // binning at std/4 widens the kernel by ~1%
    const double far[2] = {5.0, 5.0};
    CHECK(dist->density(far) == 0.0);
}
