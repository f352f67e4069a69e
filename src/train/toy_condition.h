// toy_condition.h — the conditional toy GAN's labels (lecture section 8):
// y is the data's mixture component, fed to G and D as a one-hot of K
// columns concatenated to z and to x. This file holds the label arithmetic
// (drawing y from the component weights, one-hot rows, wrong labels for the
// mismatched pairs, the nearest mode of a point); GanRun's conditional
// steps (toy_condition_steps.cpp) use it.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "core/distribution.h"
#include "core/rng.h"

namespace ganarium {

// What a conditional run knows about its data's labels.
class ToyCondition {
public:
    // Reads the components of `data` (their count, weights and centres); an unlabelled family has 0.
    void setData(const Distribution& data);
    // The number of labels K (0 before setData or for data without components).
    int labelCount() const { return static_cast<int>(centres_.size()); }

    // n labels drawn from the component weights with `gen` (n uniform draws), as int64.
    torch::Tensor drawLabels(int64_t n, at::Generator& gen) const;
    // [z, onehot(labels)]: n x (z columns + K).
    torch::Tensor withOneHot(const torch::Tensor& z, const torch::Tensor& labels) const;
    // Writes rows [x_i, onehot(labels_i)] into `out` (n x (dim + K), contiguous) from x (n x dim, contiguous).
    void writeRows(const float* x, const int64_t* labels, int64_t n, int dim, float* out) const;
    // The labels held in the last K columns of a conditioned input (argmax), as int64.
    torch::Tensor labelsOf(const torch::Tensor& conditioned) const;
    // The label of the component centre nearest each row of x (n x dim), as int64.
    torch::Tensor nearestLabels(const torch::Tensor& x) const;
    // A label other than `y`, uniform over the K - 1 others, drawn with `rng`.
    int64_t wrongLabel(int64_t y, Rng& rng) const;

private:
    std::vector<double> cumulative_;  // running sums of the component weights (the last is 1)
    std::vector<Mode> centres_;       // component centres (1D: x only)
    int dim_ = 2;
};

// The buffers of a conditional run's D and G steps (reused from step to step).
struct ConditionBuffers {
    torch::Tensor real, fake;             // n x dim samples before their labels are attached
    torch::Tensor real_labels, fake_labels, wrong_labels;  // int64, n each
    torch::Tensor g_input;                // n x (latent_dim + K)
    torch::Tensor d_input;                // rows [x, onehot(y)]: real, fake, then mismatched (n each)
    torch::Tensor d_input_g_step;         // n x (dim + K) of the G step
    torch::Tensor g_output_grad;          // dLoss/dx of the G step, n x dim
    std::vector<int> sampled;             // the data sampler's labels (int)
};

// Share of rows of x (n x dim) whose nearest centre is their label (NaN for n = 0): condition_accuracy.
double conditionAccuracy(const ToyCondition& condition, const torch::Tensor& x, const torch::Tensor& labels);

}  // namespace ganarium
