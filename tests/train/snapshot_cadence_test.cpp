// snapshot_cadence_test.cpp — the slow parts of image snapshots (the real
// grid, D's score and weight histograms) are rebuilt on their own cadence:
// the pure rule (snapshot_cadence.h), an image run that reuses them in
// light snapshots while its sample grid stays live, rebuilding them after a
// rewind or an edit, and the training thread publishing many more frames
// than rebuilds of the slow parts.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <set>
#include <thread>

#include "core/quantity.h"
#include "core/scene_parser.h"
#include "tiny_image_run.h"
#include "train/image_gan_run.h"
#include "train/snapshot_builder.h"
#include "train/snapshot_cadence.h"
#include "train/trainer.h"

using namespace ganarium;

namespace {

// A snapshot context asking for the slow parts (heavy) or letting the run reuse them.
SnapshotContext contextWith(bool heavy) {
    SnapshotContext context;
    context.heavy = heavy;
    return context;
}

// The counts of D's score histogram on generated images in `snapshot`.
std::vector<float> fakeScores(const RunSnapshot& snapshot) {
    const Histogram* h = findQuantity<Histogram>(snapshot.parts, quantity_names::kScoresFake);
    REQUIRE(h != nullptr);
    return h->counts;
}

// The sample grid's pixels in `snapshot`.
std::vector<float> samplePixels(const RunSnapshot& snapshot) {
    const ImageGrid* grid = findQuantity<ImageGrid>(snapshot.parts, quantity_names::kImageSamples);
    REQUIRE(grid != nullptr);
    return grid->pixels;
}

}  // namespace

TEST_CASE("the slow snapshot parts are due when paused, else at most every 0.5 s and within their share of time") {
    CHECK(heavyPartsDue(false, 0.0, 1.0));           // paused or edited: the whole state at once
    CHECK_FALSE(heavyPartsDue(true, 0.1, 0.001));    // a cheap build still waits the shortest interval
    CHECK(heavyPartsDue(true, 0.5, 0.001));
    // A 0.1 s build may come every 0.1 / kHeavyShare = 1.25 s at the most.
    CHECK_FALSE(heavyPartsDue(true, 1.0, 0.1));
    CHECK(heavyPartsDue(true, 0.1 / kHeavyShare + 0.01, 0.1));
    CHECK(heavyPartsDue(true, 0.5, -1.0));            // no measurement yet: the shortest interval
}

TEST_CASE("an image run reuses its slow snapshot parts in light snapshots; the sample grid stays live") {
    ImageGanRun run(test::tinyImageSpec(), 5, test::tinyImages());
    const RunSnapshot first = run.snapshot(contextWith(true), true);
    CHECK(run.heavyBuilds() == 1);
    for (int i = 0; i < 3; ++i) run.iterate(nullptr);
    const RunSnapshot light = run.snapshot(contextWith(false), true);
    CHECK(run.heavyBuilds() == 1);
    CHECK(fakeScores(light) == fakeScores(first));        // reused, not rebuilt
    CHECK(samplePixels(light) != samplePixels(first));    // G moved: the grid shows it
    CHECK(findQuantity<ImageGrid>(light.parts, quantity_names::kImageReal) != nullptr);
    CHECK(findQuantity<Histogram>(light.parts, quantity_names::kWeights) != nullptr);

    const RunSnapshot heavy = run.snapshot(contextWith(true), true);
    CHECK(run.heavyBuilds() == 2);
    CHECK(fakeScores(heavy) != fakeScores(first));         // D and G moved in 3 steps

    // A header-only snapshot builds nothing.
    run.snapshot(contextWith(true), false);
    CHECK(run.heavyBuilds() == 2);
}

TEST_CASE("an image run rebuilds its slow snapshot parts after a rewind or an edit, even in a light snapshot") {
    ImageGanRun run(test::tinyImageSpec(), 5, test::tinyImages());
    const auto start = run.checkpoint();
    for (int i = 0; i < 2; ++i) run.iterate(nullptr);
    run.snapshot(contextWith(true), true);
    REQUIRE(run.heavyBuilds() == 1);
    REQUIRE(run.restore(*start) == "");
    run.snapshot(contextWith(false), true);
    CHECK(run.heavyBuilds() == 2);  // parts of step 2 never show at step 0

    RunSpec edited = test::tinyImageSpec();
    std::get<ImageGanSpec>(edited.options).objective = Objective::Hinge;
    run.applySpec(edited);
    run.snapshot(contextWith(false), true);
    CHECK(run.heavyBuilds() == 3);
}

TEST_CASE("the training thread publishes new sample grids far more often than new D-score histograms") {
    const SceneSpec scene = parseSceneText(R"(
[scene]
title = "cadence"
[[run]]
name = "tiny"
kind = "image_gan"
width = 4
latent_dim = 8
batch = 8
classes = [1, 7]
subset = 300
)", "cadence.toml", ".");
    Trainer trainer(scene);
    trainer.start(true);  // paced, one step a frame: about 30 snapshots a second
    std::set<int64_t> steps;
    std::set<std::vector<float>> histograms;
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    while (steps.size() < 16 && elapsed < 20) {
        const SnapshotPtr snapshot = trainer.latest();
        const RunSnapshot& run = snapshot->runs.at(0);
        if (findQuantity<Histogram>(run.parts, quantity_names::kScoresFake)) {
            steps.insert(run.step);
            histograms.insert(fakeScores(run));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    trainer.stop();
    CAPTURE(elapsed);
    REQUIRE(steps.size() >= 16);
    // Rebuilt at most every kHeavyShortestSeconds (plus the first and one in flight); every frame would give 16.
    CHECK(static_cast<double>(histograms.size()) <= 2.0 + elapsed / kHeavyShortestSeconds);
    CHECK(histograms.size() < steps.size());
}
