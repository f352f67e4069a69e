// bench_classifier.cpp — times the image metrics with the cached classifier.
#include "bench_classifier.h"

#include <torch/torch.h>

#include <iostream>

#include "bench_timing.h"
#include "train/classifier_cache.h"
#include "train/classifier_state.h"
#include "train/frechet_distance.h"
#include "train/image_metrics.h"

namespace ganarium::bench {

namespace {

constexpr double kTargetEvaluationMs = 100;  // per 1000 images (issue 9, "about 100 ms or less")
constexpr int64_t kImages = 1000;

// Median wall and CPU milliseconds of `repeats` runs of `work` after one untimed run.
Figure milliseconds(const std::function<void()>& work, int repeats) {
    work();
    std::vector<double> wall, cpu;
    for (int i = 0; i < repeats; ++i) {
        const Seconds s = timeOf(work);
        wall.push_back(1000 * s.wall);
        cpu.push_back(1000 * s.cpu);
    }
    return {median(wall), median(cpu)};
}

std::string ms(double value) { return format("%.1f ms", value); }

}  // namespace

void classifierCosts(const BenchOptions& o, BenchReport& report) {
    report.section("Image metrics with the Fashion-MNIST classifier (1000 images, 1 thread)");
    at::set_num_threads(1);
    torch::NoGradGuard no_grad;
    Seconds load;
    ClassifierHandle classifier;
    load = timeOf([&] {
        classifier = loadOrTrainClassifier({}, [](double fraction, const std::string& message) {
            if (message.rfind("training", 0) == 0 && static_cast<int>(fraction * 1000) % 100 == 0)
                std::cout << "  (training the classifier once: " << static_cast<int>(fraction * 100) << "%)\n";
        });
    });
    report.info(classifier.trainedNow() ? "classifier trained (first use)" : "classifier loaded from cache",
                format("%.2f s", load.wall), format("%.2f s", load.cpu));
    report.info("  its test accuracy", format("%.2f %%", 100 * classifier.testAccuracy()));

    ImageClassifier& model = classifier.state().model;
    const LabelledImages train = loadFashionMnistTensors(true), test = loadFashionMnistTensors(false);
    ImageMetricReference reference;
    const Seconds build = timeOf([&] { reference = buildImageMetricReference(model, train, test); });
    report.info("reference (10000 test features, 5000-image bank)", format("%.2f s", build.wall),
                format("%.2f s", build.cpu));

    const torch::Tensor images = train.images.slice(0, 30000, 30000 + kImages);
    const int repeats = std::max(3, o.repeats);
    const Figure whole = milliseconds([&] { model->features(images); }, repeats);
    report.info("  classifier features, one pass of 1000", ms(whole.wall), ms(whole.cpu));
    const Figure pass = milliseconds([&] { classifierFeatures(model, images); }, repeats);
    report.info("  classifier features, chunks of 128 (used)", ms(pass.wall), ms(pass.cpu));
    const torch::Tensor features = classifierFeatures(model, images);
    const Figure fcd = milliseconds([&] {
        const auto [mean, cov] = meanAndCovariance(features);
        frechetDistance(reference.feature_mean, reference.feature_cov, reference.feature_cov_sqrt, mean, cov);
    }, repeats);
    report.info("  Fréchet distance (128 features)", ms(fcd.wall), ms(fcd.cpu));
    const Figure nn = milliseconds([&] {
        meanNearestDistance(images.slice(0, 0, reference.nn_queries), reference.nn_bank, reference.nn_bank_sq_norms);
    }, repeats);
    report.info("  nearest neighbours (" + std::to_string(reference.nn_queries) + " x " +
                    std::to_string(reference.nn_bank.size(0)) + " images)",
                ms(nn.wall), ms(nn.cpu));
    const Figure all = milliseconds([&] { evaluateImageMetrics(model, reference, images); }, repeats);
    report.check("one evaluation, 1000 images", ms(all.wall), format("<= %.0f ms", kTargetEvaluationMs),
                 all.wall <= kTargetEvaluationMs, ms(all.cpu));
}

}  // namespace ganarium::bench
