// image_metrics.cpp — metrics of generated images (none yet: the classifier metrics are wired in here).
#include "train/image_metrics.h"

namespace ganarium {

void addImageMetrics(const torch::Tensor& generated, std::map<std::string, double>& values) {
    (void)generated;
    (void)values;
}

}  // namespace ganarium
