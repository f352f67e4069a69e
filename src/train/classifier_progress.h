// classifier_progress.h — the progress callback of the classifier's training
// and of loadOrTrainClassifier, and how a stopped training ends (no LibTorch:
// the app and the GUI use them).
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

namespace ganarium {

// Progress of a long job: fraction done in [0,1] and a short message ("training, epoch 2/3").
using ClassifierProgressFn = std::function<void(double fraction, const std::string& message)>;

// Thrown when the classifier's training was stopped through its stop flag (nothing is cached).
class ClassifierTrainingStopped : public std::runtime_error {
public:
    ClassifierTrainingStopped() : std::runtime_error("the classifier's training was stopped") {}
};

}  // namespace ganarium
