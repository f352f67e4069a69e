// fast_forward_test.cpp — "fast-forward N steps" in the threaded trainer:
// it trains exactly N iterations while paused, reports its progress in the
// snapshots, ends with a full picture, and Pause or Stop cut it short.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "core/errors.h"
#include "scene_fixtures.h"
#include "snapshot_parts.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

Command fastForward(int steps) {
    Command command;
    command.kind = Command::Kind::FastForward;
    command.count = steps;
    return command;
}

// Polls `trainer` until `done` holds for the latest snapshot or `seconds` pass; returns that snapshot.
template <typename Done>
SnapshotPtr waitFor(Trainer& trainer, Done done, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    SnapshotPtr latest = trainer.latest();
    while (!done(*latest) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        latest = trainer.latest();
    }
    return latest;
}

}  // namespace

TEST_CASE("fast-forward trains exactly N steps while paused and ends with a full picture") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1),
                                    smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty, 16, 1)}, 50);
    Trainer trainer(scene);
    trainer.start(false);
    trainer.post(fastForward(400));
    const auto done = waitFor(trainer, [](const Snapshot& s) { return s.fast_forward_total == 0 && s.runs[0].step >= 400; }, 120);
    CHECK_FALSE(done->playing);
    CHECK(done->fast_forward_total == 0);
    for (const auto& run : done->runs) {
        CHECK(run.step == 400);
        CHECK(findQuantity<PointSet>(run.parts, quantity_names::kFake) != nullptr);
        CHECK(run.metrics.step(run.metrics.size() - 1) == 400);
    }
    // Paused again: nothing more trains.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(trainer.latest()->runs[0].step == 400);
    trainer.stop();
}

TEST_CASE("a long fast-forward shows its progress, and Stop (or Pause) ends it where it is") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1)}, 50);
    Trainer trainer(scene);
    trainer.start(false);
    trainer.post(fastForward(50000000));
    const auto running = waitFor(trainer, [](const Snapshot& s) { return s.fast_forward_done > 0; }, 60);
    CHECK(running->fast_forward_total == 50000000);
    CHECK(running->fast_forward_done > 0);
    CHECK(running->fast_forward_done == running->runs[0].step);
    trainer.post(fastForward(0));  // Stop
    const auto stopped = waitFor(trainer, [](const Snapshot& s) { return s.fast_forward_total == 0; }, 60);
    REQUIRE(stopped->fast_forward_total == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const int64_t at = trainer.latest()->runs[0].step;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(trainer.latest()->runs[0].step == at);
    CHECK(at < 50000000);

    trainer.post(fastForward(50000000));
    waitFor(trainer, [](const Snapshot& s) { return s.fast_forward_total > 0; }, 60);
    Command pause;
    pause.kind = Command::Kind::Pause;
    trainer.post(pause);
    CHECK(waitFor(trainer, [](const Snapshot& s) { return s.fast_forward_total == 0; }, 60)->fast_forward_total == 0);
    trainer.stop();
}

TEST_CASE("a negative fast-forward is refused with the reason") {
    Trainer trainer(makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1)}, 50));
    CHECK_THROWS_WITH_AS(trainer.apply(fastForward(-3)), doctest::Contains(">= 0"), UserError);
}
