// toy_condition.cpp — label draws, one-hot rows, wrong labels and nearest
// modes of the conditional toy GAN.
#include "train/toy_condition.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ganarium {

void ToyCondition::setData(const Distribution& data) {
    centres_ = data.modes();
    dim_ = data.dim();
    cumulative_.clear();
    double run = 0;
    for (double w : data.modeWeights()) cumulative_.push_back(run += w);
    if (!cumulative_.empty() && run > 0)
        for (double& c : cumulative_) c /= run;
}

torch::Tensor ToyCondition::drawLabels(int64_t n, at::Generator& gen) const {
    torch::Tensor labels = torch::zeros({n}, torch::kLong);
    if (cumulative_.empty() || n == 0) return labels;
    const torch::Tensor u = torch::empty({n}, torch::kDouble).uniform_(0.0, 1.0, gen);
    const double* us = u.data_ptr<double>();
    int64_t* out = labels.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i) {
        const size_t k = std::lower_bound(cumulative_.begin(), cumulative_.end(), us[i]) - cumulative_.begin();
        out[i] = static_cast<int64_t>(std::min(k, cumulative_.size() - 1));
    }
    return labels;
}

torch::Tensor ToyCondition::withOneHot(const torch::Tensor& z, const torch::Tensor& labels) const {
    const torch::Tensor hot = torch::one_hot(labels.to(torch::kLong), labelCount()).to(z.scalar_type());
    return torch::cat({z, hot}, 1);
}

void ToyCondition::writeRows(const float* x, const int64_t* labels, int64_t n, int dim, float* out) const {
    const int k = labelCount(), width = dim + k;
    for (int64_t i = 0; i < n; ++i) {
        float* row = out + i * width;
        std::copy(x + i * dim, x + (i + 1) * dim, row);
        std::fill(row + dim, row + width, 0.0f);
        row[dim + labels[i]] = 1.0f;
    }
}

torch::Tensor ToyCondition::labelsOf(const torch::Tensor& conditioned) const {
    const int64_t k = labelCount();
    return conditioned.narrow(1, conditioned.size(1) - k, k).argmax(1);
}

torch::Tensor ToyCondition::nearestLabels(const torch::Tensor& x) const {
    const torch::Tensor c = x.detach().to(torch::kFloat).contiguous();
    const int64_t n = c.size(0), dim = c.size(1);
    torch::Tensor labels = torch::zeros({n}, torch::kLong);
    const float* xs = c.data_ptr<float>();
    int64_t* out = labels.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i) {
        double best = std::numeric_limits<double>::infinity();
        for (size_t k = 0; k < centres_.size(); ++k) {
            const double dx = xs[i * dim] - centres_[k].x;
            const double dy = dim > 1 ? xs[i * dim + 1] - centres_[k].y : 0.0;
            const double d2 = dx * dx + dy * dy;
            if (d2 < best) best = d2, out[i] = static_cast<int64_t>(k);
        }
    }
    return labels;
}

int64_t ToyCondition::wrongLabel(int64_t y, Rng& rng) const {
    const int64_t k = labelCount();
    if (k < 2) return y;
    return (y + 1 + static_cast<int64_t>(rng.below(static_cast<uint64_t>(k - 1)))) % k;
}

double conditionAccuracy(const ToyCondition& condition, const torch::Tensor& x, const torch::Tensor& labels) {
    if (x.size(0) == 0) return std::numeric_limits<double>::quiet_NaN();
    return condition.nearestLabels(x).eq(labels.to(torch::kLong)).to(torch::kDouble).mean().item<double>();
}

}  // namespace ganarium
