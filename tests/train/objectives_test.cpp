// objectives_test.cpp — what the lectures claim, measured: JS is stuck at
// log 2 on disjoint supports while W1 reads the distance; the minimax
// generator's gradient vanishes where the non-saturating one does not; a
// discriminator against a fixed generator approaches D*.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cmath>

#include "snapshot_parts.h"
#include "scene_fixtures.h"
#include "core/objective_table.h"
#include "train/objectives.h"
#include "train/score_gradients.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

TEST_CASE("objectives match their closed forms on raw scores") {
    const torch::Tensor f = torch::tensor({-2.0f, 0.0f, 3.0f});
    const auto d = torch::sigmoid(f);
    CHECK(generatorLoss(Objective::Minimax, f).item<double>() ==
          doctest::Approx(torch::log(1 - d).mean().item<double>()).epsilon(1e-5));
    CHECK(generatorLoss(Objective::NonSaturating, f).item<double>() ==
          doctest::Approx((-torch::log(d)).mean().item<double>()).epsilon(1e-5));
    CHECK(generatorLoss(Objective::MaxLikelihood, f).item<double>() ==
          doctest::Approx((-0.5 * d / (1 - d)).mean().item<double>()).epsilon(1e-5));
    const torch::Tensor r = torch::tensor({1.5f, -0.5f});
    CHECK(discriminatorLoss(Objective::Hinge, r, f).item<double>() ==
          doctest::Approx((0.0 + 1.5) / 2 + (0.0 + 1.0 + 4.0) / 3).epsilon(1e-5));
    CHECK(discriminatorLoss(Objective::Wasserstein, r, f).item<double>() == doctest::Approx(1.0 / 3 - 0.5));
    CHECK(discriminatorLoss(Objective::NonSaturating, r, f).item<double>() ==
          doctest::Approx((-torch::log(torch::sigmoid(r))).mean().item<double>() -
                          torch::log(1 - d).mean().item<double>())
              .epsilon(1e-5));
}

TEST_CASE("each objective row's closed-form terms agree with its tensor losses and their autograd slopes") {
    REQUIRE(objectiveTable().size() == 6);
    // Scores on both sides of every kink (hinge at +-1) and beyond the softplus threshold and the ML clamp.
    const std::vector<float> scores = {-25.0f, -3.0f, -1.2f, -0.4f, 0.0f, 0.7f, 1.3f, 4.0f, 16.0f, 22.0f};
    for (const ObjectiveInfo& info : objectiveTable()) {
        CAPTURE(info.name);
        CHECK(objectiveLosses(info.id).id == info.id);
        const torch::Tensor f_real = torch::tensor(scores, torch::kDouble).requires_grad_(true);
        const torch::Tensor f_fake = (-torch::tensor(scores, torch::kDouble)).requires_grad_(true);
        const torch::Tensor d_loss = discriminatorLoss(info.id, f_real, f_fake);
        const auto d_grads = torch::autograd::grad({d_loss}, {f_real, f_fake});
        std::vector<float> both(scores);
        for (float v : scores) both.push_back(-v);
        std::vector<float> slope(both.size());
        const double closed = discriminatorLossGradient(info.id, both.data(), 10, 10, slope.data());
        CHECK(closed == doctest::Approx(d_loss.item<double>()).epsilon(1e-6));
        for (int i = 0; i < 10; ++i) {
            CHECK(slope[i] == doctest::Approx(d_grads[0][i].item<double>()).epsilon(1e-5));
            CHECK(slope[10 + i] == doctest::Approx(d_grads[1][i].item<double>()).epsilon(1e-5));
        }
        const torch::Tensor g_loss = generatorLoss(info.id, f_real);
        const torch::Tensor g_grad = torch::autograd::grad({g_loss}, {f_real})[0];
        const double g_closed = generatorLossGradient(info.id, scores.data(), 10, slope.data());
        CHECK(g_closed == doctest::Approx(g_loss.item<double>()).epsilon(1e-6));
        for (int i = 0; i < 10; ++i) CHECK(slope[i] == doctest::Approx(g_grad[i].item<double>()).epsilon(1e-5));
        // The critic flag and the sigmoid reading never both hold; critics have no fixed decision threshold.
        CHECK_FALSE((info.critic && isSigmoidObjective(info.id)));
        CHECK(std::isnan(objectiveLosses(info.id).decision_threshold) == info.critic);
    }
}

TEST_CASE("what D estimates: log 2 for a blind JS-type D, the mean score gap for a critic") {
    const torch::Tensor zeros = torch::zeros({5});
    CHECK(objectiveLosses(Objective::NonSaturating).estimate(zeros, zeros) == doctest::Approx(0.0).epsilon(1e-6));
    // A perfect sigmoid D (f = +-40) reads JS = log 2.
    CHECK(objectiveLosses(Objective::Minimax).estimate(torch::full({5}, 40.0), torch::full({5}, -40.0)) ==
          doctest::Approx(std::log(2.0)).epsilon(1e-6));
    CHECK(objectiveLosses(Objective::Wasserstein).estimate(torch::full({4}, 2.5), torch::full({4}, -0.5)) ==
          doctest::Approx(3.0));
}

TEST_CASE("disjoint 1D supports: JS reads log 2 while W1 reads the distance") {
    auto scene = makeScene(gaussian1D(0.0, 0.1), {fixedGeneratorRun(Objective::NonSaturating, gaussian1D(3.0, 0.1)),
                                                  fixedGeneratorRun(Objective::NonSaturating, gaussian1D(6.0, 0.1))});
    Trainer trainer(scene);
    const auto snap = trainer.snapshot();
    REQUIRE(snap->runs.size() == 2);
    CHECK(snap->runs[0].metrics.latest().at("js") == doctest::Approx(std::log(2.0)).epsilon(0.01 / std::log(2.0)));
    CHECK(snap->runs[1].metrics.latest().at("js") == doctest::Approx(std::log(2.0)).epsilon(0.01 / std::log(2.0)));
    CHECK(snap->runs[0].metrics.latest().at("w1") == doctest::Approx(3.0).epsilon(0.02));
    CHECK(snap->runs[1].metrics.latest().at("w1") == doctest::Approx(6.0).epsilon(0.02));
    CHECK(std::isnan(snap->runs[0].metrics.latest().at("g_grad_norm")));
    CHECK(std::isnan(snap->runs[0].metrics.latest().at("loss_g")));
}

TEST_CASE("minimax G's gradient vanishes against a trained D; non-saturating G's does not") {
    RunSpec minimax = smallRun(Objective::Minimax), nonsat = smallRun(Objective::NonSaturating);
    toyOf(minimax)->latent_dim = toyOf(nonsat)->latent_dim = 1;
    auto scene = makeScene(gaussian1D(4.0, 0.2), {minimax, nonsat}, 1000);
    Trainer trainer(scene);
    Command step_d;
    step_d.kind = Command::Kind::StepD;
    step_d.count = 200;
    trainer.apply(step_d);
    trainer.evaluateMetrics();
    const auto snap = trainer.snapshot();
    const double g_minimax = snap->runs[0].metrics.latest().at("g_grad_norm");
    const double g_nonsat = snap->runs[1].metrics.latest().at("g_grad_norm");
    MESSAGE("g_grad_norm minimax " << g_minimax << ", non-saturating " << g_nonsat);
    CHECK(snap->runs[0].metrics.latest().at("d_accuracy") > 0.99);
    CHECK(g_nonsat > 10 * g_minimax);
    // The snapshot's push arrows agree: both point toward the data (at +4), the minimax ones barely.
    auto meanPush = [](const RunSnapshot& run) {
        double sum = 0;
        const std::vector<float>& push = test::coordsOf(run, quantity_names::kGeneratorPush);
        for (float v : push) sum += v;
        return sum / static_cast<double>(push.size());
    };
    CHECK(meanPush(snap->runs[1]) > 0);
    CHECK(meanPush(snap->runs[0]) > 0);
    CHECK(meanPush(snap->runs[1]) > 10 * meanPush(snap->runs[0]));
}

TEST_CASE("against a fixed generator, D approaches the optimal discriminator") {
    RunSpec run = fixedGeneratorRun(Objective::NonSaturating, gaussian1D(1.0, 1.0));
    toyOf(run)->d_opt.lr = 3e-3;
    toyOf(run)->batch = 256;
    auto scene = makeScene(gaussian1D(0.0, 1.0), {run}, 100);
    scene.display.has_view = true;
    scene.display.view = {-4, 5, 0, 1};
    Trainer trainer(scene);
    const double start_gap = trainer.snapshot()->runs[0].metrics.latest().at("d_opt_gap");
    trainer.advance(600);
    const auto snap = trainer.snapshot();
    const double gap = snap->runs[0].metrics.latest().at("d_opt_gap");
    MESSAGE("d_opt_gap " << start_gap << " -> " << gap);
    CHECK(gap < 0.05);
    CHECK(start_gap > gap);
    CHECK(test::part<FieldGrid>(snap->runs[0], quantity_names::kOptimalDiscriminator).values.size() == 256);
    CHECK(findQuantity<PointGrid>(snap->runs[0].parts, quantity_names::kManifold) == nullptr);  // no G to map
}

TEST_CASE("every objective with every Lipschitz method trains in 1D and 2D") {
    const Objective objectives[] = {Objective::Minimax,      Objective::NonSaturating, Objective::MaxLikelihood,
                                    Objective::LeastSquares, Objective::Hinge,         Objective::Wasserstein};
    const Lipschitz methods[] = {Lipschitz::None, Lipschitz::WeightClip, Lipschitz::GradientPenalty,
                                 Lipschitz::SpectralNorm};
    for (const DataSpec& data : {gaussian1D(0.5, 0.2), ring()}) {
        for (Objective objective : objectives) {
            for (Lipschitz lipschitz : methods) {
                RunSpec run = smallRun(objective, lipschitz, 8, 1);
                toyOf(run)->batch = 16;
                toyOf(run)->r1_gamma = lipschitz == Lipschitz::None ? 1.0 : 0.0;  // R1 rides along once per objective
                toyOf(run)->gp_one_sided = objective == Objective::Hinge;
                toyOf(run)->latent = objective == Objective::LeastSquares ? LatentKind::Uniform : LatentKind::Gaussian;
                TrainerOptions options;
                options.display_samples = 32;
                Trainer trainer(makeScene(data, {run}, 4), options);
                trainer.advance(4);
                const auto snap = trainer.snapshot();
                CAPTURE(objectiveName(objective));
                CAPTURE(lipschitzName(lipschitz));
                CHECK(snap->runs[0].status == RunStatus::Running);
                CHECK(snap->runs[0].step == 4);
                CHECK(std::isfinite(snap->runs[0].metrics.latest().at("loss_d")));
                CHECK(std::isfinite(snap->runs[0].metrics.latest().at("loss_g")));
                CHECK(std::isfinite(snap->runs[0].metrics.latest().at("g_grad_norm")));
                CHECK(std::isfinite(snap->runs[0].metrics.latest().at("d_estimate")));
                CHECK(snap->runs[0].critic == isCriticObjective(objective));
            }
        }
    }
}
