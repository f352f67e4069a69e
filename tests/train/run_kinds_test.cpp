// run_kinds_test.cpp — runs of several kinds behind one Trainer: the
// Dirac-GAN scene reproduces the published end points, restarts from a
// clicked point, sits beside toy runs without slowing or changing them, and
// the toy runs publish D(G(z)) for the loss-shape view (on disjoint 1D data
// a trained minimax D pushes G's batch below 0.05).
#include <torch/torch.h>
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/scene_parser.h"
#include "train/trainer.h"

using namespace ganarium;

namespace {

double latest(const RunSnapshot& run, const char* key) {
    return run.metrics.last(key);
}

}  // namespace

TEST_CASE("dirac-gan.toml: 500 steps from (1, 1) end where the notebook's fields end") {
    const SceneSpec scene = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/dirac-gan.toml");
    REQUIRE(scene.runs.size() == 6);
    Trainer trainer(scene);
    trainer.advance(500);
    const SnapshotPtr snap = trainer.snapshot();
    REQUIRE(snap->runs.size() == 6);
    for (const RunSnapshot& run : snap->runs) {
        CAPTURE(run.name);
        CHECK(run.kind == "dirac");
        CHECK(run.step == 500);
        CHECK(run.metrics.step(run.metrics.size() - 1) == 500);
        const Trajectory* path = findQuantity<Trajectory>(run.parts, quantity_names::kTrajectory);
        REQUIRE(path);
        CHECK(path->xy.size() == 2 * 501);
        CHECK(findQuantity<VectorField>(run.parts, quantity_names::kPhaseField));
        CHECK(findQuantity<PointSet>(run.parts, quantity_names::kEquilibrium));
    }
    CHECK(latest(snap->runs[0], "distance") == doctest::Approx(3.10).epsilon(0.02));  // GAN simultaneous: out
    CHECK(latest(snap->runs[0], "distance") > std::sqrt(2.0));
    CHECK(latest(snap->runs[1], "distance") == doctest::Approx(1.42).epsilon(0.02));  // GAN alternating
    CHECK(latest(snap->runs[2], "distance") > 0.5);                                   // WGAN: neither
    CHECK(latest(snap->runs[2], "distance") < 2.0);
    CHECK(latest(snap->runs[4], "distance") < 0.01);  // R1
    CHECK(latest(snap->runs[5], "distance") < 0.01);  // consensus
    // The view box grew to hold the spiral of the simultaneous GAN.
    const VectorField* field = findQuantity<VectorField>(snap->runs[0].parts, quantity_names::kPhaseField);
    CHECK(field->box.x1 >= 3.1);
}

TEST_CASE("a click restarts the Dirac-GAN runs from the clicked point; NaN pauses only that run") {
    const SceneSpec scene = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/dirac-gan.toml");
    Trainer trainer(scene);
    trainer.advance(20);
    Command restart;
    restart.kind = Command::Kind::RestartFrom;
    restart.x = -0.5;
    restart.y = 1.5;
    trainer.apply(restart);
    SnapshotPtr snap = trainer.snapshot();
    for (const RunSnapshot& run : snap->runs) {
        CHECK(run.step == 0);
        CHECK(latest(run, "theta") == doctest::Approx(-0.5));
        CHECK(diracOf(trainer.scene().runs[0])->psi0 == doctest::Approx(1.5));
    }
    trainer.injectNaN(3);
    trainer.advance(5);
    snap = trainer.snapshot();
    CHECK(snap->runs[3].status == RunStatus::Diverged);
    CHECK(snap->runs[3].status_reason.find("NaN") != std::string::npos);
    CHECK(snap->runs[0].status == RunStatus::Running);
    CHECK(snap->runs[0].step == 5);
}

TEST_CASE("a Dirac-GAN run beside toy runs leaves them exactly as they train alone") {
    SceneSpec toy = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/disjoint-1d.toml");
    toy.runs.resize(1);
    SceneSpec mixed = toy;
    RunSpec dirac;
    dirac.options = DiracGanSpec{};
    dirac.name = "Dirac";
    mixed.runs.push_back(dirac);
    TrainerOptions options;
    options.threads = 1;
    Trainer alone(toy, options), beside(mixed, options);
    alone.advance(60);
    beside.advance(60);
    const SnapshotPtr a = alone.snapshot(), b = beside.snapshot();
    REQUIRE(b->runs.size() == 2);
    CHECK(b->runs[1].kind == "dirac");
    CHECK(b->runs[1].step == 60);
    const std::vector<double> alone_loss = a->runs[0].metrics.columnCopy("loss_d");
    const std::vector<double> beside_loss = b->runs[0].metrics.columnCopy("loss_d");
    REQUIRE(alone_loss.size() == beside_loss.size());
    REQUIRE(alone_loss.size() >= 2);
    for (size_t i = 0; i < alone_loss.size(); ++i) {
        // Step 0 has no loss yet (NaN on both sides); every later value is bit-identical.
        if (std::isnan(alone_loss[i])) CHECK(std::isnan(beside_loss[i]));
        else CHECK(alone_loss[i] == beside_loss[i]);
    }
}

TEST_CASE("loss shapes: toy JS-type runs publish D(G(z)); after D trains on disjoint data, minimax sits below 0.05") {
    SceneSpec scene = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/disjoint-1d.toml");
    TrainerOptions options;
    options.threads = 1;
    Trainer trainer(scene, options);
    trainer.advance(200);
    const SnapshotPtr snap = trainer.snapshot();
    bool saw_minimax = false;
    for (const RunSnapshot& run : snap->runs) {
        CAPTURE(run.name);
        const ScalarSamples* scores = findQuantity<ScalarSamples>(run.parts, quantity_names::kGeneratorScores);
        if (run.critic) {
            CHECK(scores == nullptr);  // a critic's score is no probability: no loss shapes
            continue;
        }
        REQUIRE(scores);
        REQUIRE_FALSE(scores->values.empty());
        for (float v : scores->values) REQUIRE((v >= 0.0f && v <= 1.0f));
        if (run.objective == "minimax") {
            saw_minimax = true;
            double mean = 0;
            for (float v : scores->values) mean += v;
            mean /= static_cast<double>(scores->values.size());
            CHECK(mean < 0.05);
        }
    }
    CHECK(saw_minimax);
}
