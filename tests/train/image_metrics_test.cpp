// image_metrics_test.cpp — the image metrics behave as the lecture says
// (with the quick classifier of classifier_fixture.h): real images score
// high and one class about 1, fcd of train vs test is small and grows with
// noise, nn_ratio flags copying, and the class-histogram rules on known
// histograms.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cmath>

#include "classifier_fixture.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

torch::Tensor realTestImages(const QuickClassifier& q) { return q.test.images.slice(0, 9000, 10000); }

torch::Tensor oneClass(const QuickClassifier& q, int label) {
    return q.test.images.index_select(0, q.test.labels.eq(label).nonzero().flatten());
}

}  // namespace

TEST_CASE("classifier_score: real test images score high, a single class about 1") {
    QuickClassifier& q = quickClassifier();
    const ImageMetricValues real = evaluateImageMetrics(q.model, q.reference, realTestImages(q));
    const ImageMetricValues trousers = evaluateImageMetrics(q.model, q.reference, oneClass(q, 1));
    MESSAGE("score real " << real.classifier_score << ", one class " << trousers.classifier_score);
    CHECK(real.classifier_score > 5.0);
    CHECK(real.classifier_score <= 10.0);
    CHECK(trousers.classifier_score < 1.3);
    CHECK(trousers.classifier_score >= 1.0);
    CHECK(real.classes_covered == 10);
    // The quick classifier calls ~5% of trousers dresses (above the 2.5% bar); the full one gives 1.
    CHECK(trousers.classes_covered >= 1);
    CHECK(trousers.classes_covered <= 2);
    CHECK(real.class_rkl < 0.05);
    CHECK(trousers.class_rkl > 2.0);  // log 10 = 2.30 for a perfectly pure class
    double total = 0;
    for (double share : real.class_histogram) total += share;
    CHECK(total == doctest::Approx(1.0));
    CHECK(trousers.class_histogram[1] > 0.9);
}

TEST_CASE("fcd: training images against the test set are close, and noise pushes them away") {
    QuickClassifier& q = quickClassifier();
    const torch::Tensor train = q.train.images.slice(0, 30000, 31000);
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(5);
    double previous = -1;
    for (double sigma : {0.0, 0.2, 0.5, 1.0}) {
        const torch::Tensor noisy = (train + sigma * torch::randn(train.sizes(), gen)).clamp(-1, 1);
        const double fcd = evaluateImageMetrics(q.model, q.reference, noisy).fcd;
        MESSAGE("fcd with noise " << sigma << ": " << fcd);
        CHECK(fcd > previous);
        if (sigma == 0.0) CHECK(fcd < 0.2 * evaluateImageMetrics(q.model, q.reference, oneClass(q, 1)).fcd);
        previous = fcd;
    }
}

TEST_CASE("nn_ratio: about 1 for unseen real images, about 0 for a generator that copies training images") {
    QuickClassifier& q = quickClassifier();
    const double real = evaluateImageMetrics(q.model, q.reference, realTestImages(q)).nn_ratio;
    const torch::Tensor copies = q.reference.nn_bank.slice(0, 0, 1000).reshape({-1, 1, 28, 28});
    const ImageMetricValues copied = evaluateImageMetrics(q.model, q.reference, copies);
    // Slightly perturbed copies are still far closer than real unseen images.
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(3);
    const double nudged =
        evaluateImageMetrics(q.model, q.reference, copies + 0.02 * torch::randn(copies.sizes(), gen)).nn_ratio;
    MESSAGE("nn_ratio real " << real << ", copied " << copied.nn_ratio << ", nudged copies " << nudged);
    CHECK(real > 0.85);
    CHECK(real < 1.15);
    CHECK(copied.nn_ratio < 0.01);
    CHECK(nudged < 0.2);
    CHECK(copied.classifier_score > 5.0);  // copying looks perfect to the classifier
}

TEST_CASE("class histogram rules: covered means a quarter of the data share; reverse KL on known histograms") {
    const torch::Tensor uniform = torch::full({10}, 0.1, torch::kFloat64);
    CHECK(classesCovered(uniform, uniform) == 10);
    torch::Tensor h = torch::zeros({10}, torch::kFloat64);
    h[0] = 0.5;
    h[1] = 0.475;
    h[2] = 0.025;  // exactly a quarter of 0.1
    CHECK(classesCovered(h, uniform) == 3);
    h[2] = 0.024;
    h[1] = 0.476;
    CHECK(classesCovered(h, uniform) == 2);
    CHECK(classReverseKl(uniform, uniform) == doctest::Approx(0.0).epsilon(1e-12));
    torch::Tensor one = torch::zeros({10}, torch::kFloat64);
    one[3] = 1.0;
    CHECK(classReverseKl(one, uniform) == doctest::Approx(std::log(10.0)).epsilon(1e-3));
    // A class the data lacks stays finite (smoothed data mix) and is never "covered".
    torch::Tensor three = torch::zeros({10}, torch::kFloat64);
    three.slice(0, 0, 3).fill_(1.0 / 3.0);
    CHECK(classesCovered(one, three) == 0);
    CHECK(std::isfinite(classReverseKl(one, three)));
    CHECK(classReverseKl(one, three) > 5.0);
}

TEST_CASE("classifier_score: closed-form cases") {
    // Confident and balanced over k classes: exactly k.
    CHECK(classifierScore(torch::eye(10, torch::kFloat64)) == doctest::Approx(10.0).epsilon(1e-6));
    CHECK(classifierScore(torch::eye(10, torch::kFloat64).slice(0, 0, 4)) == doctest::Approx(4.0).epsilon(1e-6));
    // Unsure everywhere: 1.
    CHECK(classifierScore(torch::full({5, 10}, 0.1, torch::kFloat64)) == doctest::Approx(1.0));
}
