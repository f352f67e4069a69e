// gaussian_mixture_2d.cpp — every 2D family that is a mixture of isotropic
// Gaussians: ring, grid, single Gaussian, explicit blobs and jittered points.
#include <algorithm>
#include <numeric>

#include "core/binned_density_2d.h"
#include "core/distribution_common.h"
#include "core/spatial_buckets.h"

namespace ganarium::detail {
namespace {

struct Component {
    double x, y, std, weight;
};

// Mixture of isotropic 2D Gaussians; std 0 components are exact points (no density).
class GaussianMixture2D final : public Distribution {
public:
    // The first `mode_count` components are the mixture's modes (the rest, e.g. painted points, are not).
    GaussianMixture2D(std::vector<Component> parts, size_t mode_count)
        : parts_(std::move(parts)), mode_count_(std::min(mode_count, parts_.size())) {
        double total = 0;
        for (const auto& c : parts_) total += c.weight;
        double run = 0;
        for (auto& c : parts_) {
            c.weight /= total;
            run += c.weight;
            cumulative_.push_back(run);
        }
        for (const auto& c : parts_) has_density_ = has_density_ && c.std > 0;
        if (has_density_ && parts_.size() > kBucketAbove) buildBuckets();
        if (has_density_ && parts_.size() > kTabulateAbove) tabulate();
    }
    int dim() const override { return 2; }
    void sample(int n, Rng& rng, float* out) const override { draw(n, rng, out, nullptr); }
    void sampleLabelled(int n, Rng& rng, float* out, int* labels) const override {
        if (mode_count_ < parts_.size()) Distribution::sampleLabelled(n, rng, out, labels);  // unlabelled points
        draw(n, rng, out, labels);
    }
    bool hasDensity() const override { return has_density_; }
    double density(const double* x) const override {
        if (!tabulated_.empty()) return tabulated_.at(x[0], x[1]);
        double p = 0;
        const std::vector<int>* near = bucketed_ ? buckets_.at(x[0], x[1]) : nullptr;
        if (bucketed_ && !near) return 0.0;
        const size_t count = near ? near->size() : parts_.size();
        for (size_t i = 0; i < count; ++i) {
            const Component& c = parts_[near ? (*near)[i] : i];
            const double dx = (x[0] - c.x) / c.std, dy = (x[1] - c.y) / c.std;
            const double r2 = dx * dx + dy * dy;
            if (r2 < 80) p += c.weight * std::exp(-0.5 * r2) / (2 * kPi * c.std * c.std);
        }
        return p;
    }
    double cellMass(const double* lo, const double* hi) const override {
        double p = 0;
        const std::vector<int>* near = bucketed_ ? buckets_.holding(lo, hi) : nullptr;
        const size_t count = near ? near->size() : parts_.size();
        for (size_t i = 0; i < count; ++i) {
            const Component& c = parts_[near ? (*near)[i] : i];
            const double zx0 = (lo[0] - c.x) / c.std, zx1 = (hi[0] - c.x) / c.std;
            const double zy0 = (lo[1] - c.y) / c.std, zy1 = (hi[1] - c.y) / c.std;
            if (zx0 > 9 || zx1 < -9 || zy0 > 9 || zy1 < -9) continue;
            p += c.weight * (normalCdf(zx1) - normalCdf(zx0)) * (normalCdf(zy1) - normalCdf(zy0));
        }
        return p;
    }
    std::vector<Mode> modes() const override {
        std::vector<Mode> out;
        for (size_t i = 0; i < mode_count_; ++i) out.push_back({parts_[i].x, parts_[i].y, parts_[i].std});
        return out;
    }
    std::vector<double> modeWeights() const override {
        std::vector<double> out;
        for (size_t i = 0; i < mode_count_; ++i) out.push_back(parts_[i].weight);
        return out;
    }
    Bounds bounds() const override {
        Bounds b{1e300, -1e300, 1e300, -1e300};
        for (const auto& c : parts_) {
            b.x0 = std::min(b.x0, c.x - 4 * c.std);
            b.x1 = std::max(b.x1, c.x + 4 * c.std);
            b.y0 = std::min(b.y0, c.y - 4 * c.std);
            b.y1 = std::max(b.y1, c.y + 4 * c.std);
        }
        const double margin = 0.15 * std::max({b.x1 - b.x0, b.y1 - b.y0, 0.1});
        return {b.x0 - margin, b.x1 + margin, b.y0 - margin, b.y1 + margin};
    }

private:
    // n samples into out, and each one's component into labels when given (the branch costs nothing measurable).
    void draw(int n, Rng& rng, float* out, int* labels) const {
        for (int i = 0; i < n; ++i) {
            size_t k = std::lower_bound(cumulative_.begin(), cumulative_.end(), rng.uniform()) - cumulative_.begin();
            k = std::min(k, parts_.size() - 1);
            const double gx = rng.normal(), gy = rng.normal();
            out[2 * i] = static_cast<float>(parts_[k].x + parts_[k].std * gx);
            out[2 * i + 1] = static_cast<float>(parts_[k].y + parts_[k].std * gy);
            if (labels) labels[i] = static_cast<int>(k);
        }
    }

    static constexpr size_t kBucketAbove = 16;  // components; fewer are cheaper to scan
    static constexpr double kCutoff = 9.0;      // stds beyond which a component is ignored
    static constexpr size_t kTabulateAbove = 20000;  // components of one std: density from a grid (binned_density_2d.h)

    // Tabulates the density when every component has the same std (a big blurred point set).
    void tabulate() {
        const double s = parts_.front().std;
        for (const auto& c : parts_)
            if (c.std != s) return;
        std::vector<double> xyw;
        xyw.reserve(parts_.size() * 3);
        for (const auto& c : parts_) xyw.insert(xyw.end(), {c.x, c.y, c.weight});
        tabulated_ = BinnedDensity2D(xyw, s);
    }

    // Buckets listing the components within kCutoff stds of them (density() ignores the rest).
    void buildBuckets() {
        double max_std = 0;
        Bounds box{1e300, -1e300, 1e300, -1e300};
        for (const auto& c : parts_) {
            max_std = std::max(max_std, c.std);
            box = {std::min(box.x0, c.x), std::max(box.x1, c.x), std::min(box.y0, c.y), std::max(box.y1, c.y)};
        }
        const double pad = kCutoff * max_std;
        buckets_ = SpatialBuckets({box.x0 - pad, box.x1 + pad, box.y0 - pad, box.y1 + pad}, pad, 128);
        for (size_t i = 0; i < parts_.size(); ++i) {
            const double r = kCutoff * parts_[i].std;
            buckets_.insert(static_cast<int>(i), parts_[i].x - r, parts_[i].x + r, parts_[i].y - r, parts_[i].y + r);
        }
        bucketed_ = true;
    }

    std::vector<Component> parts_;
    SpatialBuckets buckets_;
    bool bucketed_ = false;
    BinnedDensity2D tabulated_{{}, 0.0};  // empty unless tabulate() built it
    std::vector<double> cumulative_;
    size_t mode_count_;
    bool has_density_ = true;
};

// Blobs: means as x0,y0,x1,y1,...; per-blob stds (or `std`), weights (or equal).
std::vector<Component> blobComponents(const DataSpec& spec) {
    require(spec.means.size() % 2 == 0 && !spec.means.empty(), spec,
            "`means` must hold x,y pairs (an even, non-zero number of values)");
    const size_t k = spec.means.size() / 2;
    require(k <= 64, spec, "at most 64 blobs");
    std::vector<double> w = spec.weights.empty() ? std::vector<double>(k, 1.0) : spec.weights;
    std::vector<double> s = spec.stds.empty() ? std::vector<double>(k, spec.std) : spec.stds;
    require(w.size() == k, spec, "`weights` must have one entry per blob (" + std::to_string(k) + ")");
    require(s.size() == k, spec, "`stds` must have one entry per blob (" + std::to_string(k) + ")");
    double total = 0;
    std::vector<Component> parts;
    for (size_t i = 0; i < k; ++i) {
        require(w[i] >= 0, spec, "weights must be >= 0");
        require(s[i] > 0, spec, "every std must be > 0");
        total += w[i];
        parts.push_back({spec.means[2 * i], spec.means[2 * i + 1], s[i], w[i]});
    }
    require(total > 0, spec, "weights must not all be 0");
    return parts;
}

}  // namespace

std::unique_ptr<Distribution> makeGaussianMixture2D(const DataSpec& spec) {
    std::vector<Component> parts;
    switch (spec.family) {
        case DataFamily::Ring:
            require(spec.std > 0, spec, "std must be > 0");
            require(spec.modes >= 1 && spec.modes <= 64, spec, "modes must be in 1..64");
            require(spec.radius > 0, spec, "radius must be > 0");
            for (int k = 0; k < spec.modes; ++k) {
                const double a = 2 * kPi * k / spec.modes;
                parts.push_back({spec.radius * std::cos(a), spec.radius * std::sin(a), spec.std, 1.0});
            }
            return std::make_unique<GaussianMixture2D>(parts, parts.size());
        case DataFamily::Grid: {
            require(spec.std > 0, spec, "std must be > 0");
            require(spec.grid_n >= 1 && spec.grid_n <= 10, spec, "grid_n must be in 1..10");
            require(spec.spacing > 0, spec, "spacing must be > 0");
            const double half = 0.5 * (spec.grid_n - 1);
            for (int j = 0; j < spec.grid_n; ++j)
                for (int i = 0; i < spec.grid_n; ++i)
                    parts.push_back({(i - half) * spec.spacing, (j - half) * spec.spacing, spec.std, 1.0});
            return std::make_unique<GaussianMixture2D>(parts, parts.size());
        }
        case DataFamily::Gaussian2D:
            require(spec.std > 0, spec, "std must be > 0");
            parts.push_back({spec.center[0], spec.center[1], spec.std, 1.0});
            return std::make_unique<GaussianMixture2D>(parts, 0);
        case DataFamily::Blobs2D: {
            std::vector<Component> blobs = blobComponents(spec);
            const size_t modes = blobs.size();
            require(spec.points.size() % 2 == 0, spec, "`points` must hold x,y pairs (an even number of values)");
            require(spec.noise >= 0, spec, "noise must be >= 0");
            for (size_t i = 0; i + 1 < spec.points.size(); i += 2)  // painted points: data, not modes
                blobs.push_back({spec.points[i], spec.points[i + 1], spec.noise, 1.0});
            return std::make_unique<GaussianMixture2D>(blobs, modes);
        }
        case DataFamily::Points2D:
            require(!spec.points.empty(), spec, "contains no points (give `points = [x0, y0, ...]` or `csv`)");
            require(spec.points.size() % 2 == 0, spec, "`points` must hold x,y pairs (an even number of values)");
            require(spec.noise >= 0, spec, "noise must be >= 0");
            for (size_t i = 0; i + 1 < spec.points.size(); i += 2)
                parts.push_back({spec.points[i], spec.points[i + 1], spec.noise, 1.0});
            return std::make_unique<GaussianMixture2D>(parts, 0);
        default: break;
    }
    throw SceneError("not a Gaussian-mixture family");
}

}  // namespace ganarium::detail
