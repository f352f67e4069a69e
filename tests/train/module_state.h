// module_state.h — every parameter and buffer of a LibTorch module, flattened
// into one tensor, so tests can compare whole network states bit for bit.
#pragma once

#include <torch/torch.h>

#include <vector>

namespace ganarium::test {

// The module's parameters, then its buffers (as float32), flattened and concatenated (a detached copy).
inline torch::Tensor flatState(torch::nn::Module& module) {
    std::vector<torch::Tensor> parts;
    for (const auto& p : module.parameters()) parts.push_back(p.detach().reshape({-1}).clone());
    for (const auto& b : module.buffers()) parts.push_back(b.detach().to(torch::kFloat32).reshape({-1}).clone());
    return torch::cat(parts);
}

}  // namespace ganarium::test
