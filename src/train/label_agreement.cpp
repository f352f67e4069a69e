// label_agreement.cpp — the classifier's verdict against a conditional generator's labels.
#include "train/label_agreement.h"

namespace ganarium {

double labelAgreement(ImageClassifier& classifier, const torch::Tensor& images, const torch::Tensor& labels) {
    TORCH_CHECK(images.size(0) == labels.size(0) && images.size(0) > 0, "label_agreement needs one label per image");
    torch::NoGradGuard no_grad;
    const torch::Tensor judged = classifier->forward(images).argmax(1);
    return judged.eq(labels.to(torch::kLong)).to(torch::kFloat64).mean().item<double>();
}

}  // namespace ganarium
