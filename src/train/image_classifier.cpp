// image_classifier.cpp — the Fashion-MNIST CNN: layers, forward, features, initialisation.
#include "train/image_classifier.h"

#include <cmath>

namespace ganarium {

std::string classifierArchitectureName(const ImageClassifierOptions& o) {
    return "cnn" + std::to_string(o.conv1) + "-" + std::to_string(o.conv2) + "-" + std::to_string(o.features);
}

ImageClassifierImpl::ImageClassifierImpl(const ImageClassifierOptions& options) : options_(options) {
    namespace nn = torch::nn;
    conv1_ = register_module("conv1", nn::Conv2d(nn::Conv2dOptions(1, options.conv1, 3).padding(1)));
    conv2_ = register_module("conv2", nn::Conv2d(nn::Conv2dOptions(options.conv1, options.conv2, 3).padding(1)));
    hidden_ = register_module("hidden", nn::Linear(options.conv2 * 7 * 7, options.features));
    out_ = register_module("out", nn::Linear(options.features, kImageClasses));
}

torch::Tensor ImageClassifierImpl::features(const torch::Tensor& images) {
    torch::Tensor x = torch::max_pool2d(torch::relu(conv1_->forward(images)), 2);
    x = torch::max_pool2d(torch::relu(conv2_->forward(x)), 2);
    return torch::relu(hidden_->forward(x.flatten(1)));
}

torch::Tensor ImageClassifierImpl::logitsFromFeatures(const torch::Tensor& features) { return out_->forward(features); }

torch::Tensor ImageClassifierImpl::forward(const torch::Tensor& images) {
    return logitsFromFeatures(features(images));
}

torch::Tensor ImageClassifierImpl::probabilities(const torch::Tensor& images) {
    return torch::softmax(forward(images), 1);
}

void ImageClassifierImpl::initialize(at::Generator& gen) {
    torch::NoGradGuard no_grad;
    for (auto& p : named_parameters()) {
        torch::Tensor& t = p.value();
        // fan_in of the layer this parameter belongs to: a weight's row size, or its layer's weight's.
        const std::string& name = p.key();
        const std::string layer = name.substr(0, name.find('.'));
        const torch::Tensor weight = named_parameters()[layer + ".weight"];
        const double fan_in = static_cast<double>(weight.numel() / weight.size(0));
        const double bound = 1.0 / std::sqrt(fan_in);
        t.uniform_(-bound, bound, gen);
    }
}

}  // namespace ganarium
