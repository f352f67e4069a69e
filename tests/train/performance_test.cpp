// performance_test.cpp — throughput figures the report asks for. Skipped in
// the normal run (timings on a shared 2-core machine are not assertions);
// run with: test_train --no-skip -tc="performance*" -s
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>

#include "scene_fixtures.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The default toy model: G and D MLP 3x128, z = 8, batch 256, Adam.
RunSpec toyRun(Objective objective, Lipschitz lipschitz) {
    RunSpec run = smallRun(objective, lipschitz, 128, 3);
    run.latent_dim = 8;
    run.batch = 256;
    return run;
}

// Iterations per second of `scene` over `iterations` (after a short warm-up).
double iterationsPerSecond(const SceneSpec& scene, int iterations, int threads = 1) {
    TrainerOptions options;
    options.threads = threads;
    Trainer trainer(scene, options);
    trainer.advance(20);
    const auto start = Clock::now();
    trainer.advance(iterations);
    return iterations / secondsSince(start);
}

}  // namespace

TEST_CASE("performance figures" * doctest::skip()) {
    const int never = 1000000000;
    struct Case {
        const char* label;
        Objective objective;
        Lipschitz lipschitz;
    };
    const Case cases[] = {{"non_saturating", Objective::NonSaturating, Lipschitz::None},
                          {"wasserstein+gp", Objective::Wasserstein, Lipschitz::GradientPenalty},
                          {"wasserstein+clip", Objective::Wasserstein, Lipschitz::WeightClip},
                          {"wasserstein+sn", Objective::Wasserstein, Lipschitz::SpectralNorm}};
    for (const auto& c : cases) {
        const double rate = iterationsPerSecond(makeScene(ring(), {toyRun(c.objective, c.lipschitz)}, never), 400);
        std::printf("toy 3x128 z=8 batch 256, %-18s 1 thread: %7.1f it/s\n", c.label, rate);
        CHECK(rate > 0);
    }
    {
        std::vector<RunSpec> four;
        for (const auto& c : cases) four.push_back(toyRun(c.objective, c.lipschitz));
        const double rate1 = iterationsPerSecond(makeScene(ring(), four, never), 200, 1);
        const double rate2 = iterationsPerSecond(makeScene(ring(), four, never), 200, 2);
        std::printf("4 toy runs: 1 thread %.1f scene it/s (%.1f run-it/s); 2 threads %.1f scene it/s (%.1f run-it/s)\n",
                    rate1, 4 * rate1, rate2, 4 * rate2);
    }
    {
        RunSpec tiny = smallRun(Objective::NonSaturating, Lipschitz::None, 8, 1);
        tiny.batch = 64;
        const double rate = iterationsPerSecond(makeScene(ring(), {tiny}, never), 5000);
        std::printf("tiny (1 hidden layer of 8, batch 64): %.0f it/s\n", rate);
        tiny.batch = 256;
        const double rate256 = iterationsPerSecond(makeScene(ring(), {tiny}, never), 5000);
        std::printf("tiny (1 hidden layer of 8, batch 256): %.0f it/s\n", rate256);
    }
    {
        // Metric overhead at the default cadence (50), 2D ring with 8 modes, and 1D.
        for (const DataSpec& data : {ring(), gaussian1D(0, 1)}) {
            const int n = 500;
            const double plain = iterationsPerSecond(makeScene(data, {toyRun(Objective::NonSaturating, Lipschitz::None)}, never), n);
            const double with = iterationsPerSecond(makeScene(data, {toyRun(Objective::NonSaturating, Lipschitz::None)}, 50), n);
            std::printf("%dD metrics every 50: %.1f it/s vs %.1f without: overhead %.1f%% of training time\n",
                        familyDimension(data.family), with, plain, 100.0 * (plain / with - 1.0));
        }
    }
    {
        for (const DataSpec& data : {ring(), gaussian1D(0, 1)}) {
            Trainer trainer(makeScene(data, {toyRun(Objective::Wasserstein, Lipschitz::GradientPenalty)}, never));
            trainer.advance(10);
            trainer.snapshot();
            const int reps = 20;
            const auto start = Clock::now();
            for (int i = 0; i < reps; ++i) trainer.snapshot();
            std::printf("%dD full snapshot (1 WGAN-GP run, %s grid, 1024 samples): %.2f ms\n",
                        familyDimension(data.family), familyDimension(data.family) == 2 ? "64x64" : "256",
                        1000.0 * secondsSince(start) / reps);
        }
    }
}
