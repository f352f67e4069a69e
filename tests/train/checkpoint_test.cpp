// checkpoint_test.cpp — checkpoints and rewind: a rewound run repeats the
// same steps (identical weights, samples and metric history), the timeline
// keeps its budget while staying evenly spread, rewinding without a
// checkpoint is refused with the reason, and the scene keys round-trip.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <algorithm>

#include "core/errors.h"
#include "core/scene_parser.h"
#include "scene_fixtures.h"
#include "snapshot_parts.h"
#include "train/checkpoint_timeline.h"
#include "train/gan_run.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

Command rewindTo(int64_t step, int run = -1) {
    Command command;
    command.kind = Command::Kind::Rewind;
    command.step = step;
    command.run = run;
    return command;
}

// Every metric of `a` equals `b`'s, evaluation by evaluation (NaN equals NaN).
void checkSameHistory(const MetricLogView& a, const MetricLogView& b) {
    REQUIRE(a.size() == b.size());
    CHECK(a.steps() == b.steps());
    CHECK(a.keys() == b.keys());
    for (const std::string& key : a.keys()) {
        CAPTURE(key);
        for (size_t i = 0; i < a.size(); ++i) {
            const double x = a.value(key, i), y = b.value(key, i);
            if (std::isnan(x) || std::isnan(y)) {
                CHECK(std::isnan(x) == std::isnan(y));
            } else {
                CHECK(x == y);
            }
        }
    }
}

}  // namespace

TEST_CASE("a toy GAN restored from a checkpoint repeats the same steps exactly") {
    for (const RunSpec& spec : {smallRun(Objective::NonSaturating), smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty),
                                smallRun(Objective::Hinge, Lipschitz::SpectralNorm)}) {
        CAPTURE(runLabel(spec));
        GanRun run(spec, 2, 7);
        const auto data = makeDistribution(ring());
        for (int i = 0; i < 15; ++i) run.iterate(*data);
        const auto checkpoint = run.checkpoint();
        CHECK(checkpoint->step == 15);
        CHECK(checkpoint->bytes > 0);
        for (int i = 0; i < 10; ++i) run.iterate(*data);
        const torch::Tensor g_first = run.generator()->flatParameters().clone();
        const torch::Tensor d_first = run.critic()->flatParameters().clone();
        CHECK(run.restore(*checkpoint).empty());
        CHECK(run.step() == 15);
        CHECK_FALSE(torch::equal(run.generator()->flatParameters(), g_first));
        for (int i = 0; i < 10; ++i) run.iterate(*data);
        CHECK(torch::equal(run.generator()->flatParameters(), g_first));
        CHECK(torch::equal(run.critic()->flatParameters(), d_first));
    }
}

TEST_CASE("rewinding a scene restores identical weights and metric history, then continues identically") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty)}, 10);
    scene.checkpoint_every = 20;
    Trainer trainer(scene);
    trainer.advance(60);
    const auto first = trainer.snapshot();
    REQUIRE(first->runs.size() == 2);
    CHECK(first->runs[0].checkpoints == std::vector<int64_t>{0, 20, 40, 60});

    trainer.apply(rewindTo(45));  // the latest checkpoint at or before 45 is 40
    const auto rewound = trainer.snapshot();
    for (const auto& run : rewound->runs) {
        CHECK(run.step == 40);
        CHECK(run.metrics.size() == 5);  // steps 0, 10, 20, 30, 40
        CHECK(run.metrics.step(4) == 40);
        CHECK(run.checkpoints == std::vector<int64_t>{0, 20, 40});
    }
    // The snapshot published before the rewind keeps its full history.
    CHECK(first->runs[0].metrics.size() == 7);

    trainer.advance(20);
    const auto again = trainer.snapshot();
    for (size_t r = 0; r < 2; ++r) {
        CAPTURE(r);
        CHECK(again->runs[r].step == 60);
        checkSameHistory(again->runs[r].metrics, first->runs[r].metrics);
        CHECK(part<PointSet>(again->runs[r], quantity_names::kFake).coords ==
              part<PointSet>(first->runs[r], quantity_names::kFake).coords);
    }
}

TEST_CASE("a Dirac-GAN rewinds to its point and trajectory") {
    RunSpec dirac;
    dirac.options = DiracGanSpec{};
    dirac.name = "Dirac";
    SceneSpec scene = makeScene(ring(), {dirac}, 10);
    scene.checkpoint_every = 50;
    Trainer trainer(scene);
    trainer.advance(100);
    const auto first = trainer.snapshot();
    trainer.apply(rewindTo(50, 0));
    CHECK(trainer.snapshot()->runs[0].step == 50);
    trainer.advance(50);
    const auto again = trainer.snapshot();
    checkSameHistory(again->runs[0].metrics, first->runs[0].metrics);
}

TEST_CASE("rewinding without a checkpoint is refused with the reason; the run is unchanged") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1)}, 10);
    scene.checkpoint_every = 0;
    Trainer trainer(scene);
    trainer.advance(30);
    CHECK(trainer.snapshot()->runs[0].checkpoints.empty());
    CHECK_THROWS_WITH_AS(trainer.apply(rewindTo(10)), doctest::Contains("no checkpoint at or before step 10"), UserError);
    CHECK(trainer.snapshot()->runs[0].step == 30);
    CHECK(trainer.snapshot()->command_error.find("checkpoint_every = 0") != std::string::npos);
}

TEST_CASE("the timeline keeps its memory budget, the first and latest checkpoints, evenly spread") {
    const auto run = makeRun(smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1), 2, 5, 64);
    const auto data = makeDistribution(ring());
    const size_t one = run->checkpoint()->bytes;
    CheckpointTimeline timeline(1, 6 * one);
    timeline.take(*run);
    for (int i = 0; i < 100; ++i) {
        run->iterate(data.get());
        timeline.maybeTake(*run);
    }
    const std::vector<int64_t> steps = timeline.steps();
    REQUIRE(steps.size() == 6);
    CHECK(timeline.bytes() <= 6 * one);
    CHECK(steps.front() == 0);
    CHECK(steps.back() == 100);
    int64_t widest = 0, narrowest = 1000;
    for (size_t i = 1; i < steps.size(); ++i) {
        widest = std::max(widest, steps[i] - steps[i - 1]);
        narrowest = std::min(narrowest, steps[i] - steps[i - 1]);
    }
    CHECK(widest <= 3 * narrowest);
    CHECK(timeline.atOrBefore(steps[2] + 1)->step == steps[2]);
    timeline.dropAfter(steps[2]);
    CHECK(timeline.steps().back() == steps[2]);
}

TEST_CASE("checkpoint keys parse, round-trip and refuse bad values with file, line and key") {
    const std::string text = "[scene]\ncheckpoint_every = 100\ncheckpoint_memory_mb = 16\n[data]\nfamily = \"ring\"\n[[run]]\n";
    const SceneSpec scene = parseSceneText(text, "cp.toml");
    CHECK(scene.checkpoint_every == 100);
    CHECK(scene.checkpoint_memory_mb == 16);
    CHECK(parseSceneText(sceneToToml(scene), "again.toml") == scene);
    CHECK_THROWS_WITH_AS(parseSceneText("[scene]\ncheckpoint_every = -5\n[data]\nfamily = \"ring\"\n[[run]]\n", "bad.toml"),
                         doctest::Contains("bad.toml:2"), UserError);
    CHECK_THROWS_WITH_AS(parseSceneText("[scene]\ncheckpoint_evry = 5\n[data]\nfamily = \"ring\"\n[[run]]\n", "typo.toml"),
                         doctest::Contains("checkpoint_every"), UserError);
}
