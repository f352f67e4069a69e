// distributions_1d.cpp — the 1D families: Gaussian, Gaussian mixture, uniform
// and two disjoint intervals, each with an exact density and CDF-based cell mass.
#include <algorithm>
#include <numeric>

#include "core/distribution_common.h"

namespace ganarium::detail {
namespace {

// A 1D Gaussian mixture (also the single Gaussian).
class Mixture1D final : public Distribution {
public:
    Mixture1D(std::vector<double> w, std::vector<double> m, std::vector<double> s, bool report_modes)
        : w_(std::move(w)), m_(std::move(m)), s_(std::move(s)), report_modes_(report_modes) {
        cumulative_.resize(w_.size());
        std::partial_sum(w_.begin(), w_.end(), cumulative_.begin());
    }
    int dim() const override { return 1; }
    void sample(int n, Rng& rng, float* out) const override { draw(n, rng, out, nullptr); }
    void sampleLabelled(int n, Rng& rng, float* out, int* labels) const override {
        if (!report_modes_) Distribution::sampleLabelled(n, rng, out, labels);  // a single Gaussian: no components
        draw(n, rng, out, labels);
    }
    bool hasDensity() const override { return true; }
    double density(const double* x) const override {
        double p = 0;
        for (size_t k = 0; k < w_.size(); ++k) p += w_[k] * normalPdf((x[0] - m_[k]) / s_[k]) / s_[k];
        return p;
    }
    double cellMass(const double* lo, const double* hi) const override {
        double p = 0;
        for (size_t k = 0; k < w_.size(); ++k)
            p += w_[k] * (normalCdf((hi[0] - m_[k]) / s_[k]) - normalCdf((lo[0] - m_[k]) / s_[k]));
        return p;
    }
    std::vector<Mode> modes() const override {
        std::vector<Mode> out;
        if (!report_modes_) return out;
        for (size_t k = 0; k < w_.size(); ++k) out.push_back({m_[k], 0.0, s_[k]});
        return out;
    }
    std::vector<double> modeWeights() const override { return report_modes_ ? w_ : std::vector<double>{}; }
    Bounds bounds() const override {
        double lo = 1e300, hi = -1e300;
        for (size_t k = 0; k < w_.size(); ++k) {
            lo = std::min(lo, m_[k] - 4 * s_[k]);
            hi = std::max(hi, m_[k] + 4 * s_[k]);
        }
        const double margin = 0.1 * (hi - lo);
        return {lo - margin, hi + margin, 0.0, 1.0};
    }

private:
    // n samples into out, and each one's component into labels when given.
    void draw(int n, Rng& rng, float* out, int* labels) const {
        for (int i = 0; i < n; ++i) {
            const double u = rng.uniform();
            size_t k = std::lower_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin();
            k = std::min(k, w_.size() - 1);
            out[i] = static_cast<float>(m_[k] + s_[k] * rng.normal());
            if (labels) labels[i] = static_cast<int>(k);
        }
    }

    std::vector<double> w_, m_, s_, cumulative_;
    bool report_modes_;
};

// Uniform mass on one or two disjoint intervals (equal mass on each).
class Intervals1D final : public Distribution {
public:
    explicit Intervals1D(std::vector<std::pair<double, double>> parts) : parts_(std::move(parts)) {}
    int dim() const override { return 1; }
    void sample(int n, Rng& rng, float* out) const override {
        for (int i = 0; i < n; ++i) {
            const auto& part = parts_[rng.below(parts_.size())];
            out[i] = static_cast<float>(part.first + (part.second - part.first) * rng.uniform());
        }
    }
    bool hasDensity() const override { return true; }
    double density(const double* x) const override {
        double p = 0;
        for (const auto& part : parts_)
            if (x[0] >= part.first && x[0] <= part.second) p += 1.0 / (parts_.size() * (part.second - part.first));
        return p;
    }
    double cellMass(const double* lo, const double* hi) const override {
        double p = 0;
        for (const auto& part : parts_) {
            const double overlap = std::min(hi[0], part.second) - std::max(lo[0], part.first);
            if (overlap > 0) p += overlap / (parts_.size() * (part.second - part.first));
        }
        return p;
    }
    Bounds bounds() const override {
        double lo = 1e300, hi = -1e300;
        for (const auto& part : parts_) {
            lo = std::min(lo, part.first);
            hi = std::max(hi, part.second);
        }
        const double margin = 0.15 * (hi - lo);
        return {lo - margin, hi + margin, 0.0, 1.0};
    }

private:
    std::vector<std::pair<double, double>> parts_;
};

}  // namespace

std::unique_ptr<Distribution> makeDistribution1D(const DataSpec& spec) {
    switch (spec.family) {
        case DataFamily::Gaussian1D:
            require(spec.std > 0, spec, "std must be > 0");
            return std::make_unique<Mixture1D>(std::vector<double>{1.0}, std::vector<double>{spec.mean},
                                               std::vector<double>{spec.std}, false);
        case DataFamily::Mixture1D: {
            const size_t k = spec.means.size();
            require(k >= 1 && k <= 64, spec, "needs 1..64 `means`");
            std::vector<double> w = spec.weights.empty() ? std::vector<double>(k, 1.0) : spec.weights;
            std::vector<double> s = spec.stds.empty() ? std::vector<double>(k, spec.std) : spec.stds;
            require(w.size() == k, spec, "`weights` must have one entry per mean (" + std::to_string(k) + ")");
            require(s.size() == k, spec, "`stds` must have one entry per mean (" + std::to_string(k) + ")");
            double total = 0;
            for (double v : w) {
                require(v >= 0, spec, "weights must be >= 0");
                total += v;
            }
            require(total > 0, spec, "weights must not all be 0");
            for (double& v : w) v /= total;
            for (double v : s) require(v > 0, spec, "every std must be > 0");
            return std::make_unique<Mixture1D>(w, spec.means, s, true);
        }
        case DataFamily::Uniform1D:
            require(spec.low < spec.high, spec, "needs low < high");
            return std::make_unique<Intervals1D>(std::vector<std::pair<double, double>>{{spec.low, spec.high}});
        case DataFamily::TwoIntervals1D:
            require(spec.low < spec.high && spec.low2 < spec.high2, spec, "needs low < high and low2 < high2");
            require(spec.high <= spec.low2 || spec.high2 <= spec.low, spec,
                    "the intervals [low, high] and [low2, high2] must not overlap");
            return std::make_unique<Intervals1D>(
                std::vector<std::pair<double, double>>{{spec.low, spec.high}, {spec.low2, spec.high2}});
        default: break;
    }
    throw SceneError("not a 1D family");
}

}  // namespace ganarium::detail
