// image_evaluator.h — the classifier metrics of image runs (classifier_score,
// fcd, classes_covered, class_rkl, nn_ratio), shared by every image run of a
// trainer. The Fashion-MNIST classifier is loaded from the user cache, or
// trained on first use (about 2 minutes on 2 cores) on a background thread
// while the GANs keep training; until then evaluations simply lack these
// metrics, and status() reports the progress for the window's bar. The
// reference (test features, class mix, nearest-neighbour bank) is built once
// per class filter, from the images of those classes.
#pragma once

#include <torch/torch.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/snapshot.h"
#include "train/classifier_cache.h"
#include "train/image_metric_values.h"
#include "train/image_metrics.h"

namespace ganarium {

class ImageEvaluator {
public:
    // Starts loading (or training) the classifier on a background thread.
    explicit ImageEvaluator(ClassifierCacheOptions options = {});
    // Abandons a training in progress and joins the thread.
    ~ImageEvaluator();
    ImageEvaluator(const ImageEvaluator&) = delete;
    ImageEvaluator& operator=(const ImageEvaluator&) = delete;

    // Where the classifier stands (ready, failed with a message, or the fraction trained).
    ClassifierStatus status() const;
    // Blocks until the classifier is ready or failed, calling `progress` about 10 times a second.
    void wait(const std::function<void(const ClassifierStatus&)>& progress = {}) const;
    // The metrics of `images` ([N,1,28,28] in [-1,1], N >= 2) against the data of `classes` (empty: all ten);
    // nullopt while the classifier is not ready (or failed). Safe from several runs' threads at once.
    std::optional<ImageMetricValues> evaluate(const torch::Tensor& images, const std::vector<int>& classes);
    // label_agreement of a conditional run's images and the labels they were generated for (train/label_agreement.h);
    // nullopt while the classifier is not ready (or failed).
    std::optional<double> labelAgreement(const torch::Tensor& images, const torch::Tensor& labels);

private:
    void load();
    std::shared_ptr<const ImageMetricReference> referenceFor(const std::vector<int>& classes);

    ClassifierCacheOptions options_;
    std::atomic<bool> stop_{false};
    mutable std::mutex mutex_;  // guards status_, classifier_ and references_
    ClassifierStatus status_;
    ClassifierHandle classifier_;
    std::map<std::vector<int>, std::shared_ptr<const ImageMetricReference>> references_;
    std::mutex reference_build_mutex_;  // one reference built at a time
    std::thread worker_;
};

}  // namespace ganarium
