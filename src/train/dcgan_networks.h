// dcgan_networks.h — DCGAN-style convolutional networks for 28x28 one-channel
// images (Radford et al. 2016, shrunk for a 2-core CPU). G projects z with a
// Linear layer to 2w x 7x7 maps (faster than a 1x1 -> 7x7 transposed conv on
// this CPU, see platform-notes.md), then doubles the resolution twice
// (7 -> 14 -> 28) with a transposed conv or nearest upsampling + conv, and
// ends in tanh. D mirrors it with stride-2 convs and LeakyReLU and ends in a
// Linear raw score. D has no batch norm: it would mix the samples of a batch,
// and the per-sample penalties (GP, R1) need each score to depend on its own
// image only. D optionally divides each weight by its spectral norm (power
// iteration, train/spectral_norm.h, on the weight reshaped to out x rest).
// Conditional pairs (lecture section 8): G concatenates a learned class
// embedding to z before its Linear projection; D is a projection
// discriminator (Miyato & Koyama 2018): f(x, y) = head(phi(x)) + <V_y, phi(x)>,
// phi(x) D's flattened last feature maps, V a learned class embedding (spectrally
// normalised with the rest of D when SN is on).
// Remedies (image_remedies.h): with `pack` = m, D's first conv reads m images
// as m channels; with `minibatch_stddev`, D's head reads one more 7x7 map,
// the batch's std of the last features.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "core/scene_spec.h"
#include "train/spectral_norm.h"

namespace ganarium {

// Side of the generated and real images.
constexpr int kImageSide = 28;

// The shape of a DCGAN pair.
struct DcganOptions {
    int latent_dim = 64;
    int width = 32;             // channels at 14x14; the 7x7 layers have 2 * width
    int depth = 2;              // conv layers per network: 2 resolution steps + (depth - 2) 3x3 convs at 7x7
    bool batch_norm = true;     // G only
    Upsample upsample = Upsample::TransposedConv;
    bool spectral_norm = false; // D only
    bool conditional = false;   // G(z, y) and D(x, y), y a Fashion-MNIST label 0..9
    int pack = 1;               // D only (PacGAN): its first conv takes this many images stacked as channels
    bool minibatch_stddev = false;  // D only: appends the batch's std map (image_remedies.h) to its last features
};

// Labels a conditional pair embeds (all ten Fashion-MNIST classes, whichever a run trains on).
constexpr int kLabelCount = 10;
// Size of G's class embedding, concatenated to z.
constexpr int kLabelEmbeddingSize = 16;

// The DCGAN options of an image run's spec.
DcganOptions dcganOptionsOf(const ImageGanSpec& spec);

// z (n x latent_dim) and, when conditional, labels (n, int64) -> images n x 1 x 28 x 28 in [-1, 1].
class DcganGeneratorImpl : public torch::nn::Module {
public:
    explicit DcganGeneratorImpl(const DcganOptions& options);
    // The images of a batch of z (batch norm uses the batch's statistics in training mode); `labels` only when conditional.
    torch::Tensor forward(const torch::Tensor& z, const torch::Tensor& labels = {});
    // The same with batch norm on the batch's own statistics, leaving the running statistics untouched
    // (pictures and metrics: as G is trained, and without side effects on its state).
    torch::Tensor sample(const torch::Tensor& z, const torch::Tensor& labels = {});
    // Draws every weight from N(0, 0.02) (batch-norm scales from N(1, 0.02); the class embedding from N(0, 1))
    // with `gen`; biases 0.
    void initialize(at::Generator& gen);
    const DcganOptions& options() const { return options_; }

private:
    // G's first layer: z (and the labels' embedding) projected to 2w x 7 x 7 maps, before batch norm.
    torch::Tensor project(const torch::Tensor& z, const torch::Tensor& labels);
    // The layers after the projection; nearest upsampling + conv pairs run as one transposed conv
    // (nearest_upsample_conv.h). `keep_running_stats`: batch norm leaves its running statistics alone.
    torch::Tensor runBody(torch::Tensor h, bool keep_running_stats);

    DcganOptions options_;
    torch::nn::Embedding label_embedding_{nullptr};  // conditional only
    torch::nn::Linear project_{nullptr};
    torch::nn::BatchNorm2d project_norm_{nullptr};
    torch::nn::Sequential body_{nullptr};
};
TORCH_MODULE(DcganGenerator);

// Images n x 1 x 28 x 28 (and, when conditional, labels n) -> raw scores f(x) or f(x, y), n x 1.
class DcganDiscriminatorImpl : public torch::nn::Module {
public:
    explicit DcganDiscriminatorImpl(const DcganOptions& options);
    // Raw scores of a batch; with spectral norm each weight is divided by its current sigma estimate.
    // `labels` only when conditional (the projection term).
    // With minibatch_stddev the scores depend on the whole batch (score real and generated batches separately).
    // `features`, when given, receives D's last conv features flattened (n x 2w*7*7; feature matching).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& labels = {}, torch::Tensor* features = nullptr);
    // Draws every weight from N(0, 0.02) with `gen`, biases 0, and the power-iteration vectors.
    void initialize(at::Generator& gen);
    // One power iteration per weight (spectral norm only; call once per D update).
    void refreshSpectralNorm();
    // The power-iteration vectors (u, v per layer; empty without spectral norm), for checkpoints.
    std::vector<torch::Tensor> spectralVectors() const;
    void setSpectralVectors(const std::vector<torch::Tensor>& vectors);
    const DcganOptions& options() const { return options_; }

private:
    // A layer's weight as used: divided by its spectral norm when on.
    torch::Tensor effectiveWeight(size_t layer, const torch::Tensor& weight) const;

    DcganOptions options_;
    std::vector<torch::nn::Conv2d> convs_;  // every conv has padding 1
    std::vector<int64_t> strides_;           // one per conv
    torch::nn::Linear head_{nullptr};
    torch::nn::Embedding label_embedding_{nullptr};  // conditional only: V, kLabelCount x features
    std::vector<SpectralNormState> sn_;  // one per conv, then the head, then V when conditional
};
TORCH_MODULE(DcganDiscriminator);

}  // namespace ganarium
