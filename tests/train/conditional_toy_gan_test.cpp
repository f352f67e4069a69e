// conditional_toy_gan_test.cpp — the conditional toy GAN (lecture section
// 8): G(z, y) and D(x, y) take y's one-hot, D's score depends on y, a data
// change to another number of components rebuilds the inputs, a short seeded
// run lifts condition_accuracy far above chance (1/8 on the ring), with and
// without mismatched pairs, the penalised (autograd) D step trains, a
// restored run (label stream included) repeats its steps exactly, the
// snapshot labels every sample, and the trainer refuses unlabelled data.
#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>

#include "core/errors.h"
#include "scene_fixtures.h"
#include "snapshot_parts.h"
#include "train/gan_run.h"
#include "train/metric_evaluator.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

// The metric context of `data` as the trainer builds it.
MetricContext contextOf(const Distribution& data) {
    MetricContext context;
    context.data = &data;
    context.modes = data.modes();
    context.mode_weights = data.modeWeights();
    context.view = {-3, 3, -3, 3};
    return context;
}

double conditionAccuracyOf(GanRun& run, const Distribution& data) {
    return evaluateRunMetrics(run, contextOf(data)).at("condition_accuracy");
}

}  // namespace

TEST_CASE("conditional G and D read y's one-hot, and D's score depends on it") {
    const auto data = makeDistribution(ring());
    GanRun run(conditionalToyRun(), 2, 7);
    run.resetDisplay(*data);
    REQUIRE(run.condition() != nullptr);
    CHECK(run.conditionCount() == 8);
    CHECK(run.generator()->inFeatures() == 2 + 8);
    CHECK(run.critic()->inFeatures() == 2 + 8);
    {
        torch::NoGradGuard no_grad;
        const torch::Tensor x = torch::randn({16, 2});
        const torch::Tensor y = torch::arange(16, torch::kLong).remainder(8);
        CHECK((run.criticScores(x, y) - run.criticScores(x, (y + 1).remainder(8))).abs().max().item<double>() > 1e-6);
    }
    // The latent carries y: its last 8 columns are one-hot.
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(3);
    const torch::Tensor latent = run.sampleLatent(32, gen);
    CHECK(latent.size(1) == 2 + 8);
    CHECK(torch::equal(latent.narrow(1, 2, 8).sum(1), torch::ones({32})));
    // Data with 9 components: new input layers.
    DataSpec grid;
    grid.family = DataFamily::Grid;
    grid.grid_n = 3;
    run.resetDisplay(*makeDistribution(grid));
    CHECK(run.generator()->inFeatures() == 2 + 9);
    CHECK(run.critic()->inFeatures() == 2 + 9);
    // An unconditional run keeps the plain inputs and records no condition accuracy.
    GanRun plain(smallRun(Objective::NonSaturating), 2, 7);
    plain.resetDisplay(*data);
    CHECK(plain.condition() == nullptr);
    CHECK(plain.critic()->inFeatures() == 2);
    CHECK(std::isnan(conditionAccuracyOf(plain, *data)));
}

TEST_CASE("a conditional run learns its condition: condition_accuracy rises far above chance (1/8)") {
    const auto data = makeDistribution(ring());
    for (bool mismatched : {false, true}) {
        CAPTURE(mismatched);
        GanRun run(conditionalToyRun(mismatched), 2, 11);
        run.resetDisplay(*data);
        const double before = conditionAccuracyOf(run, *data);
        CHECK(before < 0.4);
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < 1500; ++i) run.iterate(*data);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double after = conditionAccuracyOf(run, *data);
        MESSAGE("condition_accuracy " << before << " -> " << after << " in 1500 steps, " << seconds << " s");
        CHECK(run.status() == RunStatus::Running);
        CHECK(after > 0.8);
    }
}

TEST_CASE("penalised conditional D steps (GP, R1) train through autograd under the real labels") {
    const auto data = makeDistribution(ring());
    for (Lipschitz lipschitz : {Lipschitz::GradientPenalty, Lipschitz::None}) {
        RunSpec spec = conditionalToyRun(/*mismatched=*/true, lipschitz);
        if (lipschitz == Lipschitz::None) toyOf(spec)->r1_gamma = 1.0;
        toyOf(spec)->objective = lipschitz == Lipschitz::GradientPenalty ? Objective::Wasserstein : Objective::NonSaturating;
        CAPTURE(runLabel(spec));
        GanRun run(spec, 2, 5);
        run.resetDisplay(*data);
        const torch::Tensor d_before = run.critic()->flatParameters().clone();
        for (int i = 0; i < 20; ++i) run.iterate(*data);
        CHECK(run.status() == RunStatus::Running);
        CHECK_FALSE(torch::equal(run.critic()->flatParameters(), d_before));
        CHECK((run.lastPenalty() != nullptr) == (lipschitz == Lipschitz::GradientPenalty));
        const auto values = evaluateRunMetrics(run, contextOf(*data));
        CHECK(std::isfinite(values.at("loss_d")));
        CHECK(std::isfinite(values.at("condition_accuracy")));
    }
}

TEST_CASE("a conditional run with mismatched pairs restored from a checkpoint repeats the same steps exactly") {
    const auto data = makeDistribution(ring());
    for (Lipschitz lipschitz : {Lipschitz::None, Lipschitz::GradientPenalty}) {
        CAPTURE(static_cast<int>(lipschitz));
        GanRun run(conditionalToyRun(/*mismatched=*/true, lipschitz), 2, 7);
        run.resetDisplay(*data);
        for (int i = 0; i < 15; ++i) run.iterate(*data);
        const auto checkpoint = run.checkpoint();
        for (int i = 0; i < 10; ++i) run.iterate(*data);
        const torch::Tensor g_first = run.generator()->flatParameters().clone();
        const torch::Tensor d_first = run.critic()->flatParameters().clone();
        REQUIRE(run.restore(*checkpoint).empty());
        CHECK_FALSE(torch::equal(run.critic()->flatParameters(), d_first));
        for (int i = 0; i < 10; ++i) run.iterate(*data);
        CHECK(torch::equal(run.generator()->flatParameters(), g_first));
        CHECK(torch::equal(run.critic()->flatParameters(), d_first));
    }
}

TEST_CASE("a conditional run's snapshot labels every sample; its latent holds z only and it has no manifold") {
    const SceneSpec scene = makeScene(ring(), {conditionalToyRun(), smallRun(Objective::NonSaturating)}, 10);
    Trainer trainer(scene);
    trainer.advance(20);
    const SnapshotPtr snapshot = trainer.snapshot();
    const RunSnapshot& conditional = snapshot->runs[0];
    const PointSet& fake = part<PointSet>(conditional, quantity_names::kFake);
    const PointSet& real = part<PointSet>(conditional, quantity_names::kReal);
    const PointLabels& fake_labels = part<PointLabels>(conditional, quantity_names::kFakeLabels);
    const PointLabels& real_labels = part<PointLabels>(conditional, quantity_names::kRealLabels);
    CHECK(fake_labels.classes == 8);
    CHECK(fake_labels.labels.size() == fake.size());
    CHECK(real_labels.labels.size() == real.size());
    std::vector<int> seen(8, 0);
    for (int y : fake_labels.labels) {
        REQUIRE(y >= 0);
        REQUIRE(y < 8);
        ++seen[static_cast<size_t>(y)];
    }
    for (int count : seen) CHECK(count > 0);  // y drawn from the (equal) component weights
    // Real labels are the sampler's: each real point lies on its own mode (std 0.05, radius 2).
    const ModeMarkers& modes = part<ModeMarkers>(conditional, quantity_names::kModes);
    for (size_t i = 0; i < real.size(); ++i) {
        const Mode& m = modes.modes[static_cast<size_t>(real_labels.labels[i])];
        CHECK(std::hypot(real.at(i, 0) - m.x, real.at(i, 1) - m.y) < 0.4);
    }
    const PointSet& latent = part<PointSet>(conditional, quantity_names::kLatent);
    CHECK(latent.dim == toyOf(scene.runs[0])->latent_dim);
    CHECK(latent.size() == fake.size());
    CHECK(findQuantity<PointGrid>(conditional.parts, quantity_names::kManifold) == nullptr);
    CHECK(findQuantity<PointLabels>(snapshot->runs[1].parts, quantity_names::kFakeLabels) == nullptr);
    CHECK(std::isfinite(conditional.metrics.last("condition_accuracy")));
    CHECK(std::isnan(snapshot->runs[1].metrics.last("condition_accuracy")));
}

TEST_CASE("the trainer refuses a conditional run on data without components, at start and on a data switch") {
    DataSpec moons;
    moons.family = DataFamily::TwoMoons;
    try {
        Trainer refused(makeScene(moons, {conditionalToyRun()}, 10));
        FAIL("a conditional run on two moons was accepted");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()).find("conditional") != std::string::npos);
        CHECK(std::string(e.what()).find("two_moons") != std::string::npos);
    }
    Trainer trainer(makeScene(ring(), {conditionalToyRun()}, 10));
    Command switch_data;
    switch_data.kind = Command::Kind::SetData;
    switch_data.data = moons;
    // The trainer refuses it (the window shows the reason in its banner) and keeps the ring.
    auto refusal = [&](const Command& command) {
        try {
            trainer.apply(command);
        } catch (const UserError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(refusal(switch_data).find("conditional") != std::string::npos);
    CHECK(part<ModeMarkers>(trainer.snapshot()->runs[0], quantity_names::kModes).modes.size() == 8);
    Command set_run;
    set_run.kind = Command::Kind::SetRun;
    set_run.run = 0;
    set_run.run_spec = conditionalToyRun();
    toyOf(set_run.run_spec)->fixed_generator = true;
    toyOf(set_run.run_spec)->fixed_data = ring();
    CHECK(refusal(set_run).find("fixed generator") != std::string::npos);
}
