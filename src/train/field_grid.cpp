// field_grid.cpp — grid points and chunked evaluation.
#include "train/field_grid.h"

namespace ganarium {

torch::Tensor gridPoints(const Bounds& box, int nx, int ny, int dim) {
    const double dx = (box.x1 - box.x0) / nx;
    const torch::Tensor xs = torch::arange(nx, torch::kDouble).mul(dx).add(box.x0 + 0.5 * dx).to(torch::kFloat);
    if (dim == 1) return xs.unsqueeze(1);
    const double dy = (box.y1 - box.y0) / ny;
    const torch::Tensor ys = torch::arange(ny, torch::kDouble).mul(dy).add(box.y0 + 0.5 * dy).to(torch::kFloat);
    // Row-major iy * nx + ix: x varies fastest.
    const torch::Tensor gx = xs.unsqueeze(0).expand({ny, nx}).reshape({-1});
    const torch::Tensor gy = ys.unsqueeze(1).expand({ny, nx}).reshape({-1});
    return torch::stack({gx, gy}, 1).contiguous();
}

std::vector<float> evaluateChunked(const torch::Tensor& points,
                                   const std::function<torch::Tensor(const torch::Tensor&)>& fn) {
    torch::NoGradGuard no_grad;
    const int64_t n = points.size(0);
    std::vector<float> out(static_cast<size_t>(n));
    for (int64_t start = 0; start < n; start += kGridChunkRows) {
        const int64_t end = std::min(n, start + kGridChunkRows);
        const torch::Tensor values = fn(points.slice(0, start, end)).reshape({-1}).to(torch::kFloat).contiguous();
        std::copy(values.data_ptr<float>(), values.data_ptr<float>() + (end - start), out.begin() + start);
    }
    return out;
}

FieldGrid makeField(const Bounds& box, int nx, int ny, std::vector<float> values) {
    FieldGrid grid;
    grid.nx = nx;
    grid.ny = ny;
    grid.box = box;
    grid.values = std::move(values);
    return grid;
}

}  // namespace ganarium
