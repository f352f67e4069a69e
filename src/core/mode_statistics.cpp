// mode_statistics.cpp — VEEGAN/PacGAN mode metrics (modes covered,
// high-quality share, reverse KL over modes) and the optimal-discriminator
// helpers (D* and the mean gap |D - D*|).
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/metrics.h"

namespace ganarium {

ModeStats modeStatistics(const std::vector<Mode>& modes, const std::vector<double>& weights,
                         const std::vector<float>& samples, int dim) {
    ModeStats out;
    const size_t k = modes.size();
    out.covered.assign(k, false);
    if (k == 0) return out;
    std::vector<double> counts(k, 0.0);
    const size_t n = samples.size() / dim;
    size_t hq = 0;
    for (size_t i = 0; i < n; ++i) {
        const double x = samples[i * dim], y = dim == 2 ? samples[i * dim + 1] : 0.0;
        size_t best = 0;
        double best_d2 = std::numeric_limits<double>::infinity();
        for (size_t m = 0; m < k; ++m) {
            const double dx = x - modes[m].x, dy = dim == 2 ? y - modes[m].y : 0.0;
            const double d2 = dx * dx + dy * dy;
            if (d2 < best_d2) {
                best_d2 = d2;
                best = m;
            }
        }
        const double limit = 3.0 * modes[best].std;
        if (best_d2 <= limit * limit) {
            counts[best] += 1.0;
            ++hq;
        }
    }
    out.hq_share = n > 0 ? double(hq) / n : 0.0;
    std::vector<double> p(k, 1.0 / k);
    if (weights.size() == k) {
        double total = 0;
        for (double w : weights) total += std::max(0.0, w);
        if (total > 0)
            for (size_t m = 0; m < k; ++m) p[m] = std::max(0.0, weights[m]) / total;
    }
    for (size_t m = 0; m < k; ++m) {
        out.covered[m] = counts[m] > 0;
        out.modes_covered += out.covered[m] ? 1 : 0;
    }
    if (hq == 0) {
        // No high-quality sample at all: report the worst case, all mass on the least likely mode.
        double pmin = 1.0;
        for (double v : p)
            if (v > 0) pmin = std::min(pmin, v);
        out.mode_rkl = -std::log(pmin);
        return out;
    }
    for (size_t m = 0; m < k; ++m) {
        const double q = counts[m] / hq;
        if (q > 0) out.mode_rkl += q * std::log(q / std::max(p[m], 1e-12));
    }
    out.mode_rkl = std::max(0.0, out.mode_rkl);
    return out;
}

void judgeModeMarkers(ModeMarkers& markers, const std::vector<float>& samples, int dim) {
    if (markers.modes.empty() || dim <= 0 || samples.size() < static_cast<size_t>(dim)) return;
    const ModeStats stats = modeStatistics(markers.modes, {}, samples, dim);
    markers.covered = stats.covered;
    markers.hq_share = stats.hq_share;
}

double optimalDiscriminator(double p_data, double p_g) {
    const double total = p_data + p_g;
    return total > 0 ? p_data / total : 0.5;
}

double optimalGap(const std::vector<float>& d, const std::vector<float>& d_star, const std::vector<float>& p_data,
                  const std::vector<float>& p_g) {
    const size_t n = std::min({d.size(), d_star.size(), p_data.size(), p_g.size()});
    double peak = 0;
    for (size_t i = 0; i < n; ++i) peak = std::max(peak, double(p_data[i]) + p_g[i]);
    if (peak <= 0) return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    size_t used = 0;
    for (size_t i = 0; i < n; ++i) {
        if (double(p_data[i]) + p_g[i] <= 0.01 * peak) continue;
        sum += std::abs(double(d[i]) - d_star[i]);
        ++used;
    }
    return used > 0 ? sum / used : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace ganarium
