// mlp_pass.cpp — the manual forward/backward pass (see mlp_pass.h).
#include "train/mlp_pass.h"

#include "train/activation_kernels.h"
#include "train/small_matmul.h"
#include "train/work_buffer.h"

namespace ganarium {

namespace {
constexpr float kLeakySlope = 0.2f;  // as MlpImpl::activate

void activateInPlace(torch::Tensor& a, Activation activation) {
    switch (activation) {
        case Activation::ReLU: leakyReluInPlace(a.data_ptr<float>(), a.numel(), 0.0f); return;
        case Activation::LeakyReLU: leakyReluInPlace(a.data_ptr<float>(), a.numel(), kLeakySlope); return;
        case Activation::Tanh: at::tanh_(a); return;
        case Activation::ELU: at::elu_(a); return;
    }
}

torch::Tensor firstRows(const torch::Tensor& t, int64_t rows) { return rows == t.size(0) ? t : t.narrow(0, 0, rows); }
float* ptr(const torch::Tensor& t) { return t.data_ptr<float>(); }
}  // namespace

void MlpPass::bind(MlpImpl& net) {
    net_ = &net;
    const size_t n = net.layers().size();
    weights_.assign(n, {});
    weights_t_.assign(n, {});
    biases_.assign(n, {});
    raw_weights_.assign(n, {});
    sigmas_.assign(n, 1.0);
    acts_.assign(n, {});
    grads_.assign(n, {});
    chain_.assign(n, {});
    penalty_grads_.assign(n, {});
    transposed_.assign(n, {});
    scratch_.assign(n, {});
    chain_rows_ = 0;
    for (size_t l = 0; l < n; ++l) {
        const auto& layer = net.layers()[l];
        raw_weights_[l] = layer->weight.detach();
        biases_[l] = layer->bias.detach();
        weights_[l] = net.spectralNorm() ? emptyBuffer(raw_weights_[l].sizes()) : raw_weights_[l];
        weights_t_[l] = weights_[l].t();
        const int64_t out = weights_[l].size(0), in = weights_[l].size(1);
        if (in <= kSmallMatmulDim) {
            transposed_[l] = emptyBuffer({in, out});
            scratch_[l] = emptyBuffer({in, out});
        }
    }
    load();
}

void MlpPass::load() {
    for (size_t l = 0; l < weights_.size(); ++l) {
        if (net_->spectralNorm()) applySpectralNorm(l);
        if (transposed_[l].defined()) {
            transposeInto(ptr(transposed_[l]), ptr(weights_[l]), weights_[l].size(0), weights_[l].size(1), false);
        }
    }
}

void MlpPass::applySpectralNorm(size_t l) {
    const SpectralNormState& sn = net_->spectralState(l);
    const int64_t rows = raw_weights_[l].size(0), cols = raw_weights_[l].size(1);
    const float* w = ptr(raw_weights_[l]);
    const float* u = ptr(sn.u);
    const float* v = ptr(sn.v);
    double sigma = 0;  // u^T W v
    for (int64_t r = 0; r < rows; ++r) {
        double wv = 0;
        for (int64_t c = 0; c < cols; ++c) wv += static_cast<double>(w[r * cols + c]) * v[c];
        sigma += u[r] * wv;
    }
    sigmas_[l] = sigma;
    float* out = ptr(weights_[l]);
    const float s = static_cast<float>(sigma);
    for (int64_t k = 0; k < rows * cols; ++k) out[k] = w[k] / s;
}

void MlpPass::linear(size_t l, const torch::Tensor& out, const torch::Tensor& in, bool bias) const {
    const int64_t rows = in.size(0), o = weights_[l].size(0), i = weights_[l].size(1);
    const float* b = bias ? ptr(biases_[l]) : nullptr;
    if (i <= kSmallMatmulDim) {
        matmulSmallInner(ptr(out), ptr(in), ptr(transposed_[l]), b, rows, i, o);
    } else if (o <= kSmallMatmulDim) {
        matmulSmallOutput(ptr(out), ptr(in), ptr(weights_[l]), b, rows, i, o);
    } else {
        // Bias rows first, then out += in W^T in place (beta = 1: no separate broadcast op).
        if (bias) broadcastRows(ptr(out), b, rows, o);
        if (gemm_.usable() &&
            gemm_.run(false, true, rows, o, i, ptr(in), i, ptr(weights_[l]), i, bias ? 1.0f : 0.0f, ptr(out), o))
            return;
        torch::Tensor dst = out;
        if (bias) {
            dst.addmm_(in, weights_t_[l]);
        } else {
            at::mm_out(dst, in, weights_t_[l]);
        }
    }
}

void MlpPass::inputBackward(size_t l, const torch::Tensor& g, const torch::Tensor& delta) const {
    const int64_t rows = delta.size(0), o = weights_[l].size(0), i = weights_[l].size(1);
    if (o <= kSmallMatmulDim) {
        matmulSmallInner(ptr(g), ptr(delta), ptr(weights_[l]), nullptr, rows, o, i);
    } else if (i <= kSmallMatmulDim) {
        matmulSmallOutput(ptr(g), ptr(delta), ptr(transposed_[l]), nullptr, rows, o, i);
    } else if (!gemm_.usable() ||
               !gemm_.run(false, false, rows, i, o, ptr(delta), o, ptr(weights_[l]), i, 0.0f, ptr(g), i)) {
        torch::Tensor dst = g;
        at::mm_out(dst, delta, weights_[l]);
    }
}

void MlpPass::weightBackward(size_t l, const torch::Tensor& delta, const torch::Tensor& h, bool accumulate) {
    const int64_t rows = delta.size(0), o = weights_[l].size(0), i = weights_[l].size(1);
    torch::Tensor gw = net_->weightGradient(l);
    if (o <= kSmallMatmulDim) {
        matmulSmallTransposed(ptr(gw), ptr(delta), ptr(h), rows, o, i, accumulate);
    } else if (i <= kSmallMatmulDim) {
        matmulSmallTransposed(ptr(scratch_[l]), ptr(h), ptr(delta), rows, i, o, false);
        transposeInto(ptr(gw), ptr(scratch_[l]), i, o, accumulate);
    } else if (accumulate) {
        gw.addmm_(delta.t(), h);
    } else {
        at::mm_out(gw, delta.t(), h);
    }
}

const torch::Tensor& MlpPass::forward(const torch::Tensor& x, const torch::Tensor& out) {
    input_ = x;
    const int64_t rows = x.size(0);
    const size_t n = weights_.size();
    const Activation activation = net_->spec().activation;
    for (size_t l = 0; l + 1 < n; ++l) {
        ensureBuffer(acts_[l], rows, weights_[l].size(0));
        linear(l, acts_[l], l == 0 ? x : acts_[l - 1], true);
        activateInPlace(acts_[l], activation);
    }
    if (out.defined()) {
        output_ = out;
    } else {
        ensureBuffer(own_output_, rows, weights_[n - 1].size(0));
        output_ = own_output_;
    }
    linear(n - 1, output_, n == 1 ? x : acts_[n - 2], true);
    return output_;
}

void MlpPass::activationBackward(torch::Tensor& grad, const torch::Tensor& h) const {
    switch (net_->spec().activation) {
        case Activation::ReLU: leakyReluBackwardInPlace(ptr(grad), ptr(h), grad.numel(), 0.0f); return;
        case Activation::LeakyReLU: leakyReluBackwardInPlace(ptr(grad), ptr(h), grad.numel(), kLeakySlope); return;
        case Activation::Tanh: at::tanh_backward_out(grad, grad, h); return;
        case Activation::ELU: at::elu_backward_out(grad, grad, 1.0, 1.0, 1.0, true, h); return;
    }
}

torch::Tensor MlpPass::backward(const torch::Tensor& grad_out, bool weights, bool input) {
    const int64_t rows = grad_out.size(0);
    torch::Tensor delta = grad_out;
    for (size_t l = weights_.size(); l-- > 0;) {
        const torch::Tensor h_prev = firstRows(l == 0 ? input_ : acts_[l - 1], rows);
        if (weights) {
            weightBackward(l, delta, h_prev, false);
            columnSums(ptr(net_->biasGradient(l)), ptr(delta), rows, weights_[l].size(0));
        }
        if (l == 0 && !input) return {};
        ensureBuffer(grads_[l], rows, weights_[l].size(1));
        inputBackward(l, grads_[l], delta);
        if (l > 0) activationBackward(grads_[l], h_prev);
        delta = grads_[l];
    }
    return delta;
}

bool MlpPass::piecewiseLinear() const {
    const Activation a = net_->spec().activation;
    return a == Activation::ReLU || a == Activation::LeakyReLU;
}

const torch::Tensor& MlpPass::inputGradient(int64_t row0, int64_t n) {
    const size_t layers = weights_.size();
    if (chain_rows_ != n) {
        ensureBuffer(chain_[layers - 1], n, weights_[layers - 1].size(0));
        chain_[layers - 1].fill_(1.0);
        chain_rows_ = n;
    }
    chain_row0_ = row0;
    for (size_t l = layers - 1; l > 0; --l) {
        ensureBuffer(chain_[l - 1], n, weights_[l].size(1));
        inputBackward(l, chain_[l - 1], chain_[l]);
        activationBackward(chain_[l - 1], acts_[l - 1].narrow(0, row0, n));
    }
    ensureBuffer(input_grad_, n, weights_[0].size(1));
    inputBackward(0, input_grad_, chain_[0]);
    return input_grad_;
}

void MlpPass::penaltyBackward(const torch::Tensor& grad_penalty) {
    const size_t layers = weights_.size();
    const int64_t n = chain_rows_;
    weightBackward(0, chain_[0], grad_penalty, true);
    torch::Tensor q = grad_penalty;  // dP/d(the input of layer l)
    for (size_t l = 1; l < layers; ++l) {
        ensureBuffer(penalty_grads_[l - 1], n, weights_[l - 1].size(0));
        linear(l - 1, penalty_grads_[l - 1], q, false);
        q = penalty_grads_[l - 1];
        activationBackward(q, acts_[l - 1].narrow(0, chain_row0_, n));
        weightBackward(l, chain_[l], q, true);
    }
}

void MlpPass::finishGradients() {
    if (!net_->spectralNorm()) return;
    for (size_t l = 0; l < weights_.size(); ++l) {
        const SpectralNormState& sn = net_->spectralState(l);
        const int64_t rows = raw_weights_[l].size(0), cols = raw_weights_[l].size(1);
        const float* w = raw_weights_[l].data_ptr<float>();
        const float* u = sn.u.data_ptr<float>();
        const float* v = sn.v.data_ptr<float>();
        float* g = net_->weightGradient(l).data_ptr<float>();
        // W_sn = W / sigma, sigma = u^T W v: dL/dW = G / sigma - (sum G * W) / sigma^2 u v^T.
        double dot = 0;
        for (int64_t k = 0; k < rows * cols; ++k) dot += static_cast<double>(g[k]) * w[k];
        const double sigma = sigmas_[l];
        const double inv = 1.0 / sigma, outer = dot / (sigma * sigma);
        for (int64_t r = 0; r < rows; ++r) {
            for (int64_t c = 0; c < cols; ++c) {
                g[r * cols + c] = static_cast<float>(g[r * cols + c] * inv - outer * u[r] * v[c]);
            }
        }
    }
}

}  // namespace ganarium
