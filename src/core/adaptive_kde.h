// adaptive_kde.h — a Gaussian kernel density estimate whose bandwidth follows
// the data: each sample's kernel is as wide as a share of the distance to its
// k-th nearest neighbour, so dense narrow modes stay sharp and sparse tails get
// wide kernels (Breiman, Meisel and Purcell 1977). Evaluable at any point, so
// the divergences need no grid. Definitions: docs/metrics.md.
#pragma once

#include <cstddef>
#include <vector>

namespace ganarium {

// How the per-sample bandwidths are chosen.
struct AdaptiveKdeOptions {
    int neighbours = 20;          // k of the k-th nearest neighbour distance
    double scale = 0.5;           // bandwidth = scale * that distance
    double min_bandwidth = 1e-4;  // floor (a collapsed generator puts many samples on one point)
    double cutoff = 4.0;          // kernels are cut off at this many bandwidths
};

class AdaptiveKde {
public:
    // Builds the estimate of `samples` (n x dim, dim 1 or 2); rows with a non-finite value are dropped.
    AdaptiveKde(const std::vector<float>& samples, int dim, const AdaptiveKdeOptions& options = {});

    // The estimated density at x (dim values).
    double density(const double* x) const;
    // The estimated density at the i-th kept sample with that sample's own kernel left out.
    double densityAtSample(std::size_t i) const;

    // A density estimate with the sampling variance of that estimate (from the spread of the kernels' terms).
    struct Estimate {
        double density = 0, variance = 0;
        // E log(estimate) falls short of log(density) by about variance / (2 density^2) (delta method);
        // this is log(density) plus that correction, the correction capped at `cap`.
        double debiasedLog(double cap) const;
    };
    // density() and densityAtSample() with their variances.
    Estimate estimate(const double* x) const;
    Estimate estimateAtSample(std::size_t i) const;

    // Number of samples kept, their coordinates (dim values) and their bandwidths.
    std::size_t size() const { return h_.size(); }
    const double* point(std::size_t i) const { return &points_[i * static_cast<std::size_t>(dim_)]; }
    double bandwidth(std::size_t i) const { return h_[i]; }

private:
    // A k-d tree node: a box around points [begin, end) of points_, its children (leaves: -1) and the
    // largest kernel reach (cut-off * bandwidth) of its points.
    struct Node {
        double lo[2] = {0, 0}, hi[2] = {0, 0};
        std::size_t begin = 0, end = 0;
        int left = -1, right = -1;
        double reach = 0;
    };
    // Builds the subtree over order[begin, end) (indices into points_, reordered in place); returns its node.
    int build(std::vector<std::size_t>& order, std::size_t begin, std::size_t end);
    double boxDistance2(const Node& node, const double* x) const;
    void nearest(int node, const double* x, std::size_t self, std::vector<double>& best) const;
    double reachOf(int node);
    // Adds the normalised kernels at x (and their squares) into sums[0] (and sums[1]), leaving out `skip`.
    void sum(int node, const double* x, std::size_t skip, double* sums) const;

    int dim_;
    double cutoff_;
    std::vector<double> points_;  // kept samples (n x dim), in tree order
    std::vector<double> h_;       // bandwidth of each kept sample
    std::vector<double> weight_;  // kernel normalisation of each sample, 1 / (n (sqrt(2 pi) h)^dim)
    std::vector<Node> nodes_;     // nodes_[0] is the root
};

}  // namespace ganarium
