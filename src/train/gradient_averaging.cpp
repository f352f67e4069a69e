// gradient_averaging.cpp — shards, gradient averaging and the same-state check of data-parallel training.
#include "train/gradient_averaging.h"

#include <algorithm>

#include "core/errors.h"
#include "train/distributed_group_impl.h"

namespace ganarium {

BatchShard batchShard(int64_t batch, int rank, int world_size) {
    if (world_size < 1 || batch % world_size != 0)
        throw UserError("a batch of " + std::to_string(batch) + " does not split evenly over " + std::to_string(world_size) +
                        " ranks: use a --world-size that divides every image run's batch, or change `batch`.");
    const int64_t share = batch / world_size;
    return BatchShard{share * rank, share * (rank + 1)};
}

namespace {

// The gradient of `p`, created as zeros when backward left none (a parameter the loss did not reach).
torch::Tensor& gradientOf(const torch::Tensor& p) {
    torch::Tensor& grad = const_cast<torch::Tensor&>(p).mutable_grad();
    if (!grad.defined()) grad = torch::zeros_like(p);
    return grad;
}

}  // namespace

void averageOverRanks(DistributedGroup& group, const std::vector<torch::Tensor>& parameters,
                      const std::vector<torch::Tensor>& buffers, std::vector<double>& scalars) {
    torch::NoGradGuard no_grad;
    std::vector<torch::Tensor> pieces;
    for (const torch::Tensor& p : parameters) pieces.push_back(gradientOf(p));
    for (const torch::Tensor& b : buffers)
        if (b.is_floating_point()) pieces.push_back(b);
    const torch::Tensor values = torch::tensor(std::vector<float>(scalars.begin(), scalars.end()), torch::kFloat32);
    pieces.push_back(values);
    const double inverse = 1.0 / group.worldSize();
    if (group.transfer() == GradientTransfer::Flat) {
        std::vector<torch::Tensor> flat{torch::cat([&] {
            std::vector<torch::Tensor> rows;
            for (const auto& piece : pieces) rows.push_back(piece.reshape({-1}).to(torch::kFloat32));
            return rows;
        }())};
        group.impl().allreduceSum(flat);
        flat[0].mul_(inverse);
        int64_t offset = 0;
        for (auto& piece : pieces) {
            piece.copy_(flat[0].slice(0, offset, offset + piece.numel()).view(piece.sizes()));
            offset += piece.numel();
        }
    } else {
        for (auto& piece : pieces)
            if (!piece.is_contiguous()) throw std::logic_error("averageOverRanks: a non-contiguous tensor");
        group.impl().allreduceSum(pieces);
        for (auto& piece : pieces) piece.mul_(inverse);
    }
    const float* averaged = values.data_ptr<float>();
    for (size_t i = 0; i < scalars.size(); ++i) scalars[i] = averaged[i];
}

void checkSameOnAllRanks(DistributedGroup& group, const std::vector<double>& values, const std::string& what) {
    // Max of v and of -v in one sum-free call: all equal exactly when max(v) == -max(-v) everywhere.
    std::vector<torch::Tensor> both{torch::cat({torch::tensor(values, torch::kFloat64), -torch::tensor(values, torch::kFloat64)})};
    group.impl().allreduce(both, c10d::ReduceOp::MAX);
    const auto n = static_cast<int64_t>(values.size());
    const double* v = both[0].data_ptr<double>();
    for (int64_t i = 0; i < n; ++i)
        if (v[i] != -v[n + i])
            throw UserError("the ranks do not hold the same " + what + " (value " + std::to_string(i) + " ranges from " +
                            std::to_string(-v[n + i]) + " to " + std::to_string(v[i]) +
                            "). Start every rank from the same scene, or --resume every rank from the same checkpoint folder.");
}

double tensorFingerprint(const std::vector<torch::Tensor>& tensors) {
    torch::NoGradGuard no_grad;
    double sum = 0;
    double position = 1;
    for (const auto& t : tensors) {
        const torch::Tensor d = t.detach().to(torch::kFloat64);
        sum += position * (d.sum().item<double>() + 0.5 * d.abs().sum().item<double>());
        position += 1;
    }
    return sum;
}

}  // namespace ganarium
