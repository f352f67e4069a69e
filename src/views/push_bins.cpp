// push_bins.cpp — mean push per bin of x for the 1D arrows.
#include "views/push_bins.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

std::vector<PushBin> binPushes(const std::vector<float>& xs, const std::vector<float>& push, double x0, double x1,
                               int bins) {
    std::vector<PushBin> out;
    if (bins <= 0 || !(x1 > x0)) return out;
    std::vector<PushBin> sums(static_cast<size_t>(bins));
    const size_t n = std::min(xs.size(), push.size());
    for (size_t i = 0; i < n; ++i) {
        const double x = xs[i], p = push[i];
        if (!std::isfinite(x) || !std::isfinite(p) || x < x0 || x > x1) continue;
        const int b = std::min(bins - 1, static_cast<int>((x - x0) / (x1 - x0) * bins));
        PushBin& s = sums[static_cast<size_t>(b)];
        s.x += x;
        s.push += p;
        ++s.count;
    }
    for (int b = 0; b < bins; ++b) {
        const PushBin& s = sums[static_cast<size_t>(b)];
        if (s.count > 0) out.push_back({b, s.x / s.count, s.push / s.count, s.count});
    }
    return out;
}

}  // namespace ganarium
