// trainer_stop_test.cpp — Trainer::advance's stop flag: a flag raised from
// another thread ends a huge advance between two iterations (Ctrl-C in
// `train` and `record` must not wait for thousands of steps).
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "scene_fixtures.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

TEST_CASE("a stop flag set from another thread ends advance(huge) between iterations") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Hinge)}, 1000);
    scene.threads = 2;
    Trainer trainer(scene);
    std::atomic<bool> stop{false};
    const auto start = std::chrono::steady_clock::now();
    std::thread stopper([&stop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop.store(true);
    });
    trainer.advance(100000000, &stop);  // years without the flag
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    stopper.join();
    CHECK(seconds < 5.0);
    const auto snap = trainer.snapshot();
    for (const RunSnapshot& run : snap->runs) {
        CHECK(run.step > 0);          // it trained until the flag came
        CHECK(run.step < 100000000);  // and stopped long before the end
        CHECK(run.status == RunStatus::Running);
    }
}

TEST_CASE("a stop flag that is already set trains nothing; an unset one changes nothing") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating)}, 10);
    Trainer stopped(scene), free_running(scene), plain(scene);
    const std::atomic<bool> set{true}, unset{false};
    stopped.advance(50, &set);
    CHECK(stopped.iteration() == 0);
    free_running.advance(30, &unset);
    plain.advance(30);
    CHECK(free_running.iteration() == 30);
    const auto a = free_running.snapshot(), b = plain.snapshot();
    const std::vector<double> la = a->runs[0].metrics.columnCopy("loss_d");
    const std::vector<double> lb = b->runs[0].metrics.columnCopy("loss_d");
    REQUIRE(la.size() == 4);  // steps 0, 10, 20, 30
    REQUIRE(lb.size() == 4);
    for (size_t i = 1; i < la.size(); ++i) CHECK(la[i] == lb[i]);  // step 0 has no loss yet (NaN)
}
