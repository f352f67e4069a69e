// label_agreement.h — how often the Fashion-MNIST classifier gives a
// conditional generator's image the label it was generated for
// (docs/metrics.md, label_agreement): 1 when every G(z, y) looks like class y,
// about 1/k when G ignores y over k classes.
#pragma once

#include <torch/torch.h>

#include "train/image_classifier.h"

namespace ganarium {

// Share of images [N,1,28,28] in [-1,1] whose most probable class is their label (labels [N], int64). No gradients.
double labelAgreement(ImageClassifier& classifier, const torch::Tensor& images, const torch::Tensor& labels);

}  // namespace ganarium
