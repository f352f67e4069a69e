// image_evaluator.cpp — background loading of the classifier, per-class-filter
// references, and thread-safe evaluation for the image runs.
#include "train/image_evaluator.h"

#include <chrono>
#include <cstdio>
#include <exception>

#include "train/classifier_progress.h"
#include "train/classifier_state.h"
#include "train/fashion_mnist_tensors.h"
#include "train/label_agreement.h"

namespace ganarium {

namespace {

// The images of `data` whose label is in `classes` (all when empty).
LabelledImages ofClasses(const LabelledImages& data, const std::vector<int>& classes) {
    if (classes.empty()) return data;
    torch::Tensor keep = torch::zeros_like(data.labels, torch::kBool);
    for (int c : classes) keep = keep | (data.labels == c);
    return LabelledImages{data.images.index({keep}), data.labels.index({keep})};
}

}  // namespace

ImageEvaluator::ImageEvaluator(ClassifierCacheOptions options) : options_(std::move(options)) {
    status_.wanted = true;
    status_.message = "loading the image classifier";
    options_.stop = &stop_;
    worker_ = std::thread([this] { load(); });
}

ImageEvaluator::~ImageEvaluator() {
    stop_ = true;
    if (worker_.joinable()) worker_.join();
}

void ImageEvaluator::load() {
    try {
        ClassifierHandle handle = loadOrTrainClassifier(options_, [this](double fraction, const std::string& message) {
            std::lock_guard<std::mutex> lock(mutex_);
            status_.fraction = fraction;
            status_.message = "training the image classifier (first use, cached after): " + message;
        });
        std::lock_guard<std::mutex> lock(mutex_);
        classifier_ = handle;
        status_.ready = true;
        status_.fraction = 1;
        char text[96];
        std::snprintf(text, sizeof text, "image classifier ready (test accuracy %.1f %%)", 100.0 * handle.testAccuracy());
        status_.message = text;
    } catch (const ClassifierTrainingStopped&) {
        std::lock_guard<std::mutex> lock(mutex_);
        status_.message = "image classifier: training stopped";
    } catch (const std::exception& error) {
        std::lock_guard<std::mutex> lock(mutex_);
        status_.failed = true;
        status_.message = std::string("image metrics unavailable: ") + error.what();
    }
}

ClassifierStatus ImageEvaluator::status() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
}

void ImageEvaluator::wait(const std::function<void(const ClassifierStatus&)>& progress) const {
    for (;;) {
        const ClassifierStatus now = status();
        if (progress) progress(now);
        if (now.ready || now.failed || stop_) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

std::shared_ptr<const ImageMetricReference> ImageEvaluator::referenceFor(const std::vector<int>& classes) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto found = references_.find(classes);
        if (found != references_.end()) return found->second;
    }
    std::lock_guard<std::mutex> build(reference_build_mutex_);
    {
        std::lock_guard<std::mutex> lock(mutex_);  // another thread may have built it meanwhile
        auto found = references_.find(classes);
        if (found != references_.end()) return found->second;
    }
    const LabelledImages train = ofClasses(loadFashionMnistTensors(true, options_.data_dir), classes);
    const LabelledImages test = ofClasses(loadFashionMnistTensors(false, options_.data_dir), classes);
    auto reference = std::make_shared<const ImageMetricReference>(
        buildImageMetricReference(classifier_.state().model, train, test));
    std::lock_guard<std::mutex> lock(mutex_);
    references_[classes] = reference;
    return reference;
}

std::optional<ImageMetricValues> ImageEvaluator::evaluate(const torch::Tensor& images, const std::vector<int>& classes) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!status_.ready) return std::nullopt;
    }
    const std::shared_ptr<const ImageMetricReference> reference = referenceFor(classes);
    return evaluateImageMetrics(classifier_.state().model, *reference, images);
}

std::optional<double> ImageEvaluator::labelAgreement(const torch::Tensor& images, const torch::Tensor& labels) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!status_.ready) return std::nullopt;
    }
    return ganarium::labelAgreement(classifier_.state().model, images, labels);
}

}  // namespace ganarium
