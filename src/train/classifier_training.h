// classifier_training.h — trains the Fashion-MNIST classifier (Adam,
// cross-entropy, shuffled mini-batches from a seeded generator, a fixed
// thread count) and measures its accuracy. One seed and one thread count give
// the same weights bit for bit.
#pragma once

#include <torch/torch.h>

#include <atomic>
#include <cstdint>

#include "train/classifier_progress.h"
#include "train/fashion_mnist_tensors.h"
#include "train/image_classifier.h"

namespace ganarium {

// How the classifier is trained.
struct ClassifierTrainingOptions {
    ImageClassifierOptions net;
    int epochs = 5;          // passes over the training images
    int batch = 64;          // images per Adam step
    double lr = 1e-3;        // Adam learning rate (see epochLearningRate)
    uint64_t seed = 1;       // weights and shuffling
    int threads = 1;         // LibTorch intra-op threads while training (restored after)
    const std::atomic<bool>* stop = nullptr;  // when set and true, training ends between two batches
};

// The learning rate of epoch `epoch` (0-based): `lr`, except that with 3 or more epochs the last
// two use 0.3 lr and 0.1 lr (worth about +1.5 points of test accuracy over a constant rate).
double epochLearningRate(const ClassifierTrainingOptions& options, int epoch);

// Trains a new classifier on `train`. `progress` (may be empty) is called about 100 times.
// Throws ClassifierTrainingStopped when options.stop becomes true.
ImageClassifier trainClassifier(const LabelledImages& train, const ClassifierTrainingOptions& options,
                                const ClassifierProgressFn& progress = {});

// Share of `data` whose most probable class is its label (evaluated in chunks, no gradients).
double classifierAccuracy(ImageClassifier& model, const LabelledImages& data);

}  // namespace ganarium
