// image_metrics.h — the one place where metrics of generated images are added
// to an image run's evaluation (the classifier metrics: classifier_score,
// fcd, classes_covered, class_rkl, nn_ratio go here). The run computes its
// own training metrics (losses, G's gradient norm, D's mean scores) itself.
#pragma once

#include <torch/torch.h>

#include <map>
#include <string>

namespace ganarium {

// Adds metrics of `generated` (n x 1 x 28 x 28 images in [-1, 1], n = kImageScoreSamples, drawn fresh for this
// evaluation) to `values`. Each metric also needs a catalogue row (core/metric_catalogue.h, kind "image").
void addImageMetrics(const torch::Tensor& generated, std::map<std::string, double>& values);

}  // namespace ganarium
