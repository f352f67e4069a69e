// spectral_norm.h — the power-iteration estimate of a weight matrix's largest
// singular value (Miyato et al., SNGAN): persistent left/right vectors u, v,
// refined by one iteration per discriminator update.
#pragma once

#include <torch/torch.h>

namespace ganarium {

// Persistent power-iteration vectors for one weight matrix (out x in).
struct SpectralNormState {
    torch::Tensor u;  // out_features, unit norm
    torch::Tensor v;  // in_features, unit norm

    // Starts u, v from random unit vectors drawn with `gen`.
    void initialize(int64_t out_features, int64_t in_features, at::Generator& gen);
    // One power iteration on `weight` (no gradient): v <- W^T u / |.|, u <- W v / |.|.
    void iterate(const torch::Tensor& weight);
    // sigma = u^T W v, differentiable in `weight` (u, v treated as constants).
    torch::Tensor sigma(const torch::Tensor& weight) const;
};

}  // namespace ganarium
