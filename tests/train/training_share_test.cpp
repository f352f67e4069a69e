// training_share_test.cpp — Trainer::setTrainingShare: with a small share the
// threaded trainer rests between chunks and trains far fewer steps in the same
// wall time; share 1 trains flat out.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "scene_fixtures.h"
#include "train/trainer.h"

using namespace ganarium;

namespace {
// Iterations the threaded trainer does on a small 1D scene in `seconds` at training share `share`.
int64_t iterationsAtShare(double share, double seconds) {
    Trainer trainer(test::makeScene(test::gaussian1D(2.0, 0.5), {test::smallRun(Objective::NonSaturating)}));
    trainer.setTrainingShare(share);
    Command flat_out;
    flat_out.kind = Command::Kind::SetSpeed;
    flat_out.count = 0;  // as fast as it can (the window's default)
    trainer.post(flat_out);
    trainer.start(true);
    std::this_thread::sleep_for(std::chrono::duration<double>(0.3));  // warm-up (first snapshot, pool)
    const int64_t before = trainer.iteration();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const int64_t done = trainer.iteration() - before;
    trainer.stop();
    return done;
}
}  // namespace

TEST_CASE("a training share of 5% makes the threaded trainer rest: far fewer steps than flat out") {
    const int64_t flat_out = iterationsAtShare(1.0, 1.0);
    const int64_t rested = iterationsAtShare(0.05, 1.0);
    MESSAGE("steps in 1 s: share 1 -> " << flat_out << ", share 0.05 -> " << rested);
    CHECK(flat_out > 20);
    CHECK(rested > 0);                 // it still trains
    CHECK(rested * 4 < flat_out);      // ideal 1/20 (1/16 with the longest rest of 0.25 s); generous for a busy machine
}

TEST_CASE("the snapshot says when the share cost training time: flat out it does, paced cheap steps it does not") {
    // Whether the latest snapshot after `seconds` of training at share 0.05 and speed `speed` reports a rest that cost time.
    const auto rested = [](const SceneSpec& scene, int speed) {
        Trainer trainer(scene);
        trainer.setTrainingShare(0.05);
        Command pace;
        pace.kind = Command::Kind::SetSpeed;
        pace.count = speed;  // 0: flat out; k: k steps per ~1/30 s frame
        trainer.post(pace);
        trainer.start(true);
        std::this_thread::sleep_for(std::chrono::duration<double>(0.8));
        const bool flag = trainer.latest()->training_rested;
        trainer.stop();
        return flag;
    };
    CHECK(rested(test::makeScene(test::gaussian1D(2.0, 0.5), {test::smallRun(Objective::NonSaturating)}), 0));
    RunSpec dirac;
    dirac.options = DiracGanSpec{};
    dirac.name = "Dirac";
    SceneSpec paced = test::makeScene(test::gaussian1D(2.0, 0.5), {dirac});
    CHECK_FALSE(rested(paced, 1));  // one Dirac step per frame takes microseconds: the frame's wait covers any rest
}
