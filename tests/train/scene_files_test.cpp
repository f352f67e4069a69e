// scene_files_test.cpp — the shipped scenes train: every scene file (and the
// embedded default) builds a Trainer, steps and snapshots; and the
// disjoint-1d lesson reads JS = log 2 with W1 = the distance at step 0.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <numeric>

#include "snapshot_parts.h"
#include "core/scene_parser.h"
#include "train/trainer.h"

using namespace ganarium;

TEST_CASE("every shipped scene trains a few steps and snapshots") {
    std::vector<SceneSpec> scenes = {defaultScene()};
    for (const auto& entry : std::filesystem::directory_iterator(GANARIUM_SCENE_DIR)) {
        if (entry.path().extension() == ".toml") scenes.push_back(loadSceneFile(entry.path().string()));
    }
    CHECK(scenes.size() >= 2);
    for (SceneSpec scene : scenes) {
        CAPTURE(scene.source_path);
        for (auto& spec : scene.runs) {
            // Shrink the networks: this test is about wiring, not learning.
            if (ImageGanSpec* image = imageOf(spec)) {
                image->width = 4;
                image->batch = 8;
                image->subset = 500;
            }
            ToyGanSpec* run = toyOf(spec);
            if (!run) continue;
            run->g_net.hidden = {16};
            run->d_net.hidden = {16};
            run->batch = 32;
        }
        TrainerOptions options;
        options.display_samples = 64;
        options.threads = 1;
        Trainer trainer(scene, options);
        trainer.advance(3);
        const auto snap = trainer.snapshot();
        REQUIRE(snap->runs.size() == scene.runs.size());
        for (const auto& run : snap->runs) {
            CHECK(run.step == 3);
            CHECK(run.status == RunStatus::Running);
            // Every run publishes what its view draws: a toy GAN its D field, a Dirac-GAN its phase plane.
            if (run.kind == "dirac") CHECK(findQuantity<VectorField>(run.parts, quantity_names::kPhaseField));
            else if (run.kind == "image_gan") CHECK(findQuantity<ImageGrid>(run.parts, quantity_names::kImageSamples));
            else if (run.kind == "cyclegan") CHECK(findQuantity<PointPaths>(run.parts, quantity_names::kCyclePathsX));
            else CHECK_FALSE(test::part<FieldGrid>(run, quantity_names::kDiscriminator).empty());
            CHECK(run.metrics.step(0) == 0);
        }
    }
}

TEST_CASE("disjoint-1d at step 0: JS = log 2 while W1 = the distance") {
    const SceneSpec scene = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/disjoint-1d.toml");
    TrainerOptions options;
    options.threads = 1;
    Trainer trainer(scene, options);
    const auto snap = trainer.snapshot();
    for (const auto& run : snap->runs) {
        const std::vector<float>& fake = test::coordsOf(run, quantity_names::kFake);
        const double fake_mean = std::accumulate(fake.begin(), fake.end(), 0.0) / fake.size();
        CAPTURE(run.name);
        CHECK(run.metrics.latest().at("js") == doctest::Approx(std::log(2.0)).epsilon(0.01 / std::log(2.0)));
        CHECK(run.metrics.latest().at("w1") == doctest::Approx(3.0 - fake_mean).epsilon(0.03));
        CHECK(run.metrics.latest().at("w1") > 2.0);
    }
}
