// spectral_norm.cpp — power iteration for the largest singular value.
#include "train/spectral_norm.h"

namespace ganarium {

namespace {
torch::Tensor normalized(const torch::Tensor& t) { return t / (t.norm() + 1e-12); }
}  // namespace

void SpectralNormState::initialize(int64_t out_features, int64_t in_features, at::Generator& gen) {
    u = normalized(torch::randn({out_features}, gen));
    v = normalized(torch::randn({in_features}, gen));
}

void SpectralNormState::iterate(const torch::Tensor& weight) {
    torch::NoGradGuard no_grad;
    const torch::Tensor w = weight.detach();
    v = normalized(torch::mv(w.t(), u));
    u = normalized(torch::mv(w, v));
}

torch::Tensor SpectralNormState::sigma(const torch::Tensor& weight) const {
    return torch::dot(u, torch::mv(weight, v));
}

}  // namespace ganarium
