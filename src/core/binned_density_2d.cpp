// binned_density_2d.cpp — linear binning, separable Gaussian convolution,
// bilinear read-out.
#include "core/binned_density_2d.h"

#include <algorithm>
#include <cmath>

namespace ganarium::detail {

namespace {

constexpr double kCellsPerStd = 4.0;   // grid step std/4: binning + interpolation widen the kernel by ~1%
constexpr double kRadiusStds = 5.0;    // kernel truncation and box padding

// Discrete Gaussian taps over [-r, r] grid steps, summing to 1.
std::vector<double> gaussianTaps(int r) {
    std::vector<double> taps(2 * r + 1);
    double total = 0;
    for (int i = -r; i <= r; ++i) {
        taps[i + r] = std::exp(-0.5 * (i / kCellsPerStd) * (i / kCellsPerStd));
        total += taps[i + r];
    }
    for (double& t : taps) t /= total;
    return taps;
}

// Convolves `grid` (ny rows of nx) with `taps` along x (stride 1) or y (stride nx).
void convolve(std::vector<double>& grid, long nx, long ny, const std::vector<double>& taps, bool along_x) {
    const long r = static_cast<long>(taps.size() / 2);
    const long n = along_x ? nx : ny, lines = along_x ? ny : nx;
    const long stride = along_x ? 1 : nx, line_step = along_x ? nx : 1;
    std::vector<double> in(static_cast<size_t>(n));
    for (long l = 0; l < lines; ++l) {
        double* base = grid.data() + l * line_step;
        for (long i = 0; i < n; ++i) in[i] = base[i * stride];
        for (long i = 0; i < n; ++i) {
            double s = 0;
            const long lo = std::max(0L, i - r), hi = std::min(n - 1, i + r);
            for (long j = lo; j <= hi; ++j) s += in[j] * taps[j - i + r];
            base[i * stride] = s;
        }
    }
}

}  // namespace

BinnedDensity2D::BinnedDensity2D(const std::vector<double>& xyw, double std, long max_cells) {
    if (xyw.empty() || !(std > 0)) return;
    double xmin = xyw[0], xmax = xyw[0], ymin = xyw[1], ymax = xyw[1];
    for (size_t i = 0; i + 2 < xyw.size(); i += 3) {
        xmin = std::min(xmin, xyw[i]);
        xmax = std::max(xmax, xyw[i]);
        ymin = std::min(ymin, xyw[i + 1]);
        ymax = std::max(ymax, xyw[i + 1]);
    }
    h_ = std / kCellsPerStd;
    const double pad = kRadiusStds * std + 2 * h_;
    x0_ = xmin - pad;
    y0_ = ymin - pad;
    const double cells_x = std::ceil((xmax - xmin + 2 * pad) / h_) + 1;
    const double cells_y = std::ceil((ymax - ymin + 2 * pad) / h_) + 1;
    if (cells_x * cells_y > static_cast<double>(max_cells)) return;
    nx_ = static_cast<long>(cells_x);
    ny_ = static_cast<long>(cells_y);
    values_.assign(static_cast<size_t>(nx_ * ny_), 0.0);
    for (size_t i = 0; i + 2 < xyw.size(); i += 3) {  // linear binning onto the four corners around each point
        const double fx = (xyw[i] - x0_) / h_, fy = (xyw[i + 1] - y0_) / h_;
        const long ix = static_cast<long>(fx), iy = static_cast<long>(fy);
        const double tx = fx - ix, ty = fy - iy, w = xyw[i + 2];
        double* row = values_.data() + iy * nx_ + ix;
        row[0] += w * (1 - tx) * (1 - ty);
        row[1] += w * tx * (1 - ty);
        row[nx_] += w * (1 - tx) * ty;
        row[nx_ + 1] += w * tx * ty;
    }
    const std::vector<double> taps = gaussianTaps(static_cast<int>(std::ceil(kRadiusStds * kCellsPerStd)));
    convolve(values_, nx_, ny_, taps, true);
    convolve(values_, nx_, ny_, taps, false);
    const double per_area = 1.0 / (h_ * h_);  // mass per cell -> density
    for (double& v : values_) v *= per_area;
}

double BinnedDensity2D::at(double x, double y) const {
    if (values_.empty()) return 0.0;
    const double fx = (x - x0_) / h_, fy = (y - y0_) / h_;
    if (!(fx >= 0 && fy >= 0 && fx < nx_ - 1 && fy < ny_ - 1)) return 0.0;
    const long ix = static_cast<long>(fx), iy = static_cast<long>(fy);
    const double tx = fx - ix, ty = fy - iy;
    const double* row = values_.data() + iy * nx_ + ix;
    return (row[0] * (1 - tx) + row[1] * tx) * (1 - ty) + (row[nx_] * (1 - tx) + row[nx_ + 1] * tx) * ty;
}

}  // namespace ganarium::detail
