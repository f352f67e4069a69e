// dcgan_networks.cpp — the DCGAN generator and discriminator.
#include "train/dcgan_networks.h"

#include <algorithm>
#include <iterator>

#include "train/image_remedies.h"
#include "train/nearest_upsample_conv.h"

namespace ganarium {

namespace {

namespace nn = torch::nn;

constexpr int kBase = kImageSide / 4;  // 7: the projected maps' side
constexpr double kInitStd = 0.02;      // DCGAN's weight initialisation
constexpr double kLeakySlope = 0.2;
constexpr int kWarmUpIterations = 5;  // power iterations of spectral norm at initialisation

// One resolution doubling in -> out channels: a 4x4 stride-2 transposed conv, or nearest x2 then a 3x3 conv.
void addUpsample(nn::Sequential& body, int in, int out, Upsample mode) {
    if (mode == Upsample::TransposedConv) {
        body->push_back(nn::ConvTranspose2d(nn::ConvTranspose2dOptions(in, out, 4).stride(2).padding(1)));
    } else {
        body->push_back(nn::Upsample(nn::UpsampleOptions().scale_factor(std::vector<double>{2.0, 2.0}).mode(torch::kNearest)));
        body->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1)));
    }
}

// Normal(mean, std) weights drawn with `gen`, zero biases, for every parameter named *weight / *bias.
void initializeParameters(nn::Module& module, at::Generator& gen) {
    torch::NoGradGuard no_grad;
    for (auto& item : module.named_parameters()) {
        const std::string& name = item.key();
        torch::Tensor& p = item.value();
        const bool norm_scale = name.find("norm") != std::string::npos || p.dim() == 1;
        if (name.size() >= 4 && name.compare(name.size() - 4, 4, "bias") == 0) {
            p.zero_();
        } else if (norm_scale) {
            p.normal_(1.0, kInitStd, gen);  // a batch-norm scale
        } else {
            p.normal_(0.0, kInitStd, gen);
        }
    }
}

// Batch norm with the batch's own statistics, leaving `bn`'s running statistics untouched.
torch::Tensor batchStatisticsNorm(const torch::Tensor& x, const nn::BatchNorm2dImpl& bn) {
    return torch::batch_norm(x, bn.weight, bn.bias, {}, {}, /*training=*/true, 0.0, bn.options.eps(), false);
}

}  // namespace

DcganOptions dcganOptionsOf(const ImageGanSpec& spec) {
    DcganOptions out;
    out.latent_dim = spec.latent_dim;
    out.width = spec.width;
    out.depth = spec.depth;
    out.batch_norm = spec.batch_norm;
    out.upsample = spec.upsample;
    out.spectral_norm = spec.lipschitz == Lipschitz::SpectralNorm;
    out.conditional = spec.conditional;
    out.pack = spec.pack;
    out.minibatch_stddev = spec.minibatch_stddev;
    return out;
}

DcganGeneratorImpl::DcganGeneratorImpl(const DcganOptions& options) : options_(options) {
    const int wide = 2 * options.width;
    const int label_inputs = options.conditional ? kLabelEmbeddingSize : 0;
    project_ = register_module("project", nn::Linear(options.latent_dim + label_inputs, wide * kBase * kBase));
    if (options.batch_norm) project_norm_ = register_module("project_norm", nn::BatchNorm2d(wide));
    nn::Sequential body;
    auto normAndRelu = [&](int channels) {
        if (options.batch_norm) body->push_back(nn::BatchNorm2d(channels));
        body->push_back(nn::ReLU());
    };
    for (int i = 2; i < options.depth; ++i) {
        body->push_back(nn::Conv2d(nn::Conv2dOptions(wide, wide, 3).padding(1)));
        normAndRelu(wide);
    }
    addUpsample(body, wide, options.width, options.upsample);
    normAndRelu(options.width);
    addUpsample(body, options.width, 1, options.upsample);
    body->push_back(nn::Tanh());
    body_ = register_module("body", body);
    // The class code (its projection rows widen `project`, so the weights drawn after it differ from an unconditional G's).
    if (options.conditional)
        label_embedding_ = register_module("label_embedding", nn::Embedding(kLabelCount, kLabelEmbeddingSize));
}

torch::Tensor DcganGeneratorImpl::project(const torch::Tensor& z, const torch::Tensor& labels) {
    TORCH_CHECK(!options_.conditional || labels.defined(), "a conditional generator needs labels");
    const torch::Tensor input = options_.conditional ? torch::cat({z, label_embedding_->forward(labels)}, 1) : z;
    return project_->forward(input).view({z.size(0), 2 * options_.width, kBase, kBase});
}

torch::Tensor DcganGeneratorImpl::forward(const torch::Tensor& z, const torch::Tensor& labels) {
    torch::Tensor h = project(z, labels);
    if (project_norm_) h = project_norm_->forward(h);
    return runBody(torch::relu(h), /*keep_running_stats=*/false);
}

torch::Tensor DcganGeneratorImpl::sample(const torch::Tensor& z, const torch::Tensor& labels) {
    torch::Tensor h = project(z, labels);
    if (project_norm_) h = batchStatisticsNorm(h, *project_norm_);
    return runBody(torch::relu(h), /*keep_running_stats=*/true);
}

torch::Tensor DcganGeneratorImpl::runBody(torch::Tensor h, bool keep_running_stats) {
    for (auto layer = body_->begin(); layer != body_->end(); ++layer) {
        const auto next = std::next(layer);
        const nn::Conv2dImpl* conv = next != body_->end() ? next->ptr()->as<nn::Conv2dImpl>() : nullptr;
        if (layer->ptr()->as<nn::UpsampleImpl>() && conv) {  // the pair as one transposed conv
            h = nearestUpsampleConv(h, conv->weight, conv->bias);
            layer = next;
        } else if (const auto* bn = layer->ptr()->as<nn::BatchNorm2dImpl>(); bn && keep_running_stats) {
            h = batchStatisticsNorm(h, *bn);
        } else {
            h = layer->forward(h);
        }
    }
    return h;
}

void DcganGeneratorImpl::initialize(at::Generator& gen) {
    initializeParameters(*this, gen);
    torch::NoGradGuard no_grad;
    // Unit-scale class codes, like z: a 0.02-scale code would hardly reach the projection at first.
    if (label_embedding_) label_embedding_->weight.normal_(0.0, 1.0, gen);
}

DcganDiscriminatorImpl::DcganDiscriminatorImpl(const DcganOptions& options) : options_(options) {
    const int wide = 2 * options.width;
    auto add = [&](int in, int out, int kernel, int stride) {
        convs_.push_back(register_module("conv" + std::to_string(convs_.size()),
                                         nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(1))));
        strides_.push_back(stride);
    };
    add(std::max(1, options.pack), options.width, 4, 2);  // 28 -> 14 (a pack's images as channels)
    add(options.width, wide, 4, 2);  // 14 -> 7
    for (int i = 2; i < options.depth; ++i) add(wide, wide, 3, 1);
    const int head_maps = wide + (options.minibatch_stddev ? 1 : 0);
    head_ = register_module("head", nn::Linear(head_maps * kBase * kBase, 1));
    // V registered last: the other layers draw the same initial weights as an unconditional D's.
    if (options.conditional)
        label_embedding_ = register_module("label_embedding", nn::Embedding(kLabelCount, wide * kBase * kBase));
}

torch::Tensor DcganDiscriminatorImpl::effectiveWeight(size_t layer, const torch::Tensor& weight) const {
    if (!options_.spectral_norm) return weight;
    return weight / sn_[layer].sigma(weight.view({weight.size(0), -1}));
}

torch::Tensor DcganDiscriminatorImpl::forward(const torch::Tensor& x, const torch::Tensor& labels,
                                              torch::Tensor* last_features) {
    torch::Tensor h = x;
    for (size_t i = 0; i < convs_.size(); ++i) {
        h = torch::conv2d(h, effectiveWeight(i, convs_[i]->weight), convs_[i]->bias, strides_[i], 1);
        h = torch::leaky_relu(h, kLeakySlope);
    }
    const torch::Tensor features = h.flatten(1);
    if (last_features) *last_features = features;
    const torch::Tensor head_input =
        options_.minibatch_stddev ? torch::cat({h, minibatchStddevMap(h)}, 1).flatten(1) : features;
    const torch::Tensor score = torch::linear(head_input, effectiveWeight(convs_.size(), head_->weight), head_->bias);
    if (!options_.conditional) return score;
    TORCH_CHECK(labels.defined(), "a conditional discriminator needs labels");
    // The projection term <V_y, phi(x)>: V's row of each image's label.
    const torch::Tensor v = effectiveWeight(convs_.size() + 1, label_embedding_->weight).index_select(0, labels);
    return score + (v * features).sum(1, /*keepdim=*/true);
}

void DcganDiscriminatorImpl::initialize(at::Generator& gen) {
    initializeParameters(*this, gen);
    sn_.clear();
    if (!options_.spectral_norm) return;
    for (const auto& conv : convs_) {
        sn_.emplace_back();
        sn_.back().initialize(conv->weight.size(0), conv->weight[0].numel(), gen);
    }
    sn_.emplace_back();
    sn_.back().initialize(1, head_->weight.size(1), gen);
    if (label_embedding_) {
        sn_.emplace_back();
        sn_.back().initialize(kLabelCount, label_embedding_->weight.size(1), gen);
    }
    // A few power iterations now, so sigma is a real estimate from the first forward pass (random u, v give a
    // tiny u^T W v: the first scores were about -1e6).
    for (int i = 0; i < kWarmUpIterations; ++i) refreshSpectralNorm();  // iterate() holds its own NoGradGuard
}

void DcganDiscriminatorImpl::refreshSpectralNorm() {
    if (!options_.spectral_norm) return;
    for (size_t i = 0; i < convs_.size(); ++i) sn_[i].iterate(convs_[i]->weight.view({convs_[i]->weight.size(0), -1}));
    sn_[convs_.size()].iterate(head_->weight);
    if (label_embedding_) sn_.back().iterate(label_embedding_->weight);
}

std::vector<torch::Tensor> DcganDiscriminatorImpl::spectralVectors() const {
    std::vector<torch::Tensor> out;
    for (const auto& s : sn_) {
        out.push_back(s.u.clone());
        out.push_back(s.v.clone());
    }
    return out;
}

void DcganDiscriminatorImpl::setSpectralVectors(const std::vector<torch::Tensor>& vectors) {
    for (size_t i = 0; i < sn_.size() && 2 * i + 1 < vectors.size(); ++i) {
        sn_[i].u = vectors[2 * i].clone();
        sn_[i].v = vectors[2 * i + 1].clone();
    }
}

}  // namespace ganarium
