// toy_remedies.h — the mode-collapse remedies of a toy run (ToyGanSpec's
// remedy block; docs/remedies.md): feature matching, minibatch
// discrimination (minibatch_discrimination.h), unrolled D steps, PacGAN
// packing and annealed instance noise. A run with any of them on takes the
// autograd D and G steps of toy_remedies.cpp instead of the manual pass; a
// run with none keeps the manual pass, bit for bit.
#pragma once

#include <torch/torch.h>

#include <cstdint>

#include "core/scene_spec.h"

namespace ganarium {

// D's input width: `dim` times the pack size (PacGAN).
int criticInputWidth(const ToyGanSpec& run, int dim);
// The instance-noise sigma at `step`: sigma0 * (1 - step / instance_noise_steps), 0 from then on.
double instanceNoiseSigma(const ToyGanSpec& run, int64_t step);
// Adds N(0, sigma^2) noise drawn from `gen` to every element of x (returns x unchanged when sigma is 0).
torch::Tensor addInstanceNoise(const torch::Tensor& x, double sigma, at::Generator& gen);
// Packs rows (n * pack x dim) into n packs (n x pack * dim): consecutive samples side by side.
torch::Tensor packSamples(const torch::Tensor& x, int pack);
// Each point repeated `pack` times side by side (n x dim -> n x pack * dim): what the views ask a packed D.
torch::Tensor repeatForPack(const torch::Tensor& x, int pack);
// Feature-matching loss ||mean_i real_i - mean_i fake_i||^2 (rows are samples; `real_mean` is already a mean).
torch::Tensor featureMatchingLoss(const torch::Tensor& real_mean, const torch::Tensor& fake_features);

}  // namespace ganarium
