// nearest_upsample_conv.cpp — upsample-then-conv as a stride-2 transposed conv.
#include "train/nearest_upsample_conv.h"

namespace ganarium {

torch::Tensor subPixelKernel(const torch::Tensor& weight) {
    TORCH_CHECK(weight.dim() == 4 && weight.size(2) == 3 && weight.size(3) == 3, "a 3x3 convolution weight is needed");
    // Row t of `taps` lists which 3x3 taps land on transposed-conv tap t along one axis.
    const torch::Tensor taps = torch::tensor({0.f, 0.f, 1.f, 0.f, 1.f, 1.f, 1.f, 1.f, 0.f, 1.f, 0.f, 0.f},
                                             weight.options().requires_grad(false))
                                   .view({4, 3});
    return torch::einsum("ky,oiyx,lx->iokl", {taps, weight, taps});
}

torch::Tensor nearestUpsampleConv(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
    return torch::conv_transpose2d(x, subPixelKernel(weight), bias, /*stride=*/2, /*padding=*/1);
}

}  // namespace ganarium
