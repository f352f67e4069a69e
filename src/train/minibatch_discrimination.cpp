// minibatch_discrimination.cpp — the minibatch features and their training state (see the header).
#include "train/minibatch_discrimination.h"

#include <cmath>

namespace ganarium {

MinibatchDiscrimination::MinibatchDiscrimination(int features, const OptimSpec& optimizer, at::Generator& gen)
    : features_(features) {
    const int64_t t_size = static_cast<int64_t>(features) * kKernels * kKernelDims;
    flat_params_ = torch::zeros({t_size + kKernels});
    flat_grads_ = torch::zeros({t_size + kKernels});
    const double bound = 1.0 / std::sqrt(static_cast<double>(features));
    flat_params_.narrow(0, 0, t_size).uniform_(-bound, bound, gen);
    // Leaves whose storage is the flat buffer (as MlpImpl does for its layers).
    t_ = torch::empty({features, kKernels * kKernelDims}).requires_grad_(true);
    w_ = torch::empty({kKernels, 1}).requires_grad_(true);
    t_.set_data(flat_params_.narrow(0, 0, t_size).view({features, kKernels * kKernelDims}));
    w_.set_data(flat_params_.narrow(0, t_size, kKernels).view({kKernels, 1}));
    optimizer_ = std::make_unique<FlatOptimizer>(optimizer, flat_params_.numel());
}

torch::Tensor MinibatchDiscrimination::closeness(const torch::Tensor& h) const {
    const int64_t n = h.size(0);
    const torch::Tensor m = torch::mm(h, t_).view({n, kKernels, kKernelDims});
    // ||M_ib - M_jb||_1 for every pair: n x n x kKernels.
    const torch::Tensor l1 = (m.unsqueeze(1) - m.unsqueeze(0)).abs().sum(3);
    // exp(0) = 1 on the diagonal (j = i) is taken out; a batch of one has no others.
    const torch::Tensor sum = torch::exp(-l1).sum(1) - 1.0;
    return n > 1 ? sum / static_cast<double>(n - 1) : sum * 0.0;
}

torch::Tensor MinibatchDiscrimination::scores(const torch::Tensor& h) const { return torch::mm(closeness(h), w_); }

void MinibatchDiscrimination::step(const std::vector<torch::Tensor>& gradients) {
    const int64_t t_size = t_.numel();
    flat_grads_.narrow(0, 0, t_size).copy_(gradients[0].reshape({-1}));
    flat_grads_.narrow(0, t_size, kKernels).copy_(gradients[1].reshape({-1}));
    torch::NoGradGuard no_grad;
    optimizer_->step(flat_params_, flat_grads_);
}

void MinibatchDiscrimination::setOptimizer(const OptimSpec& optimizer) {
    if (!optimizer_->update(optimizer)) optimizer_ = std::make_unique<FlatOptimizer>(optimizer, flat_params_.numel());
}

MinibatchDiscrimination::State MinibatchDiscrimination::saveState() const {
    return State{flat_params_.clone(), optimizer_->saveState()};
}

bool MinibatchDiscrimination::restoreState(const State& state) {
    if (!state.parameters.defined() || state.parameters.sizes() != flat_params_.sizes()) return false;
    torch::NoGradGuard no_grad;
    flat_params_.copy_(state.parameters);
    optimizer_->restoreState(state.optimizer);
    return true;
}

}  // namespace ganarium
