// divergences.cpp — JS and both KLs between analytic P_data and the
// generator's samples without a grid: P_G's density is an adaptive kernel
// estimate of the fakes (adaptive_kde.h), evaluated where the expectations
// need it. Also the same divergences between two tabulated densities.
// Definitions and their caveats: docs/metrics.md.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/adaptive_kde.h"
#include "core/metrics.h"

namespace ganarium {
namespace {

constexpr double kUniformMix = 1e-6;  // share of a uniform (over the box) mixed into both densities for KL
constexpr int kQuadratureCells1D = 512;
constexpr size_t kQueries2D = 400;  // points of each side the 2D expectations average over (cost vs noise)
constexpr size_t kFakeQueries1D = 1000;  // fakes the 1D E_Q averages over
constexpr double kMaxLogCorrection = 0.2;  // cap of the delta-method correction of log q (tails: one kernel)
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Running sums of the divergence integrands: E_P over weighted nodes, E_Q over the fakes.
struct Integrands {
    double floor_density = 0;  // kUniformMix / box size
    double js_p = 0, kl_pq = 0, weight_p = 0;
    double js_q = 0, kl_qp = 0, weight_q = 0;

    // log of a density with the uniform floor mixed in.
    double floored(double density) const { return std::log((1 - kUniformMix) * density + floor_density); }
    // log of P_G's estimate with the floor, debiased for the estimate's sampling noise.
    double flooredEstimate(const AdaptiveKde::Estimate& q) const {
        const double qs = (1 - kUniformMix) * q.density + floor_density;
        const double correction = q.density > 0 ? q.debiasedLog(kMaxLogCorrection) - std::log(q.density) : 0.0;
        return std::log(qs) + correction * (q.density / (qs / (1 - kUniformMix)));
    }
    // A node of P (weight w) where P's density is p and the estimate of P_G's is q.
    void addDataNode(double w, double p, const AdaptiveKde::Estimate& q) {
        if (p > 0) js_p += w * std::log(2 * p / (p + q.density));
        kl_pq += w * (floored(p) - flooredEstimate(q));
        weight_p += w;
    }
    // A fake sample where P's density is p and P_G's (leave-one-out estimate) is q.
    void addFake(double p, const AdaptiveKde::Estimate& q) {
        js_q += q.density > 0 ? std::log(2 * q.density / (p + q.density)) : std::log(2.0) * (p <= 0);
        kl_qp += flooredEstimate(q) - floored(p);
        weight_q += 1;
    }
    Divergences result() const {
        if (weight_p <= 0 || weight_q <= 0) return {kNaN, kNaN, kNaN};
        Divergences out;
        out.js = std::clamp(0.5 * js_p / weight_p + 0.5 * js_q / weight_q, 0.0, std::log(2.0));
        out.kl_pq = std::max(0.0, kl_pq / weight_p);
        out.kl_qp = std::max(0.0, kl_qp / weight_q);
        return out;
    }
};

double boxSize(const Bounds& box, int dim) {
    const double w = std::max(box.x1 - box.x0, 1e-9);
    return dim == 1 ? w : w * std::max(box.y1 - box.y0, 1e-9);
}

}  // namespace

Divergences divergencesOfGrids(const std::vector<double>& p, const std::vector<double>& q) {
    Divergences out;
    const size_t n = std::min(p.size(), q.size());
    double sp = 0, sq = 0;
    for (size_t i = 0; i < n; ++i) {
        sp += std::max(0.0, p[i]);
        sq += std::max(0.0, q[i]);
    }
    if (n == 0 || sp <= 0 || sq <= 0) return {kNaN, kNaN, kNaN};
    const double u = 1.0 / n;
    for (size_t i = 0; i < n; ++i) {
        const double a = std::max(0.0, p[i]) / sp, b = std::max(0.0, q[i]) / sq;
        const double m = 0.5 * (a + b);
        if (a > 0) out.js += 0.5 * a * std::log(a / m);
        if (b > 0) out.js += 0.5 * b * std::log(b / m);
        const double as = (1 - kUniformMix) * a + kUniformMix * u;
        const double bs = (1 - kUniformMix) * b + kUniformMix * u;
        out.kl_pq += as * std::log(as / bs);
        out.kl_qp += bs * std::log(bs / as);
    }
    out.js = std::clamp(out.js, 0.0, std::log(2.0));
    out.kl_pq = std::max(0.0, out.kl_pq);
    out.kl_qp = std::max(0.0, out.kl_qp);
    return out;
}

Divergences divergencesAgainstSamples(const Distribution& data, const std::vector<float>& real,
                                      const std::vector<float>& fake, int dim, const Bounds& box) {
    if (!data.hasDensity()) return {kNaN, kNaN, kNaN};
    // Bandwidths: 1D, a quarter of the distance to the 40th neighbour; 2D, half the distance to the 10th
    // (in a uniform region the same width, for a quarter of the neighbour search). Measured in docs/metrics.md.
    AdaptiveKdeOptions options;
    options.neighbours = dim == 1 ? 40 : 10;
    options.scale = dim == 1 ? 0.25 : 0.5;
    options.min_bandwidth = 1e-4 * std::max(box.x1 - box.x0, 1e-9);
    const AdaptiveKde q(fake, dim, options);
    Integrands sums;
    sums.floor_density = kUniformMix / boxSize(box, dim);

    if (dim == 1) {
        // E_P by quadrature: exact cell masses of a fine grid over the box, q at the cell centres.
        const double cw = (box.x1 - box.x0) / kQuadratureCells1D;
        for (int c = 0; c < kQuadratureCells1D; ++c) {
            const double lo[2] = {box.x0 + c * cw, 0}, hi[2] = {lo[0] + cw, 1};
            const double mass = data.cellMass(lo, hi);
            if (!(mass > 0)) continue;
            const double centre = lo[0] + 0.5 * cw;
            sums.addDataNode(mass, mass / cw, q.estimate(&centre));
        }
    } else {
        // E_P by Monte Carlo over the real samples (no grid: the resolution follows the data).
        const size_t n = std::min(real.size() / 2, kQueries2D);
        for (size_t i = 0; i < n; ++i) {
            const double x[2] = {real[2 * i], real[2 * i + 1]};
            if (!std::isfinite(x[0]) || !std::isfinite(x[1])) continue;
            sums.addDataNode(1.0, data.density(x), q.estimate(x));
        }
    }
    // E_Q over the fakes, each with P_G's estimate from the other fakes.
    // Only kFakeQueries1D / kQueries2D of them, evenly spread over the estimate's (spatially sorted) order.
    const size_t m = std::min(q.size(), dim == 1 ? kFakeQueries1D : kQueries2D);
    for (size_t t = 0; t < m; ++t) {
        const size_t j = t * q.size() / m;
        sums.addFake(data.density(q.point(j)), q.estimateAtSample(j));
    }
    return sums.result();
}

}  // namespace ganarium
