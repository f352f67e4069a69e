// image_evaluator_test.cpp — the image runs' classifier metrics service: it
// trains (or loads) the classifier on a background thread, reports progress,
// answers nothing before it is ready, judges images against the reference of
// the run's own classes, and a destroyed evaluator abandons its training.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "temp_folder.h"
#include "tiny_image_run.h"
#include "train/fashion_mnist_tensors.h"
#include "core/image_dataset.h"
#include "core/quantity.h"
#include "train/image_evaluator.h"
#include "train/image_gan_run.h"
#include "train/metric_evaluator.h"
#include "train/snapshot_builder.h"

using namespace ganarium;
using ganarium::test::TempFolder;
using ganarium::test::tinyImages;
using ganarium::test::tinyImageSpec;
namespace fs = std::filesystem;

namespace {

// A quick classifier (a few thousand images, one epoch) in `dir`.
ClassifierCacheOptions quickClassifier(const fs::path& dir, int64_t images) {
    ClassifierCacheOptions options;
    options.cache_dir = dir.string();
    options.epochs = 1;
    options.train_images = images;
    return options;
}

// The first `n` test images of class `label`.
torch::Tensor testImagesOfClass(int label, int64_t n) {
    const LabelledImages test = loadFashionMnistTensors(false);
    return test.images.index({test.labels == label}).slice(0, 0, n);
}

}  // namespace

TEST_CASE("the evaluator trains its classifier in the background, then judges images against the run's classes") {
    TempFolder cache("ganarium-evaluator");
    ImageEvaluator evaluator(quickClassifier(cache.path, 6000));
    CHECK(evaluator.status().wanted);
    int calls = 0;
    double last_fraction = -1;
    evaluator.wait([&](const ClassifierStatus& status) {
        ++calls;
        last_fraction = status.fraction;
    });
    const ClassifierStatus done = evaluator.status();
    INFO(done.message);
    REQUIRE(done.ready);
    CHECK_FALSE(done.failed);
    CHECK(calls >= 1);
    CHECK(last_fraction == doctest::Approx(1.0));

    const torch::Tensor trousers = testImagesOfClass(1, 200);
    const auto against_all = evaluator.evaluate(trousers, {});
    const auto against_trousers = evaluator.evaluate(trousers, {1});
    REQUIRE(against_all.has_value());
    REQUIRE(against_trousers.has_value());
    MESSAGE("trousers vs all ten classes: score " << against_all->classifier_score << ", covered "
                                                  << against_all->classes_covered << ", class_rkl "
                                                  << against_all->class_rkl << "; vs trousers only: class_rkl "
                                                  << against_trousers->class_rkl);
    CHECK(against_all->classifier_score < 2.0);  // one class: about 1
    CHECK(against_all->classes_covered <= 2);
    CHECK(against_all->class_rkl > 1.5);         // log(10) = 2.3 for one class of ten
    CHECK(against_trousers->class_rkl < 0.3);    // the run trains on trousers: that is the data's mix
    CHECK(against_trousers->classes_covered == 1);

    // An image run on trousers and sneakers, judged by it: the metrics join its log, and its snapshot carries
    // the class bars (generated shares and the data's mix, in percent).
    ImageGanRun run(tinyImageSpec(), 5, tinyImages());
    CHECK(findQuantity<Histogram>(run.snapshot(SnapshotContext{}, true).parts, quantity_names::kClassesGenerated) ==
          nullptr);  // not judged yet
    MetricContext context;
    context.images = &evaluator;
    run.evaluate(context);
    const RunSnapshot judged = run.snapshot(SnapshotContext{}, true);
    REQUIRE(judged.metrics.size() == 1);
    CHECK(judged.metrics.value("classifier_score", 0) >= 1.0);
    CHECK(judged.metrics.value("fcd", 0) > 0.0);
    const Histogram* generated = findQuantity<Histogram>(judged.parts, quantity_names::kClassesGenerated);
    const Histogram* data = findQuantity<Histogram>(judged.parts, quantity_names::kClassesData);
    REQUIRE(generated != nullptr);
    REQUIRE(data != nullptr);
    float generated_total = 0;
    for (float v : generated->counts) generated_total += v;
    CHECK(generated_total == doctest::Approx(100.0f).epsilon(0.01));
    CHECK(data->counts[1] + data->counts[7] == doctest::Approx(100.0f).epsilon(0.01));  // only its two classes
    CHECK(data->counts[0] == 0.0f);
}

TEST_CASE("an evaluator destroyed while its classifier trains stops the training and keeps nothing") {
    TempFolder cache("ganarium-evaluator-stop");
    const auto start = std::chrono::steady_clock::now();
    {
        ImageEvaluator evaluator(quickClassifier(cache.path, 60000));  // a full epoch: tens of seconds
        CHECK_FALSE(evaluator.evaluate(testImagesOfClass(0, 8), {}).has_value());  // not ready: no metrics
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("destroyed after " << seconds << " s");
    CHECK(seconds < 20.0);
    CHECK((!fs::exists(cache.path) || fs::is_empty(cache.path)));  // no half-trained classifier cached
}
