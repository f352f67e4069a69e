// minibatch_discrimination.h — Salimans et al. (2016)'s minibatch
// discrimination for a toy D: a tensor T maps each sample's last hidden
// features h_i (H wide) to kKernels rows of kKernelDims, M_i = h_i T;
// o_b(x_i) = mean over j != i of exp(-||M_ib - M_jb||_1) tells D how close a
// sample sits to the others of its batch, and D's raw score gains w . o(x_i).
// A collapsed generator's batch is all close together, which D then sees.
// T and w live in one flat buffer with a flat gradient buffer and their own
// optimizer (D's settings), like an Mlp (mlp.h).
#pragma once

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "core/scene_spec.h"
#include "train/optimizers.h"

namespace ganarium {

// The minibatch-discrimination layer of one D, with its parameters and optimizer.
class MinibatchDiscrimination {
public:
    static constexpr int kKernels = 16;    // B: number of kernels
    static constexpr int kKernelDims = 4;  // C: dimensions of each kernel

    // A layer over `features`-wide hidden features; T drawn uniformly in +-1/sqrt(features) from `gen`, w = 0.
    MinibatchDiscrimination(int features, const OptimSpec& optimizer, at::Generator& gen);

    // The kKernels closeness features o (n x kKernels) of the rows of h (n x features) within their batch.
    torch::Tensor closeness(const torch::Tensor& h) const;
    // The extra raw score of each row, w . o(h) (n x 1), differentiable in h, T and w.
    torch::Tensor scores(const torch::Tensor& h) const;

    // T and w (autograd leaves; views of flatParameters()).
    std::vector<torch::Tensor> parameters() const { return {t_, w_}; }
    // Writes gradients (one per parameters() entry) into the flat gradient buffer and takes one optimizer step.
    void step(const std::vector<torch::Tensor>& gradients);

    // Takes D's new optimizer settings live (the state is kept when the kind is the same).
    void setOptimizer(const OptimSpec& optimizer);

    int features() const { return features_; }
    const torch::Tensor& flatParameters() const { return flat_params_; }

    // Deep copies of the training state (parameters and optimizer moments).
    struct State {
        torch::Tensor parameters;
        FlatOptimizer::State optimizer;
    };
    State saveState() const;
    // Restores a saveState() of a layer of the same size; false (nothing changed) when it differs.
    bool restoreState(const State& state);

private:
    int features_;
    torch::Tensor flat_params_, flat_grads_;
    torch::Tensor t_, w_;  // features x (kKernels * kKernelDims), kKernels x 1
    std::unique_ptr<FlatOptimizer> optimizer_;
};

}  // namespace ganarium
