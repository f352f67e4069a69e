// classifier_fixture.h — a quickly trained Fashion-MNIST classifier (the
// first 12000 training images, two epochs: seconds, ~84% test accuracy) and
// its metric reference, built once per test process and shared by the
// image-metric test cases. The full classifier's >= 90% is measured by
// `ganarium classifier` (docs/metrics.md), not here.
#pragma once

#include <torch/torch.h>

#include <memory>

#include "train/classifier_training.h"
#include "train/fashion_mnist_tensors.h"
#include "train/image_metrics.h"

namespace ganarium::test {

struct QuickClassifier {
    LabelledImages train, test;
    ImageClassifier model{nullptr};
    ImageMetricReference reference;
};

// Trains on first use; later calls return the same object.
inline QuickClassifier& quickClassifier() {
    static std::unique_ptr<QuickClassifier> shared;  // test-only cache: one training per test process
    if (!shared) {
        auto q = std::make_unique<QuickClassifier>();
        q->train = loadFashionMnistTensors(true);
        q->test = loadFashionMnistTensors(false);
        ClassifierTrainingOptions options;
        options.epochs = 2;
        q->model = trainClassifier(sliceOf(q->train, 0, 12000), options);
        ImageMetricReferenceOptions ref;
        ref.feature_images = 5000;
        q->reference = buildImageMetricReference(q->model, q->train, sliceOf(q->test, 0, 5000), ref);
        shared = std::move(q);
    }
    return *shared;
}

}  // namespace ganarium::test
