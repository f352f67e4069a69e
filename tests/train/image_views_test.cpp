// image_views_test.cpp — the image run's extra views in the train layer: the
// progress strip captures at the chosen steps (and a rewind drops the later
// ones), the interpolation row's ends are G(z_A) and G(z_B), the nearest
// training image of a training image is itself at distance 0, and the
// neighbour strip's distance is the brute-force minimum.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>

#include "core/command.h"
#include "core/quantity.h"
#include "core/scene_parser.h"
#include "core/tile_pick.h"
#include "tiny_image_run.h"
#include "temp_folder.h"
#include "train/checkpoint_files.h"
#include "train/image_gan_run.h"
#include "train/image_view_tensors.h"
#include "train/snapshot_builder.h"
#include "train/trainer.h"

using namespace ganarium;
using ganarium::test::tinyImages;
using ganarium::test::tinyImageSpec;

namespace {

// A tiny image run on the test split's first 300 trousers and sneakers.
RunSpec tinyRun(bool batch_norm = true) {
    RunSpec spec = tinyImageSpec();
    std::get<ImageGanSpec>(spec.options).batch_norm = batch_norm;
    return spec;
}

// Tile `tile` of `grid`.
std::vector<float> tileOf(const ImageGrid& grid, int tile) {
    const size_t n = static_cast<size_t>(grid.side * grid.side);
    return std::vector<float>(grid.pixels.begin() + static_cast<std::ptrdiff_t>(tile * n),
                              grid.pixels.begin() + static_cast<std::ptrdiff_t>((tile + 1) * n));
}

// Largest absolute difference of two equally long vectors.
double maxDifference(const std::vector<float>& a, const std::vector<float>& b) {
    REQUIRE(a.size() == b.size());
    double out = 0;
    for (size_t i = 0; i < a.size(); ++i) out = std::max(out, static_cast<double>(std::fabs(a[i] - b[i])));
    return out;
}

const ImageStrip* stripOf(const RunSnapshot& snapshot, const char* name) { return findQuantity<ImageStrip>(snapshot.parts, name); }

// The capture steps shown by a progress strip (its last column is "now").
std::vector<double> stripSteps(ImageGanRun& run) {
    const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, true);
    const ImageStrip* strip = stripOf(snapshot, quantity_names::kImageProgress);
    REQUIRE(strip != nullptr);
    CHECK(strip->images.cols == static_cast<int>(strip->column_values.size()));
    return strip->column_values;
}

}  // namespace

TEST_CASE("the progress strip captures 100, then 1, 2 and 5 x 10^k from 1000, or a scene's own steps") {
    for (int64_t step : {100, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000}) CHECK(isProgressStep({}, step));
    for (int64_t step : {1, 99, 101, 500, 1500, 3000, 4000, 10001, 25000}) CHECK_FALSE(isProgressStep({}, step));
    CHECK(isProgressStep({3, 7}, 7));
    CHECK_FALSE(isProgressStep({3, 7}, 100));
}

TEST_CASE("the progress strip holds the fixed z's pictures at the chosen steps, then now; a rewind drops later captures") {
    RunSpec spec = tinyRun();
    std::get<ImageGanSpec>(spec.options).progress_steps = {2, 4};
    ImageGanRun run(spec, 11, tinyImages());
    run.iterate(nullptr);
    run.iterate(nullptr);
    // At step 2 the capture is "now": the strip's last column equals the grid's diagonal tiles.
    const RunSnapshot at2 = run.snapshot(SnapshotContext{}, true);
    const ImageStrip* strip2 = stripOf(at2, quantity_names::kImageProgress);
    REQUIRE(strip2 != nullptr);
    CHECK(strip2->images.rows == static_cast<int>(kProgressTiles.size()));
    CHECK(strip2->column_values == std::vector<double>{2});
    const ImageGrid* grid2 = findQuantity<ImageGrid>(at2.parts, quantity_names::kImageSamples);
    REQUIRE(grid2 != nullptr);
    const std::vector<float> step2_tile9 = tileOf(*grid2, 9);
    CHECK(maxDifference(tileOf(strip2->images, 1), step2_tile9) == 0.0);  // row 1 = tile 9, one column

    run.iterate(nullptr);
    const auto checkpoint = run.checkpoint();  // step 3
    run.iterate(nullptr);
    run.iterate(nullptr);
    const RunSnapshot at5 = run.snapshot(SnapshotContext{}, true);
    const ImageStrip* strip5 = stripOf(at5, quantity_names::kImageProgress);
    REQUIRE(strip5 != nullptr);
    CHECK(strip5->column_values == std::vector<double>{2, 4, 5});
    // Column 0 still shows step 2's pictures; G has moved since, so "now" differs.
    CHECK(maxDifference(tileOf(strip5->images, 1 * 3 + 0), step2_tile9) == 0.0);
    CHECK(maxDifference(tileOf(strip5->images, 1 * 3 + 2), step2_tile9) > 1e-4);

    REQUIRE(run.restore(*checkpoint) == "");
    CHECK(stripSteps(run) == std::vector<double>{2, 3});
    run.iterate(nullptr);
    run.iterate(nullptr);
    CHECK(stripSteps(run) == std::vector<double>{2, 4, 5});
}

TEST_CASE("the interpolation row runs from G(z_A) to G(z_B) and follows the picked tiles") {
    for (bool batch_norm : {false, true}) {
        CAPTURE(batch_norm);
        RunSpec spec = tinyRun(batch_norm);
        std::get<ImageGanSpec>(spec.options).interpolate = {3, 17};
        ImageGanRun run(spec, 7, tinyImages());
        for (int i = 0; i < 3; ++i) run.iterate(nullptr);
        const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, true);
        const ImageStrip* row = stripOf(snapshot, quantity_names::kImageInterpolation);
        const ImageGrid* grid = findQuantity<ImageGrid>(snapshot.parts, quantity_names::kImageSamples);
        REQUIRE(row != nullptr);
        REQUIRE(grid != nullptr);
        CHECK(row->tiles == std::vector<int>{3, 17});
        CHECK(row->images.rows == 1);
        CHECK(row->images.cols == kInterpolationColumns);
        CHECK(row->column_values.front() == 0.0);
        CHECK(row->column_values.back() == 1.0);
        // Without batch norm G maps each z alone: the ends are exactly the grid's tiles. With it, the row is
        // one batch with the grid's z, whose statistics differ slightly from the grid's own batch.
        const double tolerance = batch_norm ? 0.02 : 1e-6;
        const double to_a = maxDifference(tileOf(row->images, 0), tileOf(*grid, 3));
        const double to_b = maxDifference(tileOf(row->images, kInterpolationColumns - 1), tileOf(*grid, 17));
        const double a_to_b = maxDifference(tileOf(*grid, 3), tileOf(*grid, 17));
        MESSAGE("ends vs their tiles: " << to_a << ", " << to_b << "; tile A vs tile B: " << a_to_b);
        CHECK(to_a < tolerance);
        CHECK(to_b < tolerance);
        CHECK(a_to_b > 10 * std::max(to_a, to_b));  // the ends match their own tiles, not merely any tile
        CHECK(a_to_b > 0);
    }
}

TEST_CASE("slerp keeps the ends exactly and the norm between them") {
    torch::manual_seed(3);
    const torch::Tensor a = torch::randn({16}), b = torch::randn({16});
    const torch::Tensor row = slerpRow(a, b, 10);
    CHECK(row.size(0) == 10);
    CHECK(torch::equal(row[0], a));
    CHECK(torch::equal(row[9], b));
    const double lo = std::min(a.norm().item<double>(), b.norm().item<double>());
    CHECK(row[5].norm().item<double>() > 0.95 * lo);  // a straight line would dip towards 0 between them
}

TEST_CASE("a training image's nearest training image is itself, at distance 0; noise moves it away") {
    const auto images = tinyImages();
    const torch::Tensor all = torch::from_blob(const_cast<uint8_t*>(images->pixels.data()), {images->count, 1, 28, 28}, torch::kUInt8);
    const torch::Tensor norms = squaredNormsOf(all);
    for (int64_t k : {0, 123, 299}) {
        const torch::Tensor query = all[k].reshape({1, -1}).to(torch::kFloat32).div(255.0);
        const NearestImage found = nearestImages(query, all, norms).front();
        CHECK(found.distance == doctest::Approx(0.0).epsilon(1e-9));
        CHECK(torch::equal(all[found.index], all[k]));
    }
    torch::manual_seed(1);
    const torch::Tensor noisy = (all[5].reshape({1, -1}).to(torch::kFloat32).div(255.0) + 0.1 * torch::randn({1, 784}));
    const NearestImage found = nearestImages(noisy, all, norms).front();
    const double brute = (all.reshape({images->count, -1}).to(torch::kFloat32).div(255.0) - noisy).norm(2, 1).min().item<double>();
    CHECK(found.distance == doctest::Approx(brute).epsilon(1e-4));
    CHECK(found.distance > 1.0);
}

TEST_CASE("the neighbour strip shows tile A, its nearest training image at the brute-force distance, and a test image") {
    RunSpec spec = tinyRun();
    std::get<ImageGanSpec>(spec.options).interpolate = {5};
    const auto images = tinyImages();
    ImageGanRun run(spec, 3, images);
    run.iterate(nullptr);
    const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, true);
    const ImageStrip* strip = stripOf(snapshot, quantity_names::kImageNeighbour);
    const ImageGrid* grid = findQuantity<ImageGrid>(snapshot.parts, quantity_names::kImageSamples);
    REQUIRE(strip != nullptr);
    REQUIRE(grid != nullptr);
    CHECK(strip->tiles == std::vector<int>{5});
    REQUIRE(strip->images.cols == 4);
    CHECK(maxDifference(tileOf(strip->images, 0), tileOf(*grid, 5)) == 0.0);
    const std::vector<float> a = tileOf(*grid, 5);
    const torch::Tensor query = torch::from_blob(const_cast<float*>(a.data()), {1, 784}, torch::kFloat32);
    const torch::Tensor all = torch::from_blob(const_cast<uint8_t*>(images->pixels.data()), {images->count, 784}, torch::kUInt8);
    const double brute = (all.to(torch::kFloat32).div(255.0) - query).norm(2, 1).min().item<double>();
    REQUIRE(strip->column_values.size() == 4);
    CHECK(std::isnan(strip->column_values[0]));
    CHECK(strip->column_values[1] == doctest::Approx(brute).epsilon(1e-4));
    // The run trains on the test split here, so a "typical test image" is one of its training images.
    CHECK(strip->column_values[3] == doctest::Approx(0.0));
    // A only: no interpolation row yet, but the view knows A.
    const ImageStrip* row = stripOf(snapshot, quantity_names::kImageInterpolation);
    REQUIRE(row != nullptr);
    CHECK(row->tiles == std::vector<int>{5});
    CHECK(row->images.cols == 0);
}

TEST_CASE("the nearest-neighbour search over the full training set: time per picked sample (memorisation check)") {
    const ImageDataset train = loadImageDataset({}, 0, /*train=*/true);
    const torch::Tensor all = torch::from_blob(const_cast<uint8_t*>(train.pixels.data()), {train.count, 1, 28, 28}, torch::kUInt8);
    auto t0 = std::chrono::steady_clock::now();
    const torch::Tensor norms = squaredNormsOf(all);
    auto t1 = std::chrono::steady_clock::now();
    const torch::Tensor query = all[42].reshape({1, -1}).to(torch::kFloat32).div(255.0);
    const NearestImage found = nearestImages(query, all, norms).front();
    auto t2 = std::chrono::steady_clock::now();
    const torch::Tensor queries = all.slice(0, 100, 164).reshape({64, -1}).to(torch::kFloat32).div(255.0);
    nearestImages(queries, all, norms);
    auto t3 = std::chrono::steady_clock::now();
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    MESSAGE("60000 training images: norms " << ms(t0, t1) << " ms (once), one query " << ms(t1, t2) << " ms, 64 queries "
                                            << ms(t2, t3) << " ms (once per dataset)");
    CHECK(found.distance == doctest::Approx(0.0));
}

TEST_CASE("the views' cost in a full snapshot of the default image model (measured, printed)") {
    RunSpec spec;
    spec.options.emplace<ImageGanSpec>();  // width 32, latent 64, all ten classes, 60000 images
    ImageGanRun run(spec, 1);
    run.iterate(nullptr);
    auto timeSnapshots = [&](int n) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i) run.snapshot(SnapshotContext{}, true);
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / n;
    };
    const double plain = timeSnapshots(5);
    RunSpec picked = spec;
    std::get<ImageGanSpec>(picked.options).interpolate = {3, 17};
    run.applySpec(picked);
    const auto t0 = std::chrono::steady_clock::now();
    run.snapshot(SnapshotContext{}, true);  // the first: training-set norms and the typical test image, once
    const double first = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const double with_pick = timeSnapshots(5);  // same step: the neighbour is cached, the row is regenerated
    run.iterate(nullptr);
    for (int i = 0; i < 20; ++i) run.iterate(nullptr);  // past kNeighbourEverySteps: the next search is due
    const auto t1 = std::chrono::steady_clock::now();
    const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, true);
    const double searching = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
    MESSAGE("full snapshot: " << plain << " ms without a pick, " << with_pick << " ms with A and B (row), " << searching
                              << " ms when the neighbour search is due, first pick " << first << " ms");
    CHECK(findQuantity<ImageStrip>(snapshot.parts, quantity_names::kImageNeighbour) != nullptr);
}

TEST_CASE("clicks reach the trainer as PickTile: A, then B, in every image run; the scene keeps the pick") {
    const SceneSpec scene = parseSceneText(R"(
[scene]
title = "picks"
[defaults]
kind = "image_gan"
width = 4
latent_dim = 8
batch = 8
classes = [1, 7]
subset = 200
[[run]]
name = "one"
[[run]]
name = "two"
objective = "hinge"
)", "picks.toml", ".");
    Trainer trainer(scene);
    Command pick;
    pick.kind = Command::Kind::PickTile;
    pick.run = -1;
    pick.count = 3;
    trainer.apply(pick);
    pick.count = 17;
    trainer.apply(pick);
    const SnapshotPtr snap = trainer.snapshot();
    REQUIRE(snap->runs.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CAPTURE(i);
        const ImageStrip* row = findQuantity<ImageStrip>(snap->runs[i].parts, quantity_names::kImageInterpolation);
        REQUIRE(row != nullptr);
        CHECK(row->tiles == std::vector<int>{3, 17});
        CHECK(row->images.cols == kInterpolationColumns);
        CHECK(imageOf(snap->scene->runs[i])->interpolate == std::vector<int>{3, 17});
    }
    pick.count = -1;  // a right click clears the pick
    trainer.apply(pick);
    const SnapshotPtr cleared = trainer.snapshot();
    CHECK(findQuantity<ImageStrip>(cleared->runs[0].parts, quantity_names::kImageInterpolation) == nullptr);
    CHECK(findQuantity<ImageStrip>(cleared->runs[0].parts, quantity_names::kImageProgress) != nullptr);
}

TEST_CASE("the neighbour search repeats every kNeighbourEverySteps steps or when the pick changes, not every snapshot") {
    RunSpec spec = tinyRun();
    std::get<ImageGanSpec>(spec.options).interpolate = {5};
    ImageGanRun run(spec, 3, tinyImages());
    run.iterate(nullptr);
    auto neighbourTile = [&]() {
        const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, true);
        const ImageStrip* strip = stripOf(snapshot, quantity_names::kImageNeighbour);
        REQUIRE(strip != nullptr);
        return tileOf(strip->images, 0);
    };
    const std::vector<float> first = neighbourTile();
    for (int i = 0; i < 3; ++i) run.iterate(nullptr);
    CHECK(maxDifference(neighbourTile(), first) == 0.0);  // cached: G moved, the search waits
    for (int64_t i = 0; i < kNeighbourEverySteps; ++i) run.iterate(nullptr);
    CHECK(maxDifference(neighbourTile(), first) > 0.0);  // due again: the current sample A
    const std::vector<float> again = neighbourTile();
    RunSpec other = spec;
    std::get<ImageGanSpec>(other.options).interpolate = {6};
    run.applySpec(other);
    CHECK(maxDifference(neighbourTile(), again) > 0.0);  // a new pick is searched at once
}

TEST_CASE("a conditional run has the three views: z moves along the row, the class stays A's") {
    RunSpec spec = tinyRun(/*batch_norm=*/false);
    ImageGanSpec& image = std::get<ImageGanSpec>(spec.options);
    image.conditional = true;
    image.progress_steps = {2};
    image.interpolate = {3, 12};  // A: row 0 (trousers), column 3; B: row 1 (sneakers), column 4
    ImageGanRun run(spec, 5, tinyImages());
    for (int i = 0; i < 3; ++i) run.iterate(nullptr);
    const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, true);
    const ImageGrid* grid = findQuantity<ImageGrid>(snapshot.parts, quantity_names::kImageSamples);
    REQUIRE(grid != nullptr);
    CHECK(grid->rows == 2);
    CHECK(grid->cols == kImageGridSide);
    // The progress strip follows four tiles of the two rows, captured at step 2, then now.
    const ImageStrip* progress = stripOf(snapshot, quantity_names::kImageProgress);
    REQUIRE(progress != nullptr);
    CHECK(progress->tiles == std::vector<int>{0, 9, 2, 11});
    CHECK(progress->column_values == std::vector<double>{2, 3});
    CHECK(maxDifference(tileOf(progress->images, 1 * 2 + 1), tileOf(*grid, 9)) == 0.0);  // row 1 "now" = tile 9
    // Interpolation: the left end is tile A; the right end is B's z drawn as A's class, i.e. tile (row 0, column 4).
    const ImageStrip* row = stripOf(snapshot, quantity_names::kImageInterpolation);
    REQUIRE(row != nullptr);
    CHECK(row->tiles == std::vector<int>{3, 12});
    CHECK(maxDifference(tileOf(row->images, 0), tileOf(*grid, 3)) < 1e-6);
    CHECK(maxDifference(tileOf(row->images, kInterpolationColumns - 1), tileOf(*grid, 4)) < 1e-6);
    CHECK(maxDifference(tileOf(row->images, kInterpolationColumns - 1), tileOf(*grid, 12)) > 1e-4);
    // The neighbour strip shows tile A first.
    const ImageStrip* neighbour = stripOf(snapshot, quantity_names::kImageNeighbour);
    REQUIRE(neighbour != nullptr);
    CHECK(maxDifference(tileOf(neighbour->images, 0), tileOf(*grid, 3)) == 0.0);
}

TEST_CASE("the progress strip's captures travel in a checkpoint on disk: a run loaded from it shows them") {
    RunSpec spec = tinyRun();
    spec.name = "tiny";
    std::get<ImageGanSpec>(spec.options).progress_steps = {2, 4};
    ImageGanRun run(spec, 11, tinyImages());
    for (int i = 0; i < 5; ++i) run.iterate(nullptr);
    SceneSpec scene;
    scene.runs = {spec};
    ganarium::test::TempFolder dir("ganarium-strip-checkpoint");
    REQUIRE(writeCheckpointFolder(dir.path.string(), scene, 0, *run.checkpoint()));
    ImageGanRun fresh(spec, 11, tinyImages());
    CHECK(stripSteps(fresh) == std::vector<double>{0});  // nothing captured yet: "now" alone
    const std::string run_folder = findRunCheckpointFolder(dir.path.string(), 0);
    REQUIRE_FALSE(run_folder.empty());
    const auto saved = readCheckpointFolder(stepCheckpointFolder(run_folder, 5), fresh, 0);
    REQUIRE(saved != nullptr);
    REQUIRE(fresh.restore(*saved) == "");
    CHECK(stripSteps(fresh) == std::vector<double>{2, 4, 5});
    const RunSnapshot a = run.snapshot(SnapshotContext{}, true), b = fresh.snapshot(SnapshotContext{}, true);
    const ImageStrip* strip_a = stripOf(a, quantity_names::kImageProgress);
    const ImageStrip* strip_b = stripOf(b, quantity_names::kImageProgress);
    REQUIRE(strip_a != nullptr);
    REQUIRE(strip_b != nullptr);
    CHECK(maxDifference(strip_a->images.pixels, strip_b->images.pixels) == 0.0);
}
