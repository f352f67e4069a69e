// mlp.h — the multilayer perceptron used for every toy generator and
// discriminator, with optional spectral normalization of each linear layer.
// Initialisation draws from an explicit torch generator so that runs of one
// scene start from identical weights. All parameters live in one flat buffer
// (each weight and bias is a view of it), with a flat gradient buffer beside
// it, so that the manual training pass (mlp_pass.h) and the optimizers
// (optimizers.h) touch one contiguous block. Spectral-norm power iteration
// lives in spectral_norm.h; losses and regularizers live elsewhere.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "core/scene_spec.h"
#include "train/critic_fn.h"
#include "train/spectral_norm.h"

namespace ganarium {

// An MLP in -> hidden... -> out with one activation between linear layers.
class MlpImpl : public torch::nn::Module {
public:
    // Builds the layers; weights are drawn later by initialize().
    MlpImpl(int in_features, int out_features, const NetSpec& spec);

    // Forward pass; with spectral normalization on, each weight is divided by its sigma estimate.
    torch::Tensor forward(const torch::Tensor& x);
    // The activations of the last hidden layer (x itself without hidden layers): forward = head(hidden(x)).
    torch::Tensor hidden(const torch::Tensor& x);
    // The last linear layer applied to hidden(x).
    torch::Tensor head(const torch::Tensor& h);

    // Redraws every weight and bias uniformly in +-1/sqrt(fan_in) (PyTorch's default range) from `gen`.
    void initialize(at::Generator& gen);

    // Turns spectral normalization of every linear layer on or off (weights are kept).
    void setSpectralNorm(bool on) { spectral_norm_ = on; }
    bool spectralNorm() const { return spectral_norm_; }
    // Changes the activation (shapes, hence weights, are unaffected).
    void setActivation(Activation activation) { spec_.activation = activation; }

    // One power-iteration step on every layer (call once per D update when spectral norm is on).
    void powerIterate();

    // The weight each layer actually applies (W / sigma under spectral norm), detached.
    std::vector<torch::Tensor> effectiveWeights();

    // The raw linear layers, first to last.
    const std::vector<torch::nn::Linear>& layers() const { return layers_; }
    // The spectral-norm state of layer i (power-iteration vectors u, v).
    const SpectralNormState& spectralState(size_t i) const { return sn_states_[i]; }

    // Every parameter in one contiguous buffer (layer order: weight then bias); parameters are views of it.
    const torch::Tensor& flatParameters() const { return flat_params_; }
    // The flat gradient buffer the manual pass writes, laid out like flatParameters().
    const torch::Tensor& flatGradients() const { return flat_grads_; }
    // Views of flatGradients() for layer i's weight (out x in) and bias (out).
    const torch::Tensor& weightGradient(size_t i) const { return grad_w_[i]; }
    const torch::Tensor& biasGradient(size_t i) const { return grad_b_[i]; }

    // Deep copies of the state that training changes: the flat parameters and the power-iteration vectors.
    struct State {
        torch::Tensor parameters;
        std::vector<torch::Tensor> sn_u, sn_v;
    };
    State saveState() const;
    // Restores a saveState() of a network of the same shapes; false (nothing changed) when they differ.
    bool restoreState(const State& state);

    int inFeatures() const { return in_features_; }
    int outFeatures() const { return out_features_; }
    const NetSpec& spec() const { return spec_; }

private:
    torch::Tensor activate(const torch::Tensor& x) const;
    // Linear layer i (under spectral norm with W / sigma).
    torch::Tensor linear(size_t i, const torch::Tensor& h) const;
    void flattenParameters();

    int in_features_, out_features_;
    NetSpec spec_;
    std::vector<torch::nn::Linear> layers_;
    std::vector<SpectralNormState> sn_states_;
    torch::Tensor flat_params_, flat_grads_;
    std::vector<torch::Tensor> grad_w_, grad_b_;
    bool spectral_norm_ = false;
};
TORCH_MODULE(Mlp);

// True when a network built from (in, out, spec) has the same parameter shapes as `net`.
bool sameArchitecture(const Mlp& net, int in_features, int out_features, const NetSpec& spec);

// `net` as a critic callable (it shares the network, not a copy).
CriticFn asCritic(const Mlp& net);

}  // namespace ganarium
