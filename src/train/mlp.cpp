// mlp.cpp — the MLP module: layers, activation, initialisation, spectral norm.
#include "train/mlp.h"

#include <cassert>
#include <cmath>
#include <string>

namespace ganarium {

MlpImpl::MlpImpl(int in_features, int out_features, const NetSpec& spec)
    : in_features_(in_features), out_features_(out_features), spec_(spec) {
    assert(in_features > 0 && out_features > 0);
    int fan_in = in_features;
    std::vector<int> widths = spec.hidden;
    widths.push_back(out_features);
    for (size_t i = 0; i < widths.size(); ++i) {
        layers_.push_back(register_module("linear" + std::to_string(i), torch::nn::Linear(fan_in, widths[i])));
        sn_states_.emplace_back();
        fan_in = widths[i];
    }
    flattenParameters();
}

void MlpImpl::flattenParameters() {
    int64_t total = 0;
    for (const auto& layer : layers_) total += layer->weight.numel() + layer->bias.numel();
    flat_params_ = torch::empty({total});
    flat_grads_ = torch::zeros({total});
    torch::NoGradGuard no_grad;
    int64_t offset = 0;
    for (auto& layer : layers_) {
        for (torch::Tensor* p : {&layer->weight, &layer->bias}) {
            const int64_t n = p->numel();
            torch::Tensor slot = flat_params_.narrow(0, offset, n).view(p->sizes());
            slot.copy_(*p);
            p->set_data(slot);
            (p == &layer->weight ? grad_w_ : grad_b_).push_back(flat_grads_.narrow(0, offset, n).view(p->sizes()));
            offset += n;
        }
    }
}

torch::Tensor MlpImpl::activate(const torch::Tensor& x) const {
    switch (spec_.activation) {
        case Activation::ReLU: return torch::relu(x);
        case Activation::LeakyReLU: return torch::leaky_relu(x, 0.2);
        case Activation::Tanh: return torch::tanh(x);
        case Activation::ELU: return torch::elu(x);
    }
    return x;
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) { return head(hidden(x)); }

torch::Tensor MlpImpl::linear(size_t i, const torch::Tensor& h) const {
    const auto& layer = layers_[i];
    if (spectral_norm_) {
        const torch::Tensor w = layer->weight / sn_states_[i].sigma(layer->weight);
        return torch::addmm(layer->bias, h, w.t());
    }
    return torch::addmm(layer->bias, h, layer->weight.t());
}

torch::Tensor MlpImpl::hidden(const torch::Tensor& x) {
    torch::Tensor h = x;
    for (size_t i = 0; i + 1 < layers_.size(); ++i) h = activate(linear(i, h));
    return h;
}

torch::Tensor MlpImpl::head(const torch::Tensor& h) { return linear(layers_.size() - 1, h); }

void MlpImpl::initialize(at::Generator& gen) {
    torch::NoGradGuard no_grad;
    for (size_t i = 0; i < layers_.size(); ++i) {
        auto& layer = layers_[i];
        const double bound = 1.0 / std::sqrt(static_cast<double>(layer->weight.size(1)));
        layer->weight.uniform_(-bound, bound, gen);
        layer->bias.uniform_(-bound, bound, gen);
        sn_states_[i].initialize(layer->weight.size(0), layer->weight.size(1), gen);
    }
}

void MlpImpl::powerIterate() {
    for (size_t i = 0; i < layers_.size(); ++i) sn_states_[i].iterate(layers_[i]->weight);
}

std::vector<torch::Tensor> MlpImpl::effectiveWeights() {
    torch::NoGradGuard no_grad;
    std::vector<torch::Tensor> out;
    for (size_t i = 0; i < layers_.size(); ++i) {
        const torch::Tensor w = layers_[i]->weight.detach();
        out.push_back(spectral_norm_ ? w / sn_states_[i].sigma(w) : w.clone());
    }
    return out;
}

bool sameArchitecture(const Mlp& net, int in_features, int out_features, const NetSpec& spec) {
    return net->inFeatures() == in_features && net->outFeatures() == out_features &&
           net->spec().hidden == spec.hidden;
}

MlpImpl::State MlpImpl::saveState() const {
    State state;
    state.parameters = flat_params_.detach().clone();
    for (const SpectralNormState& sn : sn_states_) {
        state.sn_u.push_back(sn.u.defined() ? sn.u.clone() : torch::Tensor());
        state.sn_v.push_back(sn.v.defined() ? sn.v.clone() : torch::Tensor());
    }
    return state;
}

bool MlpImpl::restoreState(const State& state) {
    if (!state.parameters.defined() || state.parameters.sizes() != flat_params_.sizes() ||
        state.sn_u.size() != sn_states_.size())
        return false;
    torch::NoGradGuard no_grad;
    flat_params_.copy_(state.parameters);  // the layers' weights are views of it
    for (size_t i = 0; i < sn_states_.size(); ++i) {
        sn_states_[i].u = state.sn_u[i].defined() ? state.sn_u[i].clone() : torch::Tensor();
        sn_states_[i].v = state.sn_v[i].defined() ? state.sn_v[i].clone() : torch::Tensor();
    }
    return true;
}

CriticFn asCritic(const Mlp& net) {
    std::shared_ptr<MlpImpl> impl = net.ptr();
    return [impl](const torch::Tensor& x) { return impl->forward(x); };
}

}  // namespace ganarium
