// critic_fn.h — a critic as a callable: raw scores f(x), one per sample,
// for whatever network computes them. The regularizers take this, so they
// need not know whether D is an MLP on points or a CNN on images.
#pragma once

#include <torch/torch.h>

#include <functional>

namespace ganarium {

// Raw scores f(x), one per sample (shape n or n x 1), differentiable in x.
using CriticFn = std::function<torch::Tensor(const torch::Tensor&)>;

}  // namespace ganarium
