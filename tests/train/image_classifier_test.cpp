// image_classifier_test.cpp — the Fashion-MNIST classifier: tensors from the
// IDX files, accuracy of a quick training on a held-out slice, bit-identical
// weights from one seed, features and probabilities of the right shapes.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include "classifier_fixture.h"
#include "core/errors.h"

using namespace ganarium;
using namespace ganarium::test;

TEST_CASE("Fashion-MNIST tensors: shapes, scaling to [-1,1], labels 0..9, a missing dataset names the package") {
    const QuickClassifier& q = quickClassifier();
    CHECK(q.train.images.sizes() == torch::IntArrayRef({60000, 1, 28, 28}));
    CHECK(q.test.size() == 10000);
    CHECK(q.train.images.min().item<float>() == -1.0f);
    CHECK(q.train.images.max().item<float>() == 1.0f);
    CHECK(q.test.labels.min().item<int64_t>() == 0);
    CHECK(q.test.labels.max().item<int64_t>() == 9);
    CHECK(torch::bincount(q.test.labels).eq(1000).all().item<bool>());
    try {
        loadFashionMnistTensors(true, "/nonexistent/fashion");
        FAIL("no error for a missing dataset");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()).find("dataset-fashion-mnist") != std::string::npos);
    }
    CHECK_THROWS_AS(fashionMnistTrainingHash("/nonexistent/fashion"), UserError);
}

TEST_CASE("classifier: a quick training (12000 images, 2 epochs) classifies a held-out slice well above chance") {
    QuickClassifier& q = quickClassifier();
    const double accuracy = classifierAccuracy(q.model, sliceOf(q.test, 5000, 5000));
    MESSAGE("quick classifier accuracy on test[5000:10000]: " << accuracy);
    CHECK(accuracy >= 0.75);
    torch::NoGradGuard no_grad;
    const torch::Tensor images = q.test.images.slice(0, 0, 7);
    CHECK(q.model->features(images).sizes() == torch::IntArrayRef({7, 128}));
    const torch::Tensor p = q.model->probabilities(images);
    CHECK(p.sizes() == torch::IntArrayRef({7, 10}));
    CHECK(p.sum(1).sub(1).abs().max().item<float>() < 1e-5f);
}

TEST_CASE("classifier: one seed gives the same weights bit for bit; another seed does not") {
    const QuickClassifier& q = quickClassifier();
    const LabelledImages small = sliceOf(q.train, 0, 512);
    ClassifierTrainingOptions options;
    options.epochs = 1;
    ImageClassifier a = trainClassifier(small, options), b = trainClassifier(small, options);
    options.seed = 2;
    ImageClassifier c = trainClassifier(small, options);
    const auto pa = a->parameters(), pb = b->parameters(), pc = c->parameters();
    REQUIRE(pa.size() == pb.size());
    bool differs_from_c = false;
    for (size_t i = 0; i < pa.size(); ++i) {
        CHECK(torch::equal(pa[i], pb[i]));
        differs_from_c = differs_from_c || !torch::equal(pa[i], pc[i]);
    }
    CHECK(differs_from_c);
}

TEST_CASE("classifier: the learning rate decays over the last two epochs of 3 or more") {
    ClassifierTrainingOptions options;
    options.epochs = 4;
    CHECK(epochLearningRate(options, 0) == doctest::Approx(1e-3));
    CHECK(epochLearningRate(options, 1) == doctest::Approx(1e-3));
    CHECK(epochLearningRate(options, 2) == doctest::Approx(3e-4));
    CHECK(epochLearningRate(options, 3) == doctest::Approx(1e-4));
    options.epochs = 1;
    CHECK(epochLearningRate(options, 0) == doctest::Approx(1e-3));
}
