// optimizers.cpp — optimizer construction and live hyperparameter edits.
#include "train/optimizers.h"

namespace ganarium {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimSpec& spec, std::vector<torch::Tensor> params) {
    switch (spec.kind) {
        case OptimizerKind::SGD:
            return std::make_unique<torch::optim::SGD>(std::move(params),
                                                       torch::optim::SGDOptions(spec.lr).momentum(spec.momentum));
        case OptimizerKind::Adam:
            return std::make_unique<torch::optim::Adam>(
                std::move(params), torch::optim::AdamOptions(spec.lr).betas({spec.beta1, spec.beta2}));
        case OptimizerKind::RMSprop:
            return std::make_unique<torch::optim::RMSprop>(std::move(params),
                                                           torch::optim::RMSpropOptions(spec.lr).alpha(spec.alpha));
    }
    return nullptr;
}

bool updateOptimizer(torch::optim::Optimizer& optimizer, const OptimSpec& current, const OptimSpec& next) {
    if (current.kind != next.kind) return false;
    for (auto& group : optimizer.param_groups()) {
        switch (next.kind) {
            case OptimizerKind::SGD:
                static_cast<torch::optim::SGDOptions&>(group.options()).lr(next.lr).momentum(next.momentum);
                break;
            case OptimizerKind::Adam:
                static_cast<torch::optim::AdamOptions&>(group.options()).lr(next.lr).betas({next.beta1, next.beta2});
                break;
            case OptimizerKind::RMSprop:
                static_cast<torch::optim::RMSpropOptions&>(group.options()).lr(next.lr).alpha(next.alpha);
                break;
        }
    }
    return true;
}

}  // namespace ganarium
