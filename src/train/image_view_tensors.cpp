// image_view_tensors.cpp — capture steps, slerp and the chunked nearest-image search.
#include "train/image_view_tensors.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ganarium {

namespace {
// Training images converted to float per matrix product (about 25 MB of floats at a time).
constexpr int64_t kChunk = 8192;
}  // namespace

bool isProgressStep(const std::vector<int>& chosen, int64_t step) {
    if (!chosen.empty()) return std::find(chosen.begin(), chosen.end(), step) != chosen.end();
    if (step == 100) return true;
    if (step < 1000) return false;
    int64_t m = step;
    while (m % 10 == 0) m /= 10;
    return m == 1 || m == 2 || m == 5;
}

torch::Tensor slerpRow(const torch::Tensor& a, const torch::Tensor& b, int n) {
    const torch::Tensor a64 = a.reshape({-1}).to(torch::kFloat64), b64 = b.reshape({-1}).to(torch::kFloat64);
    const double na = a64.norm().item<double>(), nb = b64.norm().item<double>();
    const double cosine = na > 0 && nb > 0 ? std::clamp(a64.dot(b64).item<double>() / (na * nb), -1.0, 1.0) : 1.0;
    const double omega = std::acos(cosine);
    std::vector<torch::Tensor> rows;
    for (int i = 0; i < n; ++i) {
        const double t = n > 1 ? static_cast<double>(i) / (n - 1) : 0.0;
        double wa = 1 - t, wb = t;  // nearly parallel codes: a straight line
        if (std::sin(omega) > 1e-6) {
            wa = std::sin((1 - t) * omega) / std::sin(omega);
            wb = std::sin(t * omega) / std::sin(omega);
        }
        rows.push_back(i == 0 ? a64 : i == n - 1 ? b64 : wa * a64 + wb * b64);
    }
    return torch::stack(rows).to(a.scalar_type());
}

ImageGrid imagesToGrid(const torch::Tensor& images, int rows, int cols) {
    ImageGrid grid;
    grid.rows = rows;
    grid.cols = cols;
    grid.side = static_cast<int>(images.size(-1));
    const torch::Tensor t = ((images.detach().to(torch::kFloat32) + 1.0) * 0.5).clamp(0.0, 1.0).contiguous();
    grid.pixels.assign(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
    grid.pixels.resize(static_cast<size_t>(rows * cols * grid.side * grid.side), 0.0f);
    return grid;
}

torch::Tensor squaredNormsOf(const torch::Tensor& images) {
    torch::NoGradGuard no_grad;
    const int64_t count = images.size(0);
    std::vector<torch::Tensor> parts;
    for (int64_t start = 0; start < count; start += kChunk) {
        const torch::Tensor x = images.slice(0, start, std::min(count, start + kChunk)).reshape({-1, images[0].numel()});
        parts.push_back(x.to(torch::kFloat32).div_(255.0).pow_(2).sum(1));
    }
    return parts.empty() ? torch::zeros({0}) : torch::cat(parts);
}

std::vector<NearestImage> nearestImages(const torch::Tensor& queries, const torch::Tensor& images,
                                        const torch::Tensor& squared_norms) {
    torch::NoGradGuard no_grad;
    const torch::Tensor q = queries.reshape({queries.size(0), -1}).to(torch::kFloat32);
    const int64_t count = images.size(0);
    torch::Tensor best = torch::full({q.size(0)}, std::numeric_limits<float>::infinity());
    torch::Tensor best_index = torch::full({q.size(0)}, -1, torch::kLong);
    for (int64_t start = 0; start < count; start += kChunk) {
        const int64_t end = std::min(count, start + kChunk);
        const torch::Tensor x = images.slice(0, start, end).reshape({end - start, -1}).to(torch::kFloat32).div_(255.0);
        // ||x||^2 - 2 q.x for each query (rows) and image (columns); ||q||^2 is added at the end.
        const torch::Tensor d = squared_norms.slice(0, start, end).unsqueeze(0) - 2.0 * torch::mm(q, x.t());
        const auto [value, index] = d.min(1);
        const torch::Tensor better = value < best;
        best = torch::where(better, value, best);
        best_index = torch::where(better, index + start, best_index);
    }
    // The expansion above cancels badly near 0: the winners' distances are measured directly.
    std::vector<NearestImage> out(static_cast<size_t>(q.size(0)));
    for (int64_t i = 0; i < q.size(0); ++i) {
        const int64_t index = best_index[i].item<int64_t>();
        if (index < 0) continue;
        const torch::Tensor x = images[index].reshape({-1}).to(torch::kFloat32).div_(255.0);
        out[static_cast<size_t>(i)] = {index, (x - q[i]).norm().item<double>()};
    }
    return out;
}

}  // namespace ganarium
