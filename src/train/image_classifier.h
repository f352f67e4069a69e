// image_classifier.h — the small CNN that judges generated Fashion-MNIST
// images: conv(1->c1,3x3) ReLU maxpool, conv(c1->c2,3x3) ReLU maxpool,
// linear(c2*7*7 -> features) ReLU (the penultimate features, used by `fcd`),
// linear(features -> 10) (logits; softmax gives p(y|x)). Weights are drawn
// from an explicit generator so that one seed gives one classifier.
#pragma once

#include <torch/torch.h>

#include <string>

namespace ganarium {

// Layer widths of the classifier.
struct ImageClassifierOptions {
    int conv1 = 16;     // channels of the first convolution
    int conv2 = 32;     // channels of the second convolution
    int features = 128; // width of the penultimate layer (the Fréchet distance's feature space)
};

// The number of Fashion-MNIST classes.
constexpr int kImageClasses = 10;

// A short text naming the architecture (part of the cache file's name and checked on load).
std::string classifierArchitectureName(const ImageClassifierOptions& options);

// The classifier module (use through the ImageClassifier holder).
class ImageClassifierImpl : public torch::nn::Module {
public:
    // Builds the layers; call initialize() to draw the weights.
    explicit ImageClassifierImpl(const ImageClassifierOptions& options = {});

    // Logits [N,10] of images [N,1,28,28] in [-1,1].
    torch::Tensor forward(const torch::Tensor& images);
    // Penultimate features [N,features] (after the ReLU).
    torch::Tensor features(const torch::Tensor& images);
    // Logits [N,10] from penultimate features.
    torch::Tensor logitsFromFeatures(const torch::Tensor& features);
    // Class probabilities p(y|x) [N,10].
    torch::Tensor probabilities(const torch::Tensor& images);

    // Redraws every weight and bias uniformly in +-1/sqrt(fan_in) (PyTorch's default range) from `gen`.
    void initialize(at::Generator& gen);

    // The layer widths it was built with.
    const ImageClassifierOptions& options() const { return options_; }

private:
    ImageClassifierOptions options_;
    torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr};
    torch::nn::Linear hidden_{nullptr}, out_{nullptr};
};
TORCH_MODULE(ImageClassifier);

}  // namespace ganarium
