// optimizers.h — SGD (with momentum), Adam and RMSprop over one flat
// parameter buffer and its flat gradient buffer (see MlpImpl's flat
// storage): one fused loop per step instead of several tensor ops per
// parameter tensor. The update rules are torch::optim's (LibTorch 1.13,
// default eps, no weight decay). Hyperparameters change live without
// losing the optimizer state.
#pragma once

#include <torch/torch.h>

#include <cstdint>

#include "core/scene_spec.h"

namespace ganarium {

// One optimizer and its state for one network's flat parameters.
class FlatOptimizer {
public:
    // An optimizer of spec.kind for `size` parameters, with zero state.
    FlatOptimizer(const OptimSpec& spec, int64_t size);

    // Takes `next`'s hyperparameters, keeping the state; returns false (nothing changed) when the kind differs.
    bool update(const OptimSpec& next);

    // One update of `params` (contiguous float, `size` elements) from `grads` (same layout).
    void step(const torch::Tensor& params, const torch::Tensor& grads);

    // The kind of update this optimizer applies.
    OptimizerKind kind() const { return spec_.kind; }

    // Deep copies of the state (moment buffers and step count) of an optimizer of `kind`.
    struct State {
        OptimizerKind kind;
        torch::Tensor first, second;
        int64_t steps = 0;
    };
    State saveState() const;
    // Restores a saveState(); a state of another kind or size leaves a fresh zero state instead.
    void restoreState(const State& state);

private:
    OptimSpec spec_;
    torch::Tensor first_, second_;  // Adam: exp_avg, exp_avg_sq; SGD: momentum buffer; RMSprop: square_avg
    int64_t steps_ = 0;
};

}  // namespace ganarium
