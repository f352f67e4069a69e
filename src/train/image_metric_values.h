// image_metric_values.h — the classifier-based image metrics of one
// evaluation (no LibTorch: the app, the CLI and the views read them). Defined
// in docs/metrics.md; computed by train/image_metrics.h.
#pragma once

#include <array>
#include <cstdint>

namespace ganarium {

// One evaluation of a set of generated images.
struct ImageMetricValues {
    double classifier_score = 0;  // exp E_x KL(p(y|x) || p(y)): 1 (one class or unsure) to 10
    double fcd = 0;               // Fréchet distance to the test set's penultimate features
    int classes_covered = 0;      // classes holding at least a quarter of their data share
    double class_rkl = 0;         // KL(generated class histogram || data class mix), nats
    double nn_ratio = 0;          // mean nearest-training-image distance / the same for held-out images
    std::array<double, 10> class_histogram{};  // share of images the classifier puts in each class
    int64_t images = 0;           // images evaluated (nn_ratio uses at most the reference's nn_queries)
};

}  // namespace ganarium
