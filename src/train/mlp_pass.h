// mlp_pass.h — a hand-written forward and backward pass through an Mlp for
// the training steps. Activations live in buffers kept from step to step,
// weight gradients go straight into the MLP's flat gradient buffer and no
// autograd graph is built: a few in-place ATen ops per layer instead of
// autograd's nodes, saved tensors and gradient accumulation. The result is
// the same gradient autograd computes (activation derivatives are read from
// the stored activation outputs). Products with a tiny dimension (2D data,
// z, D's one output) use the loops of small_matmul.h, the others BLAS.
// The 128-wide products go to oneDNN's sgemm where available
// (row_major_gemm.h), else to ATen. Inputs and gradients handed in must be
// contiguous. Under spectral normalization the pass
// applies W / sigma and finishGradients() converts dL/d(W / sigma) to dL/dW.
//
// For piecewise-linear activations (ReLU, LeakyReLU) it also computes the
// input gradient of D at some rows and back-propagates a penalty on it into
// the weights (the double backward of WGAN-GP and R1, exact: the activation
// slopes are constant almost everywhere, so the biases get nothing).
#pragma once

#include <torch/torch.h>

#include <vector>

#include "train/mlp.h"
#include "train/row_major_gemm.h"

namespace ganarium {

// The manual pass through one bound Mlp, with its buffers.
class MlpPass {
public:
    // Attaches the pass to `net` (again after the network was rebuilt or its spectral norm switched).
    void bind(MlpImpl& net);
    // Reads the current weights: under spectral norm, W / sigma with the current u, v. Call after weights change.
    void load();

    // Forward pass of x (rows x in), keeping activations; the output (rows x out) goes to `out` when given.
    const torch::Tensor& forward(const torch::Tensor& x, const torch::Tensor& out = {});
    // Back-propagates dLoss/dOutput of the first grad_out.size(0) rows of the last forward pass. Writes the
    // weight and bias gradients (overwriting) into the net's flat gradients when `weights`; returns
    // dLoss/dInput when `input` (an internal buffer, valid until the next call), else an undefined tensor.
    torch::Tensor backward(const torch::Tensor& grad_out, bool weights, bool input);

    // True when the activation is piecewise linear (inputGradient / penaltyBackward apply).
    bool piecewiseLinear() const;
    // d(sum of outputs)/dx at rows [row0, row0 + n) of the last forward pass (n x in, an internal buffer).
    const torch::Tensor& inputGradient(int64_t row0, int64_t n);
    // Adds dP/dW to the weight gradients for a penalty P whose gradient with respect to the last
    // inputGradient() is `grad_penalty` (n x in).
    void penaltyBackward(const torch::Tensor& grad_penalty);

    // Under spectral norm, turns the accumulated gradients with respect to W / sigma into gradients
    // with respect to W; no-op otherwise.
    void finishGradients();

private:
    // W / sigma of layer l into weights_[l].
    void applySpectralNorm(size_t l);
    // out = in W_l^T (+ b_l when `bias`).
    void linear(size_t l, const torch::Tensor& out, const torch::Tensor& in, bool bias) const;
    // g = delta W_l (the gradient at layer l's input).
    void inputBackward(size_t l, const torch::Tensor& g, const torch::Tensor& delta) const;
    // dW_l = delta^T h, or dW_l += delta^T h when `accumulate`.
    void weightBackward(size_t l, const torch::Tensor& delta, const torch::Tensor& h, bool accumulate);
    // Multiplies `grad` in place by the activation's derivative read from the activation output `h`.
    void activationBackward(torch::Tensor& grad, const torch::Tensor& h) const;

    MlpImpl* net_ = nullptr;
    RowMajorGemm gemm_;
    std::vector<torch::Tensor> weights_, weights_t_, biases_;  // applied weights (W or W / sigma), W^T views, b
    std::vector<torch::Tensor> raw_weights_;                   // the net's W (detached views)
    std::vector<torch::Tensor> transposed_, scratch_;          // layers with a tiny input: W^T copy, dW^T

    std::vector<double> sigmas_;                                // spectral-norm sigma per layer
    std::vector<torch::Tensor> acts_;           // activation outputs of the hidden layers, rows x out_l
    std::vector<torch::Tensor> grads_;          // backward buffers per layer input, rows x in_l
    std::vector<torch::Tensor> chain_;          // input-gradient chain e_l = d(sum f)/d(output of layer l), n x out_l
    std::vector<torch::Tensor> penalty_grads_;  // penalty backward buffers per layer output, n x out_l
    torch::Tensor input_, output_, own_output_, input_grad_;
    int64_t chain_row0_ = 0, chain_rows_ = 0;
};

}  // namespace ganarium
