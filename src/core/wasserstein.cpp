// wasserstein.cpp — exact earth mover's (W1) distances between sample sets:
// 1D by comparing quantile functions, 2D by optimal assignment (Hungarian
// method with potentials, O(n^3)).
#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "core/metrics.h"

namespace ganarium {

double wasserstein1D(std::vector<float> a, std::vector<float> b) {
    if (a.empty() || b.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a.size() == b.size()) {
        double sum = 0;
        for (size_t i = 0; i < a.size(); ++i) sum += std::abs(double(a[i]) - double(b[i]));
        return sum / a.size();
    }
    // Unequal sizes: integrate |F_a^-1(u) - F_b^-1(u)| over u, piecewise constant.
    const double na = a.size(), nb = b.size();
    size_t i = 0, j = 0;
    double u = 0, sum = 0;
    while (i < a.size() && j < b.size()) {
        const double next = std::min((i + 1) / na, (j + 1) / nb);
        sum += (next - u) * std::abs(double(a[i]) - double(b[j]));
        u = next;
        if ((i + 1) / na <= next + 1e-15) ++i;
        if ((j + 1) / nb <= next + 1e-15) ++j;
    }
    return sum;
}

double wasserstein2D(const std::vector<float>& a, const std::vector<float>& b) {
    assert(a.size() == b.size() && a.size() % 2 == 0);
    const int n = static_cast<int>(std::min(a.size(), b.size()) / 2);
    if (n == 0) return std::numeric_limits<double>::quiet_NaN();
    std::vector<double> cost(static_cast<size_t>(n) * n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
        {
            const double dx = double(a[2 * i]) - b[2 * j], dy = double(a[2 * i + 1]) - b[2 * j + 1];
            cost[static_cast<size_t>(i) * n + j] = std::sqrt(dx * dx + dy * dy);
        }
    // Shortest augmenting paths with row/column potentials (1-based, column 0 is a sentinel).
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0), v(n + 1, 0), minv(n + 1);
    std::vector<int> match(n + 1, 0), way(n + 1, 0);
    std::vector<char> used(n + 1);
    for (int i = 1; i <= n; ++i) {
        match[0] = i;
        int j0 = 0;
        std::fill(minv.begin(), minv.end(), inf);
        std::fill(used.begin(), used.end(), 0);
        do {
            used[j0] = 1;
            const int i0 = match[j0];
            const double* row = &cost[static_cast<size_t>(i0 - 1) * n];
            double delta = inf;
            int j1 = 0;
            for (int j = 1; j <= n; ++j) {
                if (used[j]) continue;
                const double cur = row[j - 1] - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (int j = 0; j <= n; ++j) {
                if (used[j]) {
                    u[match[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (match[j0] != 0);
        do {
            const int j1 = way[j0];
            match[j0] = match[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    double total = 0;
    for (int j = 1; j <= n; ++j) total += cost[static_cast<size_t>(match[j] - 1) * n + (j - 1)];
    return total / n;
}

}  // namespace ganarium
