// optimizers.h — building SGD / Adam / RMSprop from an OptimSpec, and
// changing hyperparameters of a live optimizer without losing its state.
#pragma once

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "core/scene_spec.h"

namespace ganarium {

// A new optimizer of spec.kind over `params`.
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimSpec& spec, std::vector<torch::Tensor> params);

// Applies `next` to `optimizer` (built from `current`) in place when only scalar hyperparameters
// changed; returns false when the kind differs and the optimizer must be rebuilt.
bool updateOptimizer(torch::optim::Optimizer& optimizer, const OptimSpec& current, const OptimSpec& next);

}  // namespace ganarium
