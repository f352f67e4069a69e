// divergences.cpp — JS and both KLs between analytic P_data and the
// generator's samples, on a grid, both sides smoothed by the same kernel.
// Definitions and their caveats: docs/metrics.md.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/density_grid.h"
#include "core/metrics.h"

namespace ganarium {
namespace {

constexpr double kUniformMix = 1e-6;  // share of a uniform mixed into both grids for KL

}  // namespace

Divergences divergencesOfGrids(const std::vector<double>& p, const std::vector<double>& q) {
    Divergences out;
    const size_t n = std::min(p.size(), q.size());
    double sp = 0, sq = 0;
    for (size_t i = 0; i < n; ++i) {
        sp += std::max(0.0, p[i]);
        sq += std::max(0.0, q[i]);
    }
    if (n == 0 || sp <= 0 || sq <= 0) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan};
    }
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

namespace {

int gridNx(int dim) { return dim == 1 ? 512 : 96; }
int gridNy(int dim) { return dim == 1 ? 1 : 96; }

}  // namespace

std::vector<double> dataGridForDivergences(const Distribution& data, int dim, const Bounds& box) {
    const int nx = gridNx(dim), ny = gridNy(dim);
    const double cw = (box.x1 - box.x0) / nx, ch = dim == 2 ? (box.y1 - box.y0) / ny : 1.0;
    if (!data.hasDensity()) {
        Rng rng(0x5eed);  // fixed: the reference sample must not change between evaluations
        return detail::binSamples(sampleVector(data, 20000, rng), dim, box, nx, ny, true);
    }
    std::vector<double> p(static_cast<size_t>(nx) * ny, 0.0);
    for (int iy = 0; iy < ny; ++iy) {
        for (int ix = 0; ix < nx; ++ix) {
            const double lo[2] = {box.x0 + ix * cw, box.y0 + iy * ch};
            const double hi[2] = {lo[0] + cw, lo[1] + ch};
            p[static_cast<size_t>(iy) * nx + ix] = data.cellMass(lo, hi);
        }
    }
    return p;
}

Divergences divergencesAgainstSamples(const std::vector<double>& data_grid, const std::vector<float>& fake, int dim,
                                      const Bounds& box) {
    const int nx = gridNx(dim), ny = gridNy(dim);
    const double cw = (box.x1 - box.x0) / nx, ch = dim == 2 ? (box.y1 - box.y0) / ny : 1.0;
    std::vector<double> p = data_grid;
    std::vector<double> q = detail::binSamples(fake, dim, box, nx, ny, true);
    if (p.size() != q.size()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan};
    }
    // The same kernel smooths both sides: Scott's rule on the fake samples, clamped to
    // [0.5, 1] cell (Scott's rule assumes one Gaussian and would blur mixtures' modes away).
    const double hx = std::clamp(detail::scottBandwidth(fake, dim, 0) / cw, 0.5, 1.0);
    const double hy = dim == 2 ? std::clamp(detail::scottBandwidth(fake, dim, 1) / ch, 0.5, 1.0) : 0.0;
    detail::gaussianSmooth(p, nx, ny, hx, hy);
    detail::gaussianSmooth(q, nx, ny, hx, hy);
    return divergencesOfGrids(p, q);
}

Divergences divergencesAgainstSamples(const Distribution& data, const std::vector<float>& fake, int dim,
                                      const Bounds& box) {
    return divergencesAgainstSamples(dataGridForDivergences(data, dim, box), fake, dim, box);
}

}  // namespace ganarium
