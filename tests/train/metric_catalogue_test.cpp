// metric_catalogue_test.cpp — the evaluator's metrics against the catalogue
// and against known behaviour: every key it records is catalogued, clipping
// bounds d_weight_max_abs by c, WGAN-GP's gp_norm_mean settles near 1, and a
// step's metrics do not depend on how often metrics were evaluated before.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cmath>

#include "core/distribution.h"
#include "core/metric_catalogue.h"
#include "scene_fixtures.h"
#include "train/gan_run.h"
#include "train/metric_evaluator.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

MetricContext contextFor(const Distribution& data) {
    MetricContext context;
    context.data = &data;
    context.modes = data.modes();
    context.mode_weights = data.modeWeights();
    context.view = data.bounds();
    return context;
}

}  // namespace

TEST_CASE("every metric the evaluator records is in the catalogue, and every toy metric is recorded") {
    const auto data = makeDistribution(ring());
    const MetricContext context = contextFor(*data);
    for (Lipschitz lipschitz : {Lipschitz::None, Lipschitz::GradientPenalty}) {
        GanRun run(smallRun(Objective::Wasserstein, lipschitz), 2, 3);
        run.iterate(*data);
        const auto values = evaluateRunMetrics(run, context);
        for (const auto& entry : values) {
            const std::string& key = entry.first;  // not a structured binding: clang 14 cannot capture those
            CAPTURE(key);
            const MetricInfo* info = findMetric(key);
            REQUIRE(info != nullptr);
            CHECK(std::string(info->run_kind) == "toy");
        }
        for (const std::string& key : metricKeysOfKind("toy")) CHECK(values.count(key) == 1);
        CHECK(metricNames() == metricKeysOfKind("toy"));
        // The GP norms exist only for a run with a gradient penalty.
        CHECK(std::isnan(values.at("gp_norm_mean")) == (lipschitz != Lipschitz::GradientPenalty));
        CHECK(std::isfinite(values.at("d_weight_max_abs")));
    }
}

TEST_CASE("d_weight_max_abs: weight clipping keeps it at most c, and it equals D's largest |parameter|") {
    RunSpec spec = smallRun(Objective::Wasserstein, Lipschitz::WeightClip);
    toyOf(spec)->clip = 0.02;
    toyOf(spec)->d_opt.lr = 5e-3;
    GanRun run(spec, 2, 4);
    const auto data = makeDistribution(ring());
    for (int i = 0; i < 20; ++i) run.iterate(*data);
    const double value = evaluateRunMetrics(run, contextFor(*data)).at("d_weight_max_abs");
    double largest = 0;
    for (const auto& p : run.critic()->parameters()) largest = std::max(largest, p.abs().max().item<double>());
    CHECK(value == doctest::Approx(largest).epsilon(1e-6));
    CHECK(value <= 0.02 + 1e-7);
    CHECK(value >= 0.02 - 1e-6);  // with this learning rate weights pile up at the bound
}

TEST_CASE("gp_norm_mean: WGAN-GP on the ring settles near 1") {
    RunSpec spec = smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty, 64, 2);
    toyOf(spec)->gp_lambda = 10;
    toyOf(spec)->k_d = 5;
    toyOf(spec)->d_opt.beta1 = 0.0;
    GanRun run(spec, 2, 9);
    const auto data = makeDistribution(ring());
    for (int i = 0; i < 150; ++i) run.iterate(*data);
    const auto values = evaluateRunMetrics(run, contextFor(*data));
    MESSAGE("gp_norm_mean " << values.at("gp_norm_mean") << " +- " << values.at("gp_norm_std"));
    CHECK(values.at("gp_norm_mean") >= 0.7);
    CHECK(values.at("gp_norm_mean") <= 1.3);
    CHECK(values.at("gp_norm_std") >= 0.0);
    CHECK(values.at("gp_norm_std") < 0.5);
    // The same numbers as the last penalty's norms.
    const torch::Tensor norms = run.lastPenalty()->grad_norm;
    CHECK(values.at("gp_norm_mean") == doctest::Approx(norms.mean().item<double>()).epsilon(1e-5));
}

TEST_CASE("a step's metrics do not depend on the evaluation cadence before it (losses aside)") {
    const auto data = makeDistribution(ring());
    const MetricContext context = contextFor(*data);
    const RunSpec spec = smallRun(Objective::NonSaturating);
    GanRun often(spec, 2, 17), once(spec, 2, 17);
    for (int i = 0; i < 10; ++i) {
        often.iterate(*data);
        once.iterate(*data);
        if (i % 3 == 0) evaluateRunMetrics(often, context);
    }
    const auto a = evaluateRunMetrics(often, context), b = evaluateRunMetrics(once, context);
    for (const auto& entry : a) {
        const std::string& key = entry.first;
        const double value = entry.second;
        if (key == "loss_d" || key == "loss_g") continue;  // means over the steps since the previous evaluation
        CAPTURE(key);
        if (std::isnan(value)) {
            CHECK(std::isnan(b.at(key)));
        } else {
            CHECK(b.at(key) == value);
        }
    }
}
