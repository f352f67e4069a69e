// adaptive_kde.cpp — a small k-d tree over the samples serves both the k-th
// nearest neighbour distances and the kernel sums (a node is skipped when no
// kernel of its points reaches the query). Kernels are cut off at 4 bandwidths.
#include "core/adaptive_kde.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr std::size_t kLeafSize = 8;

double squaredDistance(const double* a, const double* b, int dim) {
    double s = 0;
    for (int k = 0; k < dim; ++k) s += (a[k] - b[k]) * (a[k] - b[k]);
    return s;
}

// 1D: the distance from each value to its k-th nearest other value, by walking outward in sorted order.
std::vector<double> kthNeighbourDistances1D(const std::vector<double>& x, std::size_t k) {
    const std::size_t n = x.size();
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> out(n, 0.0);
    for (std::size_t r = 0; r < n; ++r) {
        const double v = x[order[r]];
        std::size_t lo = r, hi = r + 1;  // next candidates: order[lo - 1] and order[hi]
        double kth = 0;
        for (std::size_t taken = 0; taken < k; ++taken) {
            const double left = lo > 0 ? v - x[order[lo - 1]] : INFINITY;
            const double right = hi < n ? x[order[hi]] - v : INFINITY;
            if (left <= right) {
                kth = left;
                --lo;
            } else {
                kth = right;
                ++hi;
            }
        }
        out[order[r]] = kth;
    }
    return out;
}

}  // namespace

AdaptiveKde::AdaptiveKde(const std::vector<float>& samples, int dim, const AdaptiveKdeOptions& options)
    : dim_(dim), cutoff_(options.cutoff) {
    const std::size_t rows = samples.size() / static_cast<std::size_t>(dim);
    for (std::size_t i = 0; i < rows; ++i) {
        bool finite = true;
        for (int k = 0; k < dim; ++k) finite = finite && std::isfinite(samples[i * dim + k]);
        if (!finite) continue;
        for (int k = 0; k < dim; ++k) points_.push_back(samples[i * dim + k]);
    }
    const std::size_t n = points_.size() / dim;
    h_.assign(n, options.min_bandwidth);
    weight_.assign(n, 0.0);
    if (n == 0) return;
    nodes_.reserve(4 * n / kLeafSize + 2);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    build(order, 0, n);
    // Store the points in tree order, so each leaf's points are contiguous.
    std::vector<double> sorted(points_.size());
    for (std::size_t i = 0; i < n; ++i)
        for (int k = 0; k < dim; ++k) sorted[i * dim + k] = points_[order[i] * dim + k];
    points_.swap(sorted);

    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, options.neighbours)), n - 1);
    const std::vector<double> r_1d = dim == 1 && k > 0 ? kthNeighbourDistances1D(points_, k) : std::vector<double>{};
    std::vector<double> best;
    for (std::size_t i = 0; i < n; ++i) {
        double r = 0;
        if (dim == 1 && k > 0) {
            r = r_1d[i];
        } else if (k > 0) {
            best.assign(k, INFINITY);  // max-heap of the k smallest squared distances so far
            nearest(0, point(i), i, best);
            r = std::sqrt(best.front());
        }
        h_[i] = std::max(options.min_bandwidth, options.scale * r);
        weight_[i] = 1.0 / (static_cast<double>(n) * std::pow(std::sqrt(2 * kPi) * h_[i], dim));
    }
    reachOf(0);
}

int AdaptiveKde::build(std::vector<std::size_t>& order, std::size_t begin, std::size_t end) {
    const int index = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    Node node;
    node.begin = begin;
    node.end = end;
    for (int k = 0; k < dim_; ++k) {
        node.lo[k] = INFINITY;
        node.hi[k] = -INFINITY;
    }
    for (std::size_t i = begin; i < end; ++i) {
        for (int k = 0; k < dim_; ++k) {
            node.lo[k] = std::min(node.lo[k], points_[order[i] * dim_ + k]);
            node.hi[k] = std::max(node.hi[k], points_[order[i] * dim_ + k]);
        }
    }
    if (end - begin > kLeafSize) {
        // Split at the median of the wider axis.
        const int axis = dim_ == 2 && node.hi[1] - node.lo[1] > node.hi[0] - node.lo[0] ? 1 : 0;
        const std::size_t mid = begin + (end - begin) / 2;
        const auto first = order.begin() + static_cast<std::ptrdiff_t>(begin);
        std::nth_element(first, order.begin() + static_cast<std::ptrdiff_t>(mid),
                         order.begin() + static_cast<std::ptrdiff_t>(end), [&](std::size_t a, std::size_t b) {
                             return points_[a * dim_ + axis] < points_[b * dim_ + axis];
                         });
        node.left = build(order, begin, mid);
        node.right = build(order, mid, end);
    }
    nodes_[static_cast<std::size_t>(index)] = node;
    return index;
}

double AdaptiveKde::boxDistance2(const Node& node, const double* x) const {
    double s = 0;
    for (int k = 0; k < dim_; ++k) {
        const double d = x[k] < node.lo[k] ? node.lo[k] - x[k] : x[k] > node.hi[k] ? x[k] - node.hi[k] : 0.0;
        s += d * d;
    }
    return s;
}

void AdaptiveKde::nearest(int index, const double* x, std::size_t self, std::vector<double>& best) const {
    const Node& node = nodes_[static_cast<std::size_t>(index)];
    if (node.left >= 0) {
        // Nearer child first; a child whose box is farther than the k-th best so far cannot help.
        const double da = boxDistance2(nodes_[static_cast<std::size_t>(node.left)], x);
        const double db = boxDistance2(nodes_[static_cast<std::size_t>(node.right)], x);
        const bool left_first = da <= db;
        if ((left_first ? da : db) < best.front()) nearest(left_first ? node.left : node.right, x, self, best);
        if ((left_first ? db : da) < best.front()) nearest(left_first ? node.right : node.left, x, self, best);
        return;
    }
    for (std::size_t i = node.begin; i < node.end; ++i) {
        if (i == self) continue;
        const double d2 = squaredDistance(x, point(i), dim_);
        if (d2 >= best.front()) continue;
        // Replace the largest of the k best (a max-heap).
        std::pop_heap(best.begin(), best.end());
        best.back() = d2;
        std::push_heap(best.begin(), best.end());
    }
}

double AdaptiveKde::reachOf(int index) {
    Node& node = nodes_[static_cast<std::size_t>(index)];
    if (node.left < 0) {
        for (std::size_t i = node.begin; i < node.end; ++i) node.reach = std::max(node.reach, cutoff_ * h_[i]);
    } else {
        const double a = reachOf(node.left), b = reachOf(node.right);
        nodes_[static_cast<std::size_t>(index)].reach = std::max(a, b);
    }
    return nodes_[static_cast<std::size_t>(index)].reach;
}

void AdaptiveKde::sum(int index, const double* x, std::size_t skip, double* sums) const {
    const Node& node = nodes_[static_cast<std::size_t>(index)];
    if (boxDistance2(node, x) >= node.reach * node.reach) return;
    if (node.left >= 0) {
        sum(node.left, x, skip, sums);
        sum(node.right, x, skip, sums);
        return;
    }
    for (std::size_t i = node.begin; i < node.end; ++i) {
        if (i == skip) continue;
        const double u = squaredDistance(x, point(i), dim_) / (h_[i] * h_[i]);
        if (u >= cutoff_ * cutoff_) continue;
        const double term = weight_[i] * std::exp(-0.5 * u);
        sums[0] += term;
        sums[1] += term * term;
    }
}

double AdaptiveKde::Estimate::debiasedLog(double cap) const {
    if (!(density > 0)) return -INFINITY;
    return std::log(density) + std::min(cap, 0.5 * variance / (density * density));
}

AdaptiveKde::Estimate AdaptiveKde::estimate(const double* x) const {
    double sums[2] = {0, 0};
    if (!nodes_.empty()) sum(0, x, size(), sums);
    // Each of the n terms is an independent draw / n: Var(mean) = (sum t^2 - (sum t)^2 / n).
    const double n = static_cast<double>(size());
    return {sums[0], n > 0 ? std::max(0.0, sums[1] - sums[0] * sums[0] / n) : 0.0};
}

AdaptiveKde::Estimate AdaptiveKde::estimateAtSample(std::size_t i) const {
    // Renormalised to the n - 1 other samples.
    const double n = static_cast<double>(size());
    if (n < 2) return {};
    double sums[2] = {0, 0};
    sum(0, point(i), i, sums);
    const double scale = n / (n - 1);
    return {sums[0] * scale, std::max(0.0, sums[1] - sums[0] * sums[0] / (n - 1)) * scale * scale};
}

double AdaptiveKde::density(const double* x) const { return estimate(x).density; }

double AdaptiveKde::densityAtSample(std::size_t i) const { return estimateAtSample(i).density; }

}  // namespace ganarium
