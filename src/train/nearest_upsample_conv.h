// nearest_upsample_conv.h — nearest-neighbour x2 upsampling followed by a
// 3x3 convolution (padding 1), computed as the one stride-2 transposed
// convolution it equals. Every output pixel of the pair reads a 2x2 block of
// the low-resolution input (its four sub-pixel phases read different blocks),
// so a 4x4 transposed-conv kernel whose taps are sums of the 3x3 taps gives
// the same images and gradients with 4/9 of the multiply-adds and no
// upsampled intermediate. For a 3x3 kernel w along one axis the 4 taps are
// (w2, w1 + w2, w0 + w1, w0). On this CPU the pair's final 32 -> 1 channel
// layer runs about 8x faster this way (docs/benchmarks.md).
#pragma once

#include <torch/torch.h>

namespace ganarium {

// The 4x4 transposed-conv kernel (in x out x 4 x 4) equal to nearest x2 upsampling then `weight` (out x in x 3 x 3).
torch::Tensor subPixelKernel(const torch::Tensor& weight);

// conv2d(upsample_nearest(x, 2), weight, bias, padding 1) for x n x in x h x w; differentiable in all three.
torch::Tensor nearestUpsampleConv(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias);

}  // namespace ganarium
