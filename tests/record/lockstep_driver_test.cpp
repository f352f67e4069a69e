// lockstep_driver_test.cpp — the one "advance K, then snapshot" driver that
// `ganarium record` and the window's REC share: frame i shows step i*K, the
// overlapped start()/wait() gives the same frames as stepNow(), the stop flag
// ends a long step early, and no thread is made per frame.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "app/lockstep_driver.h"
#include "core/scene_spec.h"
#include "train/trainer.h"

using namespace ganarium;

namespace {

// A tiny 1D scene built in code: two small runs, fixed seed, one trainer thread.
SceneSpec tinyScene() {
    SceneSpec scene;
    scene.title = "lockstep";
    scene.seed = 11;
    scene.threads = 1;
    scene.metrics_every = 5;
    scene.data.family = DataFamily::Gaussian1D;
    scene.data.mean = 1.0;
    scene.data.std = 0.5;
    for (Objective objective : {Objective::NonSaturating, Objective::Wasserstein}) {
        RunSpec run;
        toyOf(run)->objective = objective;
        toyOf(run)->g_net.hidden.assign(1, 8);
        toyOf(run)->d_net.hidden.assign(1, 8);
        toyOf(run)->latent_dim = 1;
        toyOf(run)->batch = 32;
        scene.runs.push_back(run);
    }
    return scene;
}

TrainerOptions tinyOptions() {
    TrainerOptions options;
    options.display_samples = 64;
    return options;
}

// Threads of this process right now (Linux: /proc/self/task).
int processThreads() {
    int n = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) n += entry.is_directory() ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("lockstep driver: N frames of K steps show steps K, 2K, ... and match the step done on the caller") {
    const SceneSpec scene = tinyScene();
    Trainer overlapped(scene, tinyOptions()), inline_trainer(scene, tinyOptions());
    LockstepDriver driver, same_thread;
    constexpr int kK = 7, kFrames = 6;
    CHECK_FALSE(driver.busy());
    CHECK(driver.wait().snapshot == nullptr);  // nothing started: an empty frame
    driver.start(overlapped, kK);
    int threads_during = 0;
    for (int i = 1; i <= kFrames; ++i) {
        CAPTURE(i);
        REQUIRE(driver.busy());
        const LockstepFrame frame = driver.wait();
        CHECK_FALSE(driver.busy());
        REQUIRE(frame.snapshot);
        CHECK(frame.error.empty());
        CHECK(frame.train_s > 0);
        CHECK(frame.snapshot_s > 0);
        if (i < kFrames) driver.start(overlapped, kK);  // the next frame trains while this one is "drawn"

        const LockstepFrame reference = same_thread.stepNow(inline_trainer, kK);
        REQUIRE(frame.snapshot->runs.size() == 2);
        for (size_t r = 0; r < 2; ++r) {
            CHECK(frame.snapshot->runs[r].step == i * kK);
            const PointSet* fake = findQuantity<PointSet>(frame.snapshot->runs[r].parts, quantity_names::kFake);
            const PointSet* reference_fake = findQuantity<PointSet>(reference.snapshot->runs[r].parts, quantity_names::kFake);
            REQUIRE(fake != nullptr);
            REQUIRE(reference_fake != nullptr);
            CHECK(fake->coords == reference_fake->coords);
            CHECK(frame.snapshot->runs[r].metrics.steps() == reference.snapshot->runs[r].metrics.steps());
        }
        // One persistent driver thread: the process's thread count does not grow with the frames.
        if (i == 2) threads_during = processThreads();
        if (i > 2) CHECK(processThreads() == threads_during);
    }
    // K = 0: a snapshot only, no training.
    driver.start(overlapped, 0);
    const LockstepFrame still = driver.wait();
    CHECK(still.snapshot->runs[0].step == kFrames * kK);
    CHECK(still.train_s == 0);
}

TEST_CASE("lockstep driver: the stop flag ends a long step between two iterations") {
    Trainer trainer(tinyScene(), tinyOptions());
    std::atomic<bool> stop{false};
    LockstepDriver driver(&stop);
    constexpr int kHuge = 100000000;  // hours of training unless stopped
    const auto t0 = std::chrono::steady_clock::now();
    driver.start(trainer, kHuge);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;
    const LockstepFrame frame = driver.wait();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(frame.snapshot);
    CHECK(frame.error.empty());
    CHECK(seconds < 30.0);
    // One trainer thread: run 0 trains until the stop, run 1 (next in line) stops before its first step.
    REQUIRE(frame.snapshot->runs.size() == 2);
    CHECK(frame.snapshot->runs[0].step > 0);
    CHECK(frame.snapshot->runs[0].step < kHuge);
    CHECK(frame.snapshot->runs[1].step == 0);
    // A driver destroyed with a step in flight waits for it (stopped at once here).
    {
        LockstepDriver stopped(&stop);
        stopped.start(trainer, kHuge);
    }
    CHECK(trainer.snapshot()->runs[0].step == frame.snapshot->runs[0].step);
}
