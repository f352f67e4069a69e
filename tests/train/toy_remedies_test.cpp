// toy_remedies_test.cpp — the mode-collapse remedies (train/toy_remedies.h):
// each one's pieces on tiny closed-form cases (feature matching, packing,
// the instance-noise schedule, minibatch closeness, unrolling leaves D where
// it was), checkpoints of a run with every remedy on, and one seeded
// behavioural check on the collapsing ring setup of the remedies scene.
#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <doctest/doctest.h>

#include "scene_fixtures.h"
#include "temp_folder.h"
#include "train/checkpoint_files.h"
#include "train/gan_run.h"
#include "train/minibatch_discrimination.h"
#include "train/run.h"
#include "train/toy_gan_run.h"
#include "train/toy_remedies.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

// Iterations of the behavioural case.
constexpr int64_t kBehaviourSteps = 400;

// A small run with every remedy on.
RunSpec allRemediesRun() {
    RunSpec spec = smallRun(Objective::NonSaturating, Lipschitz::None, 16, 2);
    ToyGanSpec& toy = *toyOf(spec);
    toy.batch = 32;
    toy.feature_matching = true;
    toy.minibatch_discrimination = true;
    toy.unrolled_steps = 2;
    toy.pack = 2;
    toy.instance_noise = 0.3;
    toy.instance_noise_steps = 20;
    return spec;
}

// G's and D's parameters and the minibatch layer's, flattened.
torch::Tensor weightsOf(GanRun& run) {
    std::vector<torch::Tensor> parts{run.generator()->flatParameters(), run.critic()->flatParameters()};
    if (run.minibatchLayer()) parts.push_back(run.minibatchLayer()->flatParameters());
    return torch::cat(parts).clone();
}

}  // namespace

TEST_CASE("feature matching: zero for identical batches, the squared distance of the means otherwise") {
    torch::manual_seed(1);
    const torch::Tensor features = torch::randn({16, 5});
    CHECK(featureMatchingLoss(features.mean(0), features).item<double>() == doctest::Approx(0.0).epsilon(1e-12));
    // Shifting every fake row by (1, 2, 0, 0, 0) moves the mean by that: loss 1 + 4.
    const torch::Tensor shift = torch::tensor({1.0f, 2.0f, 0.0f, 0.0f, 0.0f});
    CHECK(featureMatchingLoss(features.mean(0), features + shift).item<double>() == doctest::Approx(5.0).epsilon(1e-5));
}

TEST_CASE("PacGAN: pack = m makes D's input m times as wide; packs are consecutive samples side by side") {
    const torch::Tensor x = torch::arange(12, torch::kFloat).view({6, 2});
    const torch::Tensor packed = packSamples(x, 3);
    REQUIRE(packed.sizes() == torch::IntArrayRef({2, 6}));
    CHECK(torch::equal(packed[1], torch::arange(6, 12, torch::kFloat)));
    CHECK(torch::equal(repeatForPack(x.narrow(0, 0, 1), 3), torch::tensor({{0.0f, 1.0f, 0.0f, 1.0f, 0.0f, 1.0f}})));
    RunSpec spec = smallRun(Objective::NonSaturating);
    CHECK(GanRun(spec, 2, 1).critic()->inFeatures() == 2);
    toyOf(spec)->pack = 3;
    GanRun run(spec, 2, 1);
    CHECK(run.critic()->inFeatures() == 6);
    // The views still ask D about single points.
    CHECK(run.criticScores(torch::zeros({5, 2})).sizes() == torch::IntArrayRef({5, 1}));
    const auto data = makeDistribution(ring());
    run.iterate(*data);
    CHECK(run.status() == RunStatus::Running);
}

TEST_CASE("instance noise: sigma anneals linearly from sigma0 to 0 over instance_noise_steps, then stays 0") {
    ToyGanSpec toy;
    CHECK(instanceNoiseSigma(toy, 0) == 0.0);  // off by default
    toy.instance_noise = 0.8;
    toy.instance_noise_steps = 100;
    CHECK(instanceNoiseSigma(toy, 0) == doctest::Approx(0.8));
    CHECK(instanceNoiseSigma(toy, 25) == doctest::Approx(0.6));
    CHECK(instanceNoiseSigma(toy, 50) == doctest::Approx(0.4));
    CHECK(instanceNoiseSigma(toy, 100) == 0.0);
    CHECK(instanceNoiseSigma(toy, 5000) == 0.0);
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(3);
    const torch::Tensor noisy = addInstanceNoise(torch::zeros({20000, 2}), 0.5, gen);
    CHECK(noisy.std().item<double>() == doctest::Approx(0.5).epsilon(0.02));
    CHECK(torch::equal(addInstanceNoise(torch::ones({3, 2}), 0.0, gen), torch::ones({3, 2})));
}

TEST_CASE("minibatch discrimination: a batch of identical rows reads closeness 1, rows far apart read 0") {
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(5);
    MinibatchDiscrimination layer(8, OptimSpec{}, gen);
    const torch::Tensor same = torch::ones({4, 8}).mul(0.3);
    const torch::Tensor o_same = layer.closeness(same);
    REQUIRE(o_same.sizes() == torch::IntArrayRef({4, MinibatchDiscrimination::kKernels}));
    CHECK(torch::allclose(o_same, torch::ones_like(o_same)));
    const torch::Tensor apart = torch::eye(8).narrow(0, 0, 4) * 1e5;
    CHECK(layer.closeness(apart).max().item<double>() < 1e-6);
    // w starts at 0: the layer adds nothing to D's score until D learns to use it.
    CHECK(layer.scores(same).abs().max().item<double>() == 0.0);
    RunSpec spec = smallRun(Objective::NonSaturating);
    toyOf(spec)->minibatch_discrimination = true;
    GanRun run(spec, 2, 1);
    REQUIRE(run.minibatchLayer() != nullptr);
    const torch::Tensor before = run.minibatchLayer()->flatParameters().clone();
    const auto data = makeDistribution(ring());
    for (int i = 0; i < 3; ++i) run.iterate(*data);
    CHECK_FALSE(torch::equal(before, run.minibatchLayer()->flatParameters()));  // D trains the layer
}

TEST_CASE("unrolled GAN: G's update reads an unrolled D, then D is back where its own steps left it") {
    RunSpec spec = smallRun(Objective::NonSaturating);
    toyOf(spec)->unrolled_steps = 3;
    const auto data = makeDistribution(ring());
    GanRun unrolled(spec, 2, 4), d_only(spec, 2, 4), plain(smallRun(Objective::NonSaturating), 2, 4);
    unrolled.iterate(*data);  // one D step, then a G step that sees 3 more D steps
    d_only.stepD(*data);      // the same D step alone
    CHECK(torch::equal(unrolled.critic()->flatParameters(), d_only.critic()->flatParameters()));
    plain.iterate(*data);
    CHECK_FALSE(torch::equal(unrolled.generator()->flatParameters(), plain.generator()->flatParameters()));
    CHECK(unrolled.step() == 1);
}

TEST_CASE("a run with every remedy on resumes from a checkpoint, in memory and on disk, bit for bit") {
    const SceneSpec scene = makeScene(ring(), {allRemediesRun()});
    const auto data = makeDistribution(scene.data);
    std::unique_ptr<Run> run = makeRun(scene.runs[0], 2, scene.seed, 64);
    run->dataChanged(*data);
    for (int i = 0; i < 6; ++i) run->iterate(data.get());
    const auto checkpoint = run->checkpoint();
    TempFolder dir("ganarium-ckpt-remedies");
    REQUIRE(writeCheckpointFolder(dir.path.string(), scene, 0, *checkpoint));
    for (int i = 0; i < 5; ++i) run->iterate(data.get());
    GanRun& gan = dynamic_cast<ToyGanRun&>(*run).gan();
    const torch::Tensor after = weightsOf(gan);

    REQUIRE(run->restore(*checkpoint) == "");
    for (int i = 0; i < 5; ++i) run->iterate(data.get());
    CHECK(torch::equal(weightsOf(gan), after));

    std::unique_ptr<Run> fresh = makeRun(scene.runs[0], 2, scene.seed, 64);
    fresh->dataChanged(*data);
    const std::string run_folder = findRunCheckpointFolder(dir.path.string(), 0);
    const auto loaded = readCheckpointFolder(stepCheckpointFolder(run_folder, 6), *fresh, 0);
    REQUIRE(fresh->restore(*loaded) == "");
    for (int i = 0; i < 5; ++i) fresh->iterate(data.get());
    CHECK(torch::equal(weightsOf(dynamic_cast<ToyGanRun&>(*fresh).gan()), after));
}

TEST_CASE("on the ring, PacGAN2 keeps more modes than the same standard GAN that collapses") {
    // mode_collapse_test.cpp's collapsing GAN (a strong D), with and without packing; same seed, same batches.
    RunSpec gan = smallRun(Objective::NonSaturating, Lipschitz::None, 128, 3);
    toyOf(gan)->latent_dim = 8;
    toyOf(gan)->batch = 256;
    toyOf(gan)->d_opt.lr = 5e-3;
    toyOf(gan)->g_opt.lr = 1e-3;
    RunSpec packed = gan;
    toyOf(packed)->pack = 2;
    auto scene = makeScene(ring(2.0, 0.05), {gan, packed}, 100, 4);
    scene.threads = 2;
    Trainer trainer(scene);
    trainer.advance(kBehaviourSteps);
    const auto snap = trainer.snapshot();
    const std::vector<double> plain_modes = snap->runs[0].metrics.columnCopy("modes_covered");
    const std::vector<double> packed_modes = snap->runs[1].metrics.columnCopy("modes_covered");
    REQUIRE(plain_modes.size() == packed_modes.size());
    MESSAGE("modes covered, standard GAN: " << plain_modes.back() << ", PacGAN2: " << packed_modes.back());
    double plain_sum = 0, packed_sum = 0;
    for (size_t i = plain_modes.size() / 2; i < plain_modes.size(); ++i) plain_sum += plain_modes[i], packed_sum += packed_modes[i];
    CHECK(packed_sum >= plain_sum + 2);  // over the second half of the run
    CHECK(packed_modes.back() > plain_modes.back());
}
