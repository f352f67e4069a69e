// lipschitz_test.cpp — the Lipschitz machinery against closed forms and
// measured behaviour: input-gradient norms of a linear critic, weight
// clipping bounds, gradient-penalty norms near 1, spectral norms <= 1.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <ATen/CPUGeneratorImpl.h>

#include "core/distribution.h"
#include "scene_fixtures.h"
#include "train/gan_run.h"
#include "train/mlp.h"
#include "train/regularizers.h"

using namespace ganarium;
using namespace ganarium::test;

TEST_CASE("a linear critic's input-gradient norm equals |w|") {
    NetSpec linear;
    linear.hidden.clear();
    Mlp d(2, 1, linear);
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(5);
    d->initialize(gen);
    const torch::Tensor w = d->layers().front()->weight.detach().reshape({-1});
    const double expected = w.norm().item<double>();
    const torch::Tensor x = torch::randn({16, 2}, gen);
    const torch::Tensor norms = inputGradientNorm(asCritic(d), x);
    REQUIRE(norms.size(0) == 16);
    for (int i = 0; i < 16; ++i) CHECK(norms[i].item<double>() == doctest::Approx(expected).epsilon(1e-5));
    // The GP machinery sees the same norm at its interpolates, and the penalty matches lambda (|w| - 1)^2.
    const auto gp = gradientPenalty(asCritic(d), torch::randn({8, 2}, gen), torch::randn({8, 2}, gen), 10.0, false, gen);
    for (int i = 0; i < 8; ++i) CHECK(gp.grad_norm[i].item<double>() == doctest::Approx(expected).epsilon(1e-5));
    CHECK(gp.penalty.item<double>() == doctest::Approx(10.0 * (expected - 1) * (expected - 1)).epsilon(1e-4));
    const auto one_sided = gradientPenalty(asCritic(d), torch::randn({8, 2}, gen), torch::randn({8, 2}, gen), 10.0, true, gen);
    const double excess = std::max(0.0, expected - 1);
    CHECK(one_sided.penalty.item<double>() == doctest::Approx(10.0 * excess * excess).epsilon(1e-4));
}

TEST_CASE("the gradient penalty works per sample on image-shaped batches: a linear critic's norm is |w|") {
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(11);
    const torch::Tensor w = torch::randn({1, 1, 6, 5}, gen);
    const double expected = w.norm().item<double>();
    // f(x) = <w, x> over each 1x6x5 "image": its input gradient is w at every x.
    const CriticFn linear = [w](const torch::Tensor& x) { return (x * w).sum({1, 2, 3}); };
    const torch::Tensor images = torch::randn({7, 1, 6, 5}, gen);
    const torch::Tensor norms = inputGradientNorm(linear, images);
    REQUIRE(norms.sizes() == torch::IntArrayRef({7}));
    for (int i = 0; i < 7; ++i) CHECK(norms[i].item<double>() == doctest::Approx(expected).epsilon(1e-5));
    const auto gp = gradientPenalty(linear, torch::randn({7, 1, 6, 5}, gen), torch::randn({7, 1, 6, 5}, gen), 10.0,
                                    false, gen);
    CHECK(gp.interp.sizes() == torch::IntArrayRef({7, 1, 6, 5}));
    CHECK(gp.penalty.item<double>() == doctest::Approx(10.0 * (expected - 1) * (expected - 1)).epsilon(1e-4));
    // Each interpolate lies on the segment between its own real and fake image (one a per sample).
    const torch::Tensor a = (gp.interp - gp.fake) / (gp.real - gp.fake);
    const torch::Tensor spread = std::get<0>(a.reshape({7, -1}).max(1)) - std::get<0>(a.reshape({7, -1}).min(1));
    CHECK(spread.max().item<double>() < 1e-3);
    // R1 on images: gamma/2 |w|^2.
    torch::Tensor real = torch::randn({4, 1, 6, 5}, gen).requires_grad_(true);
    CHECK(r1Penalty(linear(real), real, 2.0).item<double>() == doctest::Approx(expected * expected).epsilon(1e-5));
}

TEST_CASE("weight clipping keeps every D weight in [-c, c]") {
    RunSpec spec = smallRun(Objective::Wasserstein, Lipschitz::WeightClip);
    toyOf(spec)->clip = 0.02;
    toyOf(spec)->d_opt.lr = 5e-3;
    GanRun run(spec, 2, 4);
    const auto data = makeDistribution(ring());
    for (int i = 0; i < 30; ++i) run.iterate(*data);
    double largest = 0;
    int at_bound = 0;
    for (const auto& p : run.critic()->parameters()) {
        largest = std::max(largest, p.abs().max().item<double>());
        at_bound += (p.abs() >= 0.02 - 1e-7).sum().item<int>();
    }
    CHECK(largest <= 0.02 + 1e-7);
    CHECK(at_bound > 0);  // with this learning rate weights pile up at the bounds
}

TEST_CASE("after training, WGAN-GP's gradient norm at the interpolates is near 1") {
    RunSpec spec = smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty, 64, 2);
    toyOf(spec)->gp_lambda = 10;
    toyOf(spec)->k_d = 5;
    toyOf(spec)->d_opt.lr = 1e-3;
    toyOf(spec)->d_opt.beta1 = 0.0;
    GanRun run(spec, 2, 9);
    const auto data = makeDistribution(ring());
    for (int i = 0; i < 150; ++i) run.iterate(*data);
    REQUIRE(run.lastPenalty() != nullptr);
    const double mean_norm = run.lastPenalty()->grad_norm.mean().item<double>();
    MESSAGE("mean GP gradient norm " << mean_norm);
    CHECK(mean_norm >= 0.7);
    CHECK(mean_norm <= 1.3);
}

TEST_CASE("spectral normalization keeps each layer's largest singular value <= 1.05") {
    RunSpec spec = smallRun(Objective::Wasserstein, Lipschitz::SpectralNorm, 64, 2);
    toyOf(spec)->d_opt.lr = 5e-3;
    GanRun run(spec, 2, 6);
    const auto data = makeDistribution(ring());
    for (int i = 0; i < 100; ++i) run.iterate(*data);
    double raw_largest = 0;
    for (const auto& layer : run.critic()->layers()) {
        raw_largest = std::max(raw_largest, std::get<1>(torch::svd(layer->weight.detach()))[0].item<double>());
    }
    for (const auto& w : run.critic()->effectiveWeights()) {
        const double sigma = std::get<1>(torch::svd(w))[0].item<double>();
        CHECK(sigma <= 1.05);
        CHECK(sigma >= 0.8);
    }
    MESSAGE("largest raw singular value " << raw_largest);
}
