// noisy_curves_2d.cpp — 2D families that are curves blurred by isotropic
// Gaussian noise: swiss roll, two moons, spiral, concentric circles, a line
// segment. Each curve is a fine polyline sampled uniformly by arc length, so
// the density is the exact convolution of that polyline with the noise.
#include <algorithm>

#include "core/distribution_common.h"
#include "core/spatial_buckets.h"

namespace ganarium::detail {
namespace {

constexpr double kCutoff = 7.0;  // segments farther than 7 noise stds contribute < 1e-10

struct Segment {
    double ax, ay, ux, uy, length, weight;  // start, unit direction, length, probability mass
};

// Polylines (each with a share of the mass, spread by arc length) + Gaussian noise.
class NoisyPolylines final : public Distribution {
public:
    NoisyPolylines(const std::vector<std::vector<std::array<double, 2>>>& lines, const std::vector<double>& shares,
                   double noise)
        : noise_(noise) {
        double share_total = 0;
        for (double s : shares) share_total += s;
        for (size_t l = 0; l < lines.size(); ++l) {
            double total = 0;
            for (size_t i = 1; i < lines[l].size(); ++i)
                total += std::hypot(lines[l][i][0] - lines[l][i - 1][0], lines[l][i][1] - lines[l][i - 1][1]);
            for (size_t i = 1; i < lines[l].size(); ++i) {
                const double dx = lines[l][i][0] - lines[l][i - 1][0], dy = lines[l][i][1] - lines[l][i - 1][1];
                const double len = std::hypot(dx, dy);
                if (len <= 0) continue;
                segments_.push_back(
                    {lines[l][i - 1][0], lines[l][i - 1][1], dx / len, dy / len, len, shares[l] / share_total * len / total});
            }
        }
        double run = 0;
        for (const auto& s : segments_) {
            run += s.weight;
            cumulative_.push_back(run);
        }
        box_ = {1e300, -1e300, 1e300, -1e300};
        for (const auto& s : segments_) {
            for (double t : {0.0, s.length}) {
                box_.x0 = std::min(box_.x0, s.ax + t * s.ux);
                box_.x1 = std::max(box_.x1, s.ax + t * s.ux);
                box_.y0 = std::min(box_.y0, s.ay + t * s.uy);
                box_.y1 = std::max(box_.y1, s.ay + t * s.uy);
            }
        }
        buildBuckets();
    }
    int dim() const override { return 2; }
    void sample(int n, Rng& rng, float* out) const override {
        for (int i = 0; i < n; ++i) {
            size_t k = std::lower_bound(cumulative_.begin(), cumulative_.end(), rng.uniform() * cumulative_.back()) -
                       cumulative_.begin();
            k = std::min(k, segments_.size() - 1);
            const Segment& s = segments_[k];
            const double t = s.length * rng.uniform();
            const double gx = rng.normal(), gy = rng.normal();
            out[2 * i] = static_cast<float>(s.ax + t * s.ux + noise_ * gx);
            out[2 * i + 1] = static_cast<float>(s.ay + t * s.uy + noise_ * gy);
        }
    }
    bool hasDensity() const override { return true; }
    double density(const double* x) const override {
        const double cutoff = kCutoff * noise_;
        const std::vector<int>* near = buckets_.at(x[0], x[1]);
        if (!near) return 0.0;
        double p = 0;
        for (int index : *near) {
            const Segment& s = segments_[index];
            const double rx = x[0] - s.ax, ry = x[1] - s.ay;
            const double t = rx * s.ux + ry * s.uy;         // along the segment
            const double d = -rx * s.uy + ry * s.ux;        // across it
            if (std::abs(d) > cutoff || t < -cutoff || t > s.length + cutoff) continue;
            const double along = normalCdf((s.length - t) / noise_) - normalCdf(-t / noise_);
            p += s.weight / s.length * normalPdf(d / noise_) / noise_ * along;
        }
        return p;
    }
    // 2 x 2 midpoint rule: the curves are smooth on the scale of a metrics cell.
    double cellMass(const double* lo, const double* hi) const override {
        const double wx = 0.5 * (hi[0] - lo[0]), wy = 0.5 * (hi[1] - lo[1]);
        double sum = 0;
        for (int j = 0; j < 2; ++j) {
            for (int i = 0; i < 2; ++i) {
                const double x[2] = {lo[0] + (i + 0.5) * wx, lo[1] + (j + 0.5) * wy};
                sum += density(x);
            }
        }
        return sum * wx * wy;
    }
    Bounds bounds() const override {
        const double pad = 4 * noise_ + 0.1 * std::max(box_.x1 - box_.x0, box_.y1 - box_.y0);
        return {box_.x0 - pad, box_.x1 + pad, box_.y0 - pad, box_.y1 + pad};
    }

private:
    // Buckets listing the segments within the density cutoff of them.
    void buildBuckets() {
        const double cutoff = kCutoff * noise_;
        buckets_ = SpatialBuckets({box_.x0 - cutoff, box_.x1 + cutoff, box_.y0 - cutoff, box_.y1 + cutoff},
                                  0.5 * cutoff, 256);
        for (size_t i = 0; i < segments_.size(); ++i) {
            const Segment& s = segments_[i];
            const double ex = s.ax + s.length * s.ux, ey = s.ay + s.length * s.uy;
            buckets_.insert(static_cast<int>(i), std::min(s.ax, ex) - cutoff, std::max(s.ax, ex) + cutoff,
                            std::min(s.ay, ey) - cutoff, std::max(s.ay, ey) + cutoff);
        }
    }

    std::vector<Segment> segments_;
    SpatialBuckets buckets_;
    std::vector<double> cumulative_;
    double noise_;
    Bounds box_;
};

using Polyline = std::vector<std::array<double, 2>>;

// Points of (r(t) cos t, r(t) sin t) for t in [t0, t1], `n` segments.
template <typename RadiusFn>
Polyline polarCurve(double t0, double t1, int n, RadiusFn radius, double rotate = 0) {
    Polyline out;
    for (int i = 0; i <= n; ++i) {
        const double t = t0 + (t1 - t0) * i / n;
        const double r = radius(t);
        out.push_back({r * std::cos(t + rotate), r * std::sin(t + rotate)});
    }
    return out;
}

}  // namespace

std::unique_ptr<Distribution> makeNoisyCurve2D(const DataSpec& spec) {
    require(spec.noise > 0, spec, "noise must be > 0");
    std::vector<Polyline> lines;
    std::vector<double> shares;
    switch (spec.family) {
        case DataFamily::SwissRoll: {
            // One arm, t in [1.5 pi, 4.5 pi], radius t scaled so the outer end sits at 2.
            const double t1 = 4.5 * kPi;
            lines.push_back(polarCurve(1.5 * kPi, t1, 200, [&](double t) { return 2.0 * t / t1; }));
            shares = {1.0};
            break;
        }
        case DataFamily::Spiral: {
            // Two interleaved arms, radius growing linearly from 0.2 to 2 over 1.5 turns.
            const double t1 = 3 * kPi;
            auto radius = [&](double t) { return 0.2 + 1.8 * t / t1; };
            lines.push_back(polarCurve(0.0, t1, 150, radius));
            lines.push_back(polarCurve(0.0, t1, 150, radius, kPi));
            shares = {1.0, 1.0};
            break;
        }
        case DataFamily::TwoMoons: {
            Polyline upper, lower;
            for (int i = 0; i <= 64; ++i) {
                const double t = kPi * i / 64;
                upper.push_back({std::cos(t) - 0.5, std::sin(t) - 0.25});
                lower.push_back({1.0 - std::cos(t) - 0.5, 0.5 - std::sin(t) - 0.25});
            }
            lines = {upper, lower};
            shares = {1.0, 1.0};
            break;
        }
        case DataFamily::Circles: {
            require(spec.radius > 0, spec, "radius must be > 0");
            auto outer = [&](double) { return spec.radius; };
            auto inner = [&](double) { return 0.5 * spec.radius; };
            lines.push_back(polarCurve(0.0, 2 * kPi, 128, outer));
            lines.push_back(polarCurve(0.0, 2 * kPi, 128, inner));
            shares = {1.0, 1.0};
            break;
        }
        case DataFamily::Line:
            require(spec.point_a != spec.point_b, spec, "point_a and point_b must differ");
            lines.push_back({spec.point_a, spec.point_b});
            shares = {1.0};
            break;
        default: throw SceneError("not a curve family");
    }
    return std::make_unique<NoisyPolylines>(lines, shares, spec.noise);
}

}  // namespace ganarium::detail
