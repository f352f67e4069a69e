// kernel_density.cpp — Gaussian kernel density estimates on a grid, computed
// by binning the samples into cells and smoothing separably (fast enough to
// run at every metric evaluation), plus the binning/bandwidth helpers.
#include <algorithm>
#include <cmath>

#include "core/density_grid.h"
#include "core/metrics.h"

namespace ganarium {
namespace {

// floor(f) as a cell index, saturated to [-1, n] before the cast (a diverged
// generator's 1e29 must not overflow a long: that is undefined behaviour).
long cellIndex(double f, long n) { return static_cast<long>(std::clamp(std::floor(f), -1.0, static_cast<double>(n))); }

}  // namespace

namespace detail {

std::vector<double> binSamples(const std::vector<float>& samples, int dim, const Bounds& box, int nx, int ny,
                               bool clamp) {
    std::vector<double> counts(static_cast<size_t>(nx) * ny, 0.0);
    const size_t n = samples.size() / dim;
    const double sx = nx / (box.x1 - box.x0);
    const double sy = dim == 2 ? ny / (box.y1 - box.y0) : 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double x = samples[i * dim];
        if (!std::isfinite(x)) continue;
        long ix = cellIndex((x - box.x0) * sx, nx);
        long iy = 0;
        if (dim == 2) {
            const double y = samples[i * dim + 1];
            if (!std::isfinite(y)) continue;
            iy = cellIndex((y - box.y0) * sy, ny);
        }
        const bool inside = ix >= 0 && ix < nx && iy >= 0 && iy < ny;
        if (!inside) {
            if (!clamp) continue;
            ix = std::clamp<long>(ix, 0, nx - 1);
            iy = std::clamp<long>(iy, 0, ny - 1);
        }
        counts[static_cast<size_t>(iy) * nx + ix] += 1.0;
    }
    return counts;
}

double scottBandwidth(const std::vector<float>& samples, int dim, int axis) {
    const size_t n = samples.size() / dim;
    if (n < 2) return 0.0;
    double mean = 0, sq = 0;
    size_t used = 0;
    for (size_t i = 0; i < n; ++i) {
        const double v = samples[i * dim + axis];
        if (!std::isfinite(v)) continue;
        mean += v;
        sq += v * v;
        ++used;
    }
    if (used < 2) return 0.0;
    mean /= used;
    const double var = std::max(0.0, sq / used - mean * mean);
    const double factor = dim == 1 ? 1.06 * std::pow(double(used), -0.2) : std::pow(double(used), -1.0 / 6.0);
    return std::sqrt(var) * factor;
}

namespace {

// Normalised discrete Gaussian kernel with std h (in cells), offsets -r..r.
std::vector<double> discreteKernel(double h) {
    const int r = std::max(1, static_cast<int>(std::ceil(4 * h)));
    std::vector<double> k(2 * r + 1);
    double total = 0;
    for (int i = -r; i <= r; ++i) total += k[i + r] = std::exp(-0.5 * (i / h) * (i / h));
    for (double& v : k) v /= total;
    return k;
}

// One pass along x (stride 1) or y (stride nx).
void smoothAxis(std::vector<double>& values, int nx, int ny, bool along_x, const std::vector<double>& kernel) {
    const int r = static_cast<int>(kernel.size() / 2);
    const int len = along_x ? nx : ny, lines = along_x ? ny : nx;
    const size_t stride = along_x ? 1 : nx;
    std::vector<double> line(len), out(len);
    for (int l = 0; l < lines; ++l) {
        const size_t base = along_x ? static_cast<size_t>(l) * nx : static_cast<size_t>(l);
        bool any = false;
        for (int i = 0; i < len; ++i) {
            line[i] = values[base + i * stride];
            any = any || line[i] != 0;
        }
        if (!any) continue;
        std::fill(out.begin(), out.end(), 0.0);
        for (int i = 0; i < len; ++i) {
            if (line[i] == 0) continue;
            const int j0 = std::max(0, i - r), j1 = std::min(len - 1, i + r);
            for (int j = j0; j <= j1; ++j) out[j] += line[i] * kernel[j - i + r];
        }
        for (int i = 0; i < len; ++i) values[base + i * stride] = out[i];
    }
}

}  // namespace

void gaussianSmooth(std::vector<double>& values, int nx, int ny, double hx_cells, double hy_cells) {
    if (hx_cells > 0) smoothAxis(values, nx, ny, true, discreteKernel(hx_cells));
    if (ny > 1 && hy_cells > 0) smoothAxis(values, nx, ny, false, discreteKernel(hy_cells));
}

}  // namespace detail

FieldGrid kernelDensity(const std::vector<float>& samples, int dim, const Bounds& box, int nx, int ny,
                        double bandwidth) {
    FieldGrid grid;
    if (dim == 1) ny = 1;
    grid.nx = nx;
    grid.ny = ny;
    grid.box = box;
    std::vector<double> cells = detail::binSamples(samples, dim, box, nx, ny, false);
    const double cw = (box.x1 - box.x0) / nx;
    const double ch = dim == 2 ? (box.y1 - box.y0) / ny : 1.0;
    const double hx = bandwidth > 0 ? bandwidth : detail::scottBandwidth(samples, dim, 0);
    const double hy = dim == 2 ? (bandwidth > 0 ? bandwidth : detail::scottBandwidth(samples, dim, 1)) : 0.0;
    // Scott's rule is clamped to [0.5, 2] cells: the floor spreads a very tight cloud over its
    // cell, the cap keeps a mixture's modes sharp (Scott's rule assumes a single Gaussian).
    // An explicit bandwidth is only floored.
    const double cap = bandwidth > 0 ? 1e30 : 2.0;
    detail::gaussianSmooth(cells, nx, ny, std::clamp(hx / cw, 0.5, cap), std::clamp(hy / ch, 0.5, cap));
    const size_t n = samples.size() / dim;
    const double scale = n > 0 ? 1.0 / (n * cw * ch) : 0.0;
    grid.values.resize(cells.size());
    for (size_t i = 0; i < cells.size(); ++i) grid.values[i] = static_cast<float>(cells[i] * scale);
    return grid;
}

}  // namespace ganarium
