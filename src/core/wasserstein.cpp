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
        for (int j = 0; j < n; ++j) {
            const double dx = double(a[2 * i]) - b[2 * j], dy = double(a[2 * i + 1]) - b[2 * j + 1];
            cost[static_cast<size_t>(i) * n + j] = std::sqrt(dx * dx + dy * dy);
        }
    // Shortest augmenting paths with row/column potentials (1-based, column 0 is a sentinel).
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0), v(n + 1, 0), minv(n + 1);
    std::vector<int> match(n + 1, 0), way(n + 1, 0);
    // Warm start (column reduction): v_j = min_i c_ij keeps u + v <= c; each column's cheapest row, if
    // still free, is matched at once (a tight edge), so only the remaining rows need augmenting paths.
    std::vector<char> row_matched(n + 1, 0);
    for (int j = 1; j <= n; ++j) {
        int best = 1;
        double lowest = inf;
        for (int i = 1; i <= n; ++i) {
            const double c = cost[static_cast<size_t>(i - 1) * n + (j - 1)];
            if (c < lowest) {
                lowest = c;
                best = i;
            }
        }
        v[j] = lowest;
        if (!row_matched[best]) {
            row_matched[best] = 1;
            match[j] = best;
        }
    }
    // Columns not yet reached by the current search, kept compact so scans shrink as it grows.
    std::vector<int> open_cols, reached_cols;
    open_cols.reserve(n);
    reached_cols.reserve(n + 1);
    for (int i = 1; i <= n; ++i) {
        if (row_matched[i]) continue;
        match[0] = i;
        int j0 = 0;
        open_cols.clear();
        for (int j = 1; j <= n; ++j) {
            open_cols.push_back(j);
            minv[j] = inf;
        }
        reached_cols.assign(1, 0);
        do {
            const int i0 = match[j0];
            const double* row = &cost[static_cast<size_t>(i0 - 1) * n];
            const double ui = u[i0];
            double delta = inf;
            size_t next = 0;
            for (size_t k = 0; k < open_cols.size(); ++k) {
                const int j = open_cols[k];
                const double cur = row[j - 1] - ui - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    next = k;
                }
            }
            for (int j : reached_cols) {
                u[match[j]] += delta;
                v[j] -= delta;
            }
            for (int j : open_cols) minv[j] -= delta;
            j0 = open_cols[next];
            open_cols[next] = open_cols.back();
            open_cols.pop_back();
            reached_cols.push_back(j0);
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
