// image_metric_reference_rows.h — the measured reference rows of
// docs/metrics.md: the image metrics of three stand-in "generators" (real
// test images: the ceiling; copied training images: the memorising case; one
// class only: total mode collapse), each with its evaluation time. No
// LibTorch here: `ganarium classifier --reference` and ganarium-bench call it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/idx_reader.h"
#include "train/classifier_cache.h"
#include "train/image_metric_values.h"

namespace ganarium {

// One stand-in generator's metrics.
struct ImageMetricReferenceRow {
    std::string name;         // "real test images", "copied training images", "one class (Trouser)"
    ImageMetricValues values;
    double milliseconds = 0;  // wall time of the evaluation (median of `repeats`)
};

// Builds the reference from the Fashion-MNIST files in `data_dir` and evaluates each stand-in on
// `images` images (<= 1000), timing `repeats` evaluations. Throws UserError when the data is missing.
std::vector<ImageMetricReferenceRow> measureImageMetricReferenceRows(const ClassifierHandle& classifier,
                                                                     const std::string& data_dir = kFashionMnistDir,
                                                                     int64_t images = 1000, int repeats = 5);

}  // namespace ganarium
