// image_metrics.h — the lecture's evaluation of generated images with the
// Ganarium classifier (docs/metrics.md, "Image metrics"): classifier_score
// (Inception-Score-like), fcd (FID-like), classes_covered, class_rkl, the
// class histogram and nn_ratio (memorisation). A reference is computed once
// per data set; each evaluation then costs one classifier pass over the
// generated images plus a nearest-neighbour search against a training bank.
#pragma once

#include <torch/torch.h>

#include <cstdint>

#include "train/fashion_mnist_tensors.h"
#include "train/image_classifier.h"
#include "train/image_metric_values.h"

namespace ganarium {

// Sizes of the reference (documented in docs/metrics.md). For a GAN that trains on some
// classes only, pass training and test images of those classes: the class mix follows.
struct ImageMetricReferenceOptions {
    int64_t feature_images = 10000;  // test images whose features give the reference Gaussian
    int64_t nn_bank = 5000;          // training images searched for nearest neighbours
    int64_t nn_heldout = 1000;       // held-out (test) images whose mean NN distance is the ratio's denominator
    int64_t nn_queries = 250;        // generated images searched per evaluation (the first ones)
    uint64_t seed = 1;               // which training images form the bank
};

// What generated images are compared with; built once by buildImageMetricReference().
struct ImageMetricReference {
    torch::Tensor feature_mean;       // [F] float64, test-set penultimate features
    torch::Tensor feature_cov;        // [F,F] float64
    torch::Tensor feature_cov_sqrt;   // [F,F] float64, its symmetric square root
    torch::Tensor class_mix;          // [10] float64, the training data's class shares
    torch::Tensor nn_bank;            // [B,784] float32 training images in [-1,1]
    torch::Tensor nn_bank_sq_norms;   // [B] float32
    double heldout_nn_distance = 0;   // mean distance of held-out images to their nearest bank image
    int64_t nn_queries = 250;
};

// Builds the reference from the images a GAN trains on (`train`: bank and class mix) and held-out
// images of the same classes (`test`: features and the NN denominator). Both need >= 2 images.
ImageMetricReference buildImageMetricReference(ImageClassifier& classifier, const LabelledImages& train,
                                               const LabelledImages& test,
                                               const ImageMetricReferenceOptions& options = {});

// Evaluates generated images [N,1,28,28] in [-1,1] (N >= 2) against the reference. No gradients; it only
// reads the classifier and the reference, so several runs' threads may call it at once.
ImageMetricValues evaluateImageMetrics(ImageClassifier& classifier, const ImageMetricReference& reference,
                                       const torch::Tensor& images);

// Penultimate features [N,features] of images [N,1,28,28], in cache-sized chunks, without gradients
// (about twice as fast as one pass over 1000 images).
torch::Tensor classifierFeatures(ImageClassifier& classifier, const torch::Tensor& images);

// The class-histogram rules on their own (for tests and for the docs' worked examples).
// A class is covered when its share is at least kCoveredFraction of its share in the data.
constexpr double kCoveredFraction = 0.25;
int classesCovered(const torch::Tensor& histogram, const torch::Tensor& class_mix);
// KL(histogram || class_mix) in nats; the data mix is smoothed by 1e-3 so that a class absent from the data is finite.
double classReverseKl(const torch::Tensor& histogram, const torch::Tensor& class_mix);
// exp E_x KL(p(y|x) || mean_x p(y|x)) of probabilities [N,10].
double classifierScore(const torch::Tensor& probabilities);
// Mean Euclidean distance of each row of `queries` [Q,D] to its nearest row of `bank` [B,D].
double meanNearestDistance(const torch::Tensor& queries, const torch::Tensor& bank, const torch::Tensor& bank_sq_norms);

}  // namespace ganarium
