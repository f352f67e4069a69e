// classifier_progress.h — the progress callback of the classifier's training
// and of loadOrTrainClassifier (no LibTorch: the app and the GUI use it).
#pragma once

#include <functional>
#include <string>

namespace ganarium {

// Progress of a long job: fraction done in [0,1] and a short message ("training, epoch 2/3").
using ClassifierProgressFn = std::function<void(double fraction, const std::string& message)>;

}  // namespace ganarium
