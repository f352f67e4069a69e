// mode_mapping.cpp — the mode-to-mode count table of a translation and its mutual information.
#include "core/mode_mapping.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ganarium {

int nearestMode(const std::vector<Mode>& modes, double x, double y) {
    int best = -1;
    double best_d2 = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < modes.size(); ++i) {
        const double dx = x - modes[i].x, dy = y - modes[i].y, d2 = dx * dx + dy * dy;
        if (d2 < best_d2) best_d2 = d2, best = static_cast<int>(i);
    }
    return best;
}

ModeMapping modeMapping(const std::vector<Mode>& source_modes, const std::vector<Mode>& target_modes,
                        const std::vector<float>& sources, const std::vector<float>& targets) {
    ModeMapping out;
    out.rows = static_cast<int>(source_modes.size());
    out.cols = static_cast<int>(target_modes.size());
    out.counts.assign(static_cast<size_t>(out.rows) * static_cast<size_t>(out.cols), 0.0);
    if (out.rows == 0 || out.cols == 0) return out;
    const size_t n = std::min(sources.size(), targets.size()) / 2;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(targets[2 * i]) || !std::isfinite(targets[2 * i + 1])) continue;
        const int s = nearestMode(source_modes, sources[2 * i], sources[2 * i + 1]);
        const int t = nearestMode(target_modes, targets[2 * i], targets[2 * i + 1]);
        out.counts[static_cast<size_t>(s) * static_cast<size_t>(out.cols) + static_cast<size_t>(t)] += 1.0;
    }
    out.mutual_information = mutualInformationBits(out.counts, out.rows, out.cols);
    return out;
}

std::vector<int> dominantTargets(const ModeMapping& mapping) {
    std::vector<int> out(static_cast<size_t>(mapping.rows), -1);
    for (int r = 0; r < mapping.rows; ++r) {
        double best = 0;
        for (int c = 0; c < mapping.cols; ++c) {
            const double v = mapping.counts[static_cast<size_t>(r * mapping.cols + c)];
            if (v > best) best = v, out[static_cast<size_t>(r)] = c;
        }
    }
    return out;
}

RingPermutation classifyRingPermutation(const std::vector<int>& targets) {
    const int k = static_cast<int>(targets.size());
    if (k == 0 || targets[0] < 0) return {};
    auto matches = [&](auto rule) {
        for (int i = 0; i < k; ++i)
            if (targets[static_cast<size_t>(i)] != rule(i)) return false;
        return true;
    };
    const int rotation = targets[0];  // target of mode 0 = offset for both forms
    if (matches([&](int i) { return (i + rotation) % k; })) return {RingPermutation::Kind::Rotation, rotation};
    if (matches([&](int i) { return ((rotation - i) % k + k) % k; })) return {RingPermutation::Kind::Reflection, rotation};
    return {};
}

double mutualInformationBits(const std::vector<double>& counts, int rows, int cols) {
    double total = 0;
    std::vector<double> row_sum(static_cast<size_t>(rows), 0.0), col_sum(static_cast<size_t>(cols), 0.0);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const double v = counts[static_cast<size_t>(r * cols + c)];
            row_sum[static_cast<size_t>(r)] += v;
            col_sum[static_cast<size_t>(c)] += v;
            total += v;
        }
    }
    if (!(total > 0)) return 0.0;
    double mi = 0;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const double v = counts[static_cast<size_t>(r * cols + c)];
            if (v <= 0) continue;
            // p(r, c) log2( p(r, c) / (p(r) p(c)) ) with counts: v/N log2(v N / (row col)).
            mi += v / total * std::log2(v * total / (row_sum[static_cast<size_t>(r)] * col_sum[static_cast<size_t>(c)]));
        }
    }
    return std::max(0.0, mi);
}

}  // namespace ganarium
