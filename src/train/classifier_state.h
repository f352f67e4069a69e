// classifier_state.h — what a ClassifierHandle holds: the trained model and
// the facts about it (LibTorch side of train/classifier_cache.h).
#pragma once

#include <torch/torch.h>

#include <string>

#include "train/classifier_cache.h"
#include "train/image_classifier.h"

namespace ganarium {

// A trained classifier and where it came from (shared by every ClassifierHandle copy).
struct ClassifierState {
    ImageClassifier model{nullptr};  // in eval mode; use under torch::NoGradGuard
    double test_accuracy = 0;
    std::string cache_path;
    bool trained_now = false;
    std::string origin;
    double training_seconds = 0;
};

}  // namespace ganarium
