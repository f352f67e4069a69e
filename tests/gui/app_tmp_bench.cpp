#include <doctest/doctest.h>
#include <chrono>
#include "core/scene_parser.h"
#include "train/trainer.h"
using namespace ganarium;
TEST_CASE("zz bench snapshot cost") {
    for (int ds : {32, 64}) {
    TrainerOptions o; o.field_resolution = ds;
    Trainer t(loadSceneFile(GANARIUM_SCENE_DIR "/ring8.toml"), o);
    t.advance(5);
    auto t0 = std::chrono::steady_clock::now();
    t.advance(20);
    double adv = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 20;
    t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) t.snapshot();
    double snap = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 5;
    MESSAGE("display_samples " << ds << ": advance(1) " << adv << " ms, snapshot() " << snap << " ms");
    CHECK(snap > 0);
    }
}
