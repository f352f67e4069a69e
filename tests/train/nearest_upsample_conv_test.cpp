// nearest_upsample_conv_test.cpp — the transposed-conv form of upsample + 3x3 conv against the two ops themselves.
#include <doctest/doctest.h>
#include <torch/torch.h>

#include "train/dcgan_networks.h"
#include "train/nearest_upsample_conv.h"

using namespace ganarium;

namespace {

// The definition: nearest x2 upsampling, then a 3x3 convolution with padding 1.
torch::Tensor upsampleThenConv(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
    const torch::Tensor up = torch::upsample_nearest2d(x, {2 * x.size(2), 2 * x.size(3)});
    return torch::conv2d(up, w, b, /*stride=*/1, /*padding=*/1);
}

// Largest absolute entry of a - b, relative to the largest of a.
double relativeGap(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>() / a.abs().max().item<double>();
}

}  // namespace

TEST_CASE("nearest upsampling + 3x3 conv as one transposed conv: same images, same gradients") {
    torch::manual_seed(3);
    for (const int out : {3, 1}) {
        CAPTURE(out);
        const torch::Tensor x0 = torch::randn({2, 5, 7, 7}), w0 = torch::randn({out, 5, 3, 3}), b0 = torch::randn({out});
        const torch::Tensor target = torch::randn({2, out, 14, 14});
        torch::Tensor x[2], w[2], b[2], y[2];
        for (int k = 0; k < 2; ++k) {
            x[k] = x0.clone().requires_grad_(true);
            w[k] = w0.clone().requires_grad_(true);
            b[k] = b0.clone().requires_grad_(true);
            y[k] = k == 0 ? upsampleThenConv(x[k], w[k], b[k]) : nearestUpsampleConv(x[k], w[k], b[k]);
            (y[k] * target).sum().backward();
        }
        REQUIRE(y[1].sizes() == y[0].sizes());
        CHECK(relativeGap(y[0], y[1]) < 1e-5);
        CHECK(relativeGap(x[0].grad(), x[1].grad()) < 1e-5);
        CHECK(relativeGap(w[0].grad(), w[1].grad()) < 1e-5);
        CHECK(relativeGap(b[0].grad(), b[1].grad()) < 1e-5);
    }
}

TEST_CASE("the sub-pixel kernel of a single 3x3 tap spreads it over the taps that read it") {
    // A kernel with only the centre tap: every output pixel copies its input pixel; in the 4x4 kernel that is
    // the centre 2x2 block (each phase reads its own input pixel).
    torch::Tensor w = torch::zeros({1, 1, 3, 3});
    w[0][0][1][1] = 1.0;
    const torch::Tensor k = subPixelKernel(w);
    REQUIRE(k.sizes() == torch::IntArrayRef({1, 1, 4, 4}));
    CHECK(k.sum().item<double>() == doctest::Approx(4.0));
    CHECK(k.slice(2, 1, 3).slice(3, 1, 3).sum().item<double>() == doctest::Approx(4.0));
}

TEST_CASE("a nearest-upsampling generator computes what its layers say") {
    DcganOptions options;
    options.upsample = Upsample::NearestConv;
    DcganGenerator g(options);
    at::Generator gen = at::detail::createCPUGenerator(5);
    g->initialize(gen);
    torch::NoGradGuard no_grad;
    const torch::Tensor z = torch::randn({4, options.latent_dim});
    const torch::Tensor images = g->sample(z);
    // The same layers applied one by one, upsampling and conv as two ops (Sequential's own forward).
    auto children = g->named_children();
    auto& project = *children["project"]->as<torch::nn::LinearImpl>();
    const auto& norm = *children["project_norm"]->as<torch::nn::BatchNorm2dImpl>();
    auto* body = children["body"]->as<torch::nn::SequentialImpl>();
    torch::Tensor h = project.forward(z).view({4, 2 * options.width, kImageSide / 4, kImageSide / 4});
    h = torch::relu(torch::batch_norm(h, norm.weight, norm.bias, {}, {}, true, 0.0, norm.options.eps(), false));
    body->train();
    const torch::Tensor reference = body->forward(h);
    REQUIRE(images.sizes() == torch::IntArrayRef({4, 1, kImageSide, kImageSide}));
    CHECK(relativeGap(reference, images) < 1e-5);
}
