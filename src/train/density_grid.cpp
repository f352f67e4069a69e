// density_grid.cpp — binned KDE and analytic density grids.
#include "train/density_grid.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

namespace {

// Scott's rule bandwidth for one coordinate.
double scottBandwidth(const std::vector<float>& samples, int dim, int axis) {
    const size_t n = samples.size() / static_cast<size_t>(dim);
    if (n < 2) return 0.1;
    double mean = 0, sq = 0;
    for (size_t i = 0; i < n; ++i) mean += samples[i * dim + axis];
    mean /= static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) {
        const double d = samples[i * dim + axis] - mean;
        sq += d * d;
    }
    const double sd = std::sqrt(sq / static_cast<double>(n - 1));
    return std::max(sd * std::pow(static_cast<double>(n), -1.0 / (dim + 4)), 1e-4);
}

// Blurs `grid` (ny rows of nx) along x (axis 0) or y (axis 1) with a Gaussian of `sigma_cells`.
void blur(std::vector<double>& grid, int nx, int ny, int axis, double sigma_cells) {
    const int radius = std::max(1, static_cast<int>(std::ceil(3.0 * sigma_cells)));
    std::vector<double> kernel(2 * radius + 1);
    for (int k = -radius; k <= radius; ++k) {
        const double u = k / std::max(sigma_cells, 1e-6);
        kernel[k + radius] = std::exp(-0.5 * u * u);
    }
    double total = 0;
    for (double w : kernel) total += w;
    for (double& w : kernel) w /= total;
    std::vector<double> out(grid.size(), 0.0);
    const int len = axis == 0 ? nx : ny;
    const int lines = axis == 0 ? ny : nx;
    for (int line = 0; line < lines; ++line) {
        for (int i = 0; i < len; ++i) {
            const size_t src = axis == 0 ? static_cast<size_t>(line) * nx + i : static_cast<size_t>(i) * nx + line;
            const double v = grid[src];
            if (v == 0) continue;
            for (int k = -radius; k <= radius; ++k) {
                const int j = i + k;
                if (j < 0 || j >= len) continue;
                const size_t dst = axis == 0 ? static_cast<size_t>(line) * nx + j : static_cast<size_t>(j) * nx + line;
                out[dst] += v * kernel[k + radius];
            }
        }
    }
    grid.swap(out);
}

}  // namespace

FieldGrid binnedDensity(const std::vector<float>& samples, int dim, const Bounds& box, int nx, int ny) {
    FieldGrid field;
    field.nx = nx;
    field.ny = ny;
    field.box = box;
    const size_t n = samples.size() / static_cast<size_t>(dim);
    std::vector<double> grid(static_cast<size_t>(nx) * ny, 0.0);
    const double dx = (box.x1 - box.x0) / nx;
    const double dy = dim == 2 ? (box.y1 - box.y0) / ny : 1.0;
    // Linear binning: each sample splits its unit mass between neighbouring cell centres.
    for (size_t i = 0; i < n; ++i) {
        const double fx = (samples[i * dim] - box.x0) / dx - 0.5;
        const double fy = dim == 2 ? (samples[i * dim + 1] - box.y0) / dy - 0.5 : 0.0;
        if (!std::isfinite(fx) || !std::isfinite(fy)) continue;
        const int ix = static_cast<int>(std::floor(fx)), iy = static_cast<int>(std::floor(fy));
        const double tx = fx - ix, ty = fy - iy;
        for (int a = 0; a < 2; ++a) {
            for (int b = 0; b < (dim == 2 ? 2 : 1); ++b) {
                const int cx = ix + a, cy = dim == 2 ? iy + b : 0;
                if (cx < 0 || cx >= nx || cy < 0 || cy >= ny) continue;
                const double w = (a ? tx : 1 - tx) * (dim == 2 ? (b ? ty : 1 - ty) : 1.0);
                grid[static_cast<size_t>(cy) * nx + cx] += w;
            }
        }
    }
    blur(grid, nx, ny, 0, scottBandwidth(samples, dim, 0) / dx);
    if (dim == 2) blur(grid, nx, ny, 1, scottBandwidth(samples, dim, 1) / dy);
    const double norm = n > 0 ? 1.0 / (static_cast<double>(n) * dx * dy) : 0.0;
    field.values.resize(grid.size());
    for (size_t i = 0; i < grid.size(); ++i) field.values[i] = static_cast<float>(grid[i] * norm);
    return field;
}

FieldGrid analyticDensity(const Distribution& dist, const Bounds& box, int nx, int ny) {
    FieldGrid field;
    field.nx = nx;
    field.ny = ny;
    field.box = box;
    field.values.resize(static_cast<size_t>(nx) * ny);
    const double dx = (box.x1 - box.x0) / nx, dy = (box.y1 - box.y0) / ny;
    for (int iy = 0; iy < ny; ++iy) {
        for (int ix = 0; ix < nx; ++ix) {
            const double x[2] = {box.x0 + (ix + 0.5) * dx, box.y0 + (iy + 0.5) * dy};
            field.values[static_cast<size_t>(iy) * nx + ix] = static_cast<float>(dist.density(x));
        }
    }
    return field;
}

}  // namespace ganarium
