// image_metric_reference_rows.cpp — the three stand-in generators and their timed evaluations.
#include "train/image_metric_reference_rows.h"

#include <algorithm>
#include <chrono>

#include "train/classifier_state.h"
#include "train/image_metrics.h"

namespace ganarium {

namespace {

constexpr int kOneClass = 1;  // Trouser: the class the classifier separates best, so the row shows the rule

// Evaluates `images` `repeats` times; the row's time is the median.
ImageMetricReferenceRow timedRow(const std::string& name, ImageClassifier& model, const ImageMetricReference& ref,
                                 const torch::Tensor& images, int repeats) {
    ImageMetricReferenceRow row;
    row.name = name;
    std::vector<double> ms;
    for (int i = 0; i < std::max(1, repeats); ++i) {
        const auto start = std::chrono::steady_clock::now();
        row.values = evaluateImageMetrics(model, ref, images);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    row.milliseconds = ms[ms.size() / 2];
    return row;
}

}  // namespace

std::vector<ImageMetricReferenceRow> measureImageMetricReferenceRows(const ClassifierHandle& classifier,
                                                                     const std::string& data_dir, int64_t images,
                                                                     int repeats) {
    torch::NoGradGuard no_grad;
    ImageClassifier& model = classifier.state().model;
    const LabelledImages train = loadFashionMnistTensors(true, data_dir);
    const LabelledImages test = loadFashionMnistTensors(false, data_dir);
    const ImageMetricReference ref = buildImageMetricReference(model, train, test);
    const int64_t n = std::clamp<int64_t>(images, 2, 1000);

    // Real: the last test images (the NN denominator uses the first ones, so these are not its own queries).
    const torch::Tensor real = test.images.slice(0, test.size() - n, test.size());
    // Copying: images of the nearest-neighbour bank itself, i.e. a generator that memorised its training set.
    const torch::Tensor copied = ref.nn_bank.slice(0, 0, n).reshape({-1, 1, 28, 28});
    const torch::Tensor one_class = test.images.index_select(0, test.labels.eq(kOneClass).nonzero().flatten()).slice(0, 0, n);

    return {timedRow("real test images", model, ref, real, repeats),
            timedRow("copied training images", model, ref, copied, repeats),
            timedRow(std::string("one class (") + fashionMnistClassName(kOneClass) + ")", model, ref, one_class,
                     repeats)};
}

}  // namespace ganarium
