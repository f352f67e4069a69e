// profile_test.cpp — CPU-time breakdown of metric evaluation and snapshot
// building (thread CPU time, so other processes on the machine do not
// distort it). Skipped in the normal run; run with:
//   test_train --no-skip -tc="profile*"
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <time.h>

#include <cstdio>
#include <functional>

#include "core/metrics.h"
#include "scene_fixtures.h"
#include "train/gan_run.h"
#include "train/metric_evaluator.h"
#include "train/snapshot_builder.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

double threadSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

// Mean thread-CPU milliseconds of `fn` over `reps` calls.
double cpuMs(int reps, const std::function<void()>& fn) {
    fn();
    const double start = threadSeconds();
    for (int i = 0; i < reps; ++i) fn();
    return 1000.0 * (threadSeconds() - start) / reps;
}

RunSpec toyRun(Objective objective, Lipschitz lipschitz) {
    RunSpec run = smallRun(objective, lipschitz, 128, 3);
    run.latent_dim = 8;
    run.batch = 256;
    return run;
}

}  // namespace

TEST_CASE("profile of steps, metrics and snapshots" * doctest::skip()) {
    at::set_num_threads(1);
    for (const DataSpec& spec : {ring(), gaussian1D(0, 1)}) {
        const auto data = makeDistribution(spec);
        const int dim = data->dim();
        std::printf("---- %dD\n", dim);
        struct Case {
            const char* label;
            RunSpec run;
        };
        RunSpec tiny = smallRun(Objective::NonSaturating, Lipschitz::None, 8, 1);
        tiny.batch = 64;
        const Case cases[] = {{"toy non_saturating", toyRun(Objective::NonSaturating, Lipschitz::None)},
                              {"toy wasserstein+gp", toyRun(Objective::Wasserstein, Lipschitz::GradientPenalty)},
                              {"toy wasserstein+clip", toyRun(Objective::Wasserstein, Lipschitz::WeightClip)},
                              {"toy wasserstein+sn", toyRun(Objective::Wasserstein, Lipschitz::SpectralNorm)},
                              {"tiny 1x8 batch 64", tiny}};
        for (const auto& c : cases) {
            GanRun run(c.run, dim, 1);
            const int reps = c.run.batch == 64 ? 2000 : 200;
            const double ms = cpuMs(reps, [&] { run.iterate(*data); });
            std::printf("%-24s iteration %.3f ms CPU = %.0f it/s\n", c.label, ms, 1000.0 / ms);
        }
        GanRun run(toyRun(Objective::NonSaturating, Lipschitz::None), dim, 1);
        run.resetDisplay(*data);
        for (int i = 0; i < 20; ++i) run.iterate(*data);
        const double step = cpuMs(100, [&] { run.iterate(*data); });
        MetricContext mc;
        mc.data = data.get();
        mc.modes = data->modes();
        mc.mode_weights.assign(mc.modes.size(), 1.0 / std::max<size_t>(1, mc.modes.size()));
        mc.view = data->bounds();
        const double metrics = cpuMs(10, [&] { evaluateRunMetrics(run, mc); });
        std::printf("metrics %.2f ms CPU; at cadence 50 that is %.1f%% of training time\n", metrics,
                    100.0 * metrics / (50 * step));
        const auto real = toVector(run.sampleReal(*data, kMetricSamples, run.metricRng()));
        const auto fake = toVector(run.sampleFake(kMetricSamples, run.metricGen(), run.metricRng()));
        std::printf("  g_grad_norm %.2f ms\n", cpuMs(10, [&] { generatorGradientNorm(run); }));
        std::printf("  G forward 2500 %.2f ms\n",
                    cpuMs(10, [&] { run.sampleFake(kMetricSamples, run.metricGen(), run.metricRng()); }));
        const torch::Tensor rt = run.sampleReal(*data, kMetricSamples, run.metricRng());
        std::printf("  D forward 2500 %.2f ms\n", cpuMs(10, [&] {
                        torch::NoGradGuard ng;
                        run.critic()->forward(rt);
                    }));
        std::printf("  divergencesAgainstSamples %.2f ms\n",
                    cpuMs(5, [&] { divergencesAgainstSamples(*data, fake, dim, mc.view); }));
        if (dim == 2) {
            const std::vector<float> a(real.begin(), real.begin() + 512), b(fake.begin(), fake.begin() + 512);
            std::printf("  wasserstein2D 256 %.2f ms\n", cpuMs(5, [&] { wasserstein2D(a, b); }));
            std::printf("  modeStatistics %.2f ms\n",
                        cpuMs(5, [&] { modeStatistics(mc.modes, mc.mode_weights, fake, dim); }));
        } else {
            std::printf("  wasserstein1D %.2f ms\n", cpuMs(5, [&] { wasserstein1D(real, fake); }));
            std::printf("  kernelDensity 256 %.2f ms\n", cpuMs(5, [&] { kernelDensity(fake, 1, mc.view, 256, 1); }));
        }
        SnapshotContext sc;
        sc.data = data.get();
        sc.modes = mc.modes;
        sc.view = mc.view;
        sc.nx = dim == 2 ? 64 : 256;
        sc.ny = dim == 2 ? 64 : 1;
        std::printf("full snapshot (non_saturating) %.2f ms CPU\n", cpuMs(10, [&] { buildRunSnapshot(run, sc, true); }));
        GanRun gp(toyRun(Objective::Wasserstein, Lipschitz::GradientPenalty), dim, 1);
        gp.resetDisplay(*data);
        gp.iterate(*data);
        std::printf("full snapshot (wgan-gp) %.2f ms CPU\n", cpuMs(10, [&] { buildRunSnapshot(gp, sc, true); }));
        const torch::Tensor grid = torch::rand({sc.nx * sc.ny, dim});
        std::printf("  D on grid %.2f ms\n", cpuMs(10, [&] {
                        torch::NoGradGuard ng;
                        run.critic()->forward(grid);
                    }));
    }
    CHECK(true);
}
