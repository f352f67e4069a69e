// image_remedies_test.cpp — the mode-collapse remedies of image runs
// (train/image_remedies.h): a packed D takes pack images as channels and the
// stddev map widens D's head by one map; the stddev map is the batch's std;
// feature matching's loss is 0 on equal features and gives G a gradient; the
// instance-noise sigma anneals linearly; every remedy trains with every
// regularizer; a remedy run restored from a checkpoint repeats its steps.
#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cmath>

#include "core/quantity.h"
#include "tiny_image_run.h"
#include "train/image_gan_run.h"
#include "train/image_remedies.h"
#include "train/metric_evaluator.h"
#include "train/snapshot_builder.h"
#include "train/toy_remedies.h"
#include "module_state.h"

using namespace ganarium;
using ganarium::test::flatState;

namespace {

at::Generator seeded(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }

}  // namespace

TEST_CASE("a packed D reads pack images as channels; the stddev map adds one map to D's head") {
    DcganOptions shape;
    shape.width = 4;
    shape.latent_dim = 8;
    shape.pack = 3;
    DcganDiscriminator packed(shape);
    CHECK(packed->named_parameters()["conv0.weight"].size(1) == 3);
    CHECK(packed->named_parameters()["head.weight"].size(1) == 8 * 7 * 7);
    shape.pack = 1;
    shape.minibatch_stddev = true;
    DcganDiscriminator stddev(shape);
    CHECK(stddev->named_parameters()["conv0.weight"].size(1) == 1);
    CHECK(stddev->named_parameters()["head.weight"].size(1) == (8 + 1) * 7 * 7);
    at::Generator gen = seeded(5);
    stddev->initialize(gen);
    torch::NoGradGuard no_grad;
    const torch::Tensor x = torch::rand({6, 1, 28, 28}, gen) * 2 - 1;
    torch::Tensor features;
    CHECK(stddev->forward(x, {}, &features).sizes() == torch::IntArrayRef({6, 1}));
    CHECK(features.sizes() == torch::IntArrayRef({6, 8 * 7 * 7}));
    // The score of an image depends on the rest of its batch.
    const torch::Tensor alone = stddev->forward(x.slice(0, 0, 3));
    CHECK((alone - stddev->forward(x).slice(0, 0, 3)).abs().max().item<double>() > 1e-7);
}

TEST_CASE("packing stacks consecutive images; the views' pack repeats one image") {
    const torch::Tensor images = torch::arange(6 * 4, torch::kFloat32).reshape({6, 1, 2, 2});
    const torch::Tensor packs = packImages(images, 2);
    CHECK(packs.sizes() == torch::IntArrayRef({3, 2, 2, 2}));
    CHECK(torch::equal(packs[1][0], images[2][0]));
    CHECK(torch::equal(packs[1][1], images[3][0]));
    const torch::Tensor same = repeatImagesForPack(images, 3);
    CHECK(same.sizes() == torch::IntArrayRef({6, 3, 2, 2}));
    CHECK(torch::equal(same[4][2], images[4][0]));
    CHECK_THROWS(packImages(images.slice(0, 0, 5), 2));
}

TEST_CASE("the minibatch-stddev map is the batch's std averaged over features") {
    // Two samples, two features, one pixel: feature 0 is {0, 2} (std 1), feature 1 is {1, 1} (std 0) -> mean 0.5.
    const torch::Tensor h = torch::tensor({0.0f, 1.0f, 2.0f, 1.0f}).reshape({2, 2, 1, 1});
    const torch::Tensor map = minibatchStddevMap(h);
    CHECK(map.sizes() == torch::IntArrayRef({2, 1, 1, 1}));
    CHECK(map[0][0][0][0].item<double>() == doctest::Approx(0.5).epsilon(1e-3));
    CHECK(map[1][0][0][0].item<double>() == doctest::Approx(0.5).epsilon(1e-3));
    // A collapsed batch (all rows equal) has a map of about 0: what D learns to tell apart.
    CHECK(minibatchStddevMap(torch::ones({4, 3, 2, 2})).abs().max().item<double>() < 1e-3);
}

TEST_CASE("feature matching: loss 0 on equal features, and a nonzero gradient for G otherwise") {
    const torch::Tensor features = torch::randn({8, 5}, seeded(2));
    CHECK(featureMatchingLoss(features.mean(0), features).item<double>() == doctest::Approx(0.0));
    // Through an image run: G's loss is the feature gap, and its gradient reaches G.
    RunSpec spec = test::tinyImageSpec();
    imageOf(spec)->feature_matching = true;
    ImageGanRun run(spec, 11, test::tinyImages());
    run.iterate(nullptr);
    const torch::Tensor before = flatState(*run.generator());
    run.stepG();
    CHECK_FALSE(torch::equal(before, flatState(*run.generator())));
    run.evaluate(MetricContext{});
    const double loss_g = run.snapshot(SnapshotContext{}, false).metrics.last("loss_g");
    CHECK(loss_g > 0.0);
    CHECK(std::isfinite(loss_g));
}

TEST_CASE("instance noise: sigma falls linearly from sigma0 to 0 and stays there") {
    ImageGanSpec spec;
    CHECK(instanceNoiseSigma(spec, 0) == 0.0);
    spec.instance_noise = 0.4;
    spec.instance_noise_steps = 1000;
    CHECK(instanceNoiseSigma(spec, 0) == doctest::Approx(0.4));
    CHECK(instanceNoiseSigma(spec, 250) == doctest::Approx(0.3));
    CHECK(instanceNoiseSigma(spec, 1000) == 0.0);
    CHECK(instanceNoiseSigma(spec, 5000) == 0.0);
}

TEST_CASE("every image remedy trains under every regularizer, and a checkpoint repeats it bit for bit") {
    const auto images = test::tinyImages();
    const std::vector<std::pair<Objective, Lipschitz>> setups{{Objective::NonSaturating, Lipschitz::None},
                                                              {Objective::Wasserstein, Lipschitz::GradientPenalty},
                                                              {Objective::Hinge, Lipschitz::SpectralNorm},
                                                              {Objective::Wasserstein, Lipschitz::WeightClip}};
    for (const auto& [objective, lipschitz] : setups) {
        RunSpec spec = test::tinyImageSpec();
        ImageGanSpec& o = *imageOf(spec);
        o.objective = objective;
        o.lipschitz = lipschitz;
        o.r1_gamma = lipschitz == Lipschitz::None ? 1.0 : 0.0;
        o.feature_matching = true;
        o.minibatch_stddev = true;
        o.pack = 2;
        o.instance_noise = 0.3;
        o.instance_noise_steps = 10;
        CAPTURE(runLabel(spec));
        ImageGanRun run(spec, 7, images);
        for (int i = 0; i < 2; ++i) run.iterate(nullptr);
        const auto checkpoint = run.checkpoint();
        for (int i = 0; i < 2; ++i) run.iterate(nullptr);
        CHECK(run.status() == RunStatus::Running);
        run.evaluate(MetricContext{});
        const torch::Tensor g_first = flatState(*run.generator()), d_first = flatState(*run.critic());
        CHECK(run.restore(*checkpoint) == "");
        for (int i = 0; i < 2; ++i) run.iterate(nullptr);
        CHECK(torch::equal(flatState(*run.generator()), g_first));
        CHECK(torch::equal(flatState(*run.critic()), d_first));
        // The views and metrics ask the packed D about single images.
        run.evaluate(MetricContext{});
        const RunSnapshot snap = run.snapshot(SnapshotContext{}, true);
        CHECK(snap.metrics.size() == 1);
        CHECK(std::isfinite(snap.metrics.last("d_score_real")));
    }
}
