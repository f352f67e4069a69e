// image_remedies.cpp — packing, instance noise and the minibatch-stddev map of image runs.
#include "train/image_remedies.h"

#include <algorithm>

namespace ganarium {

namespace {
constexpr double kStddevEpsilon = 1e-8;  // keeps the square root's gradient finite at zero variance
}

double instanceNoiseSigma(const ImageGanSpec& run, int64_t step) {
    if (run.instance_noise <= 0 || run.instance_noise_steps <= 0) return 0.0;
    const double left = 1.0 - static_cast<double>(step) / static_cast<double>(run.instance_noise_steps);
    return run.instance_noise * std::max(0.0, left);
}

torch::Tensor packImages(const torch::Tensor& images, int pack) {
    if (pack <= 1) return images;
    TORCH_CHECK(images.size(0) % pack == 0, "packImages: ", images.size(0), " images do not split into packs of ", pack);
    return images.reshape({images.size(0) / pack, pack * images.size(1), images.size(2), images.size(3)});
}

torch::Tensor repeatImagesForPack(const torch::Tensor& images, int pack) {
    if (pack <= 1) return images;
    return images.repeat({1, pack, 1, 1});
}

torch::Tensor minibatchStddevMap(const torch::Tensor& h) {
    const torch::Tensor centred = h - h.mean(0, /*keepdim=*/true);
    const torch::Tensor stddev = (centred.pow(2).mean(0) + kStddevEpsilon).sqrt();  // C x H x W
    const torch::Tensor map = stddev.mean(0, /*keepdim=*/true);                     // 1 x H x W
    return map.unsqueeze(0).expand({h.size(0), 1, h.size(2), h.size(3)});
}

}  // namespace ganarium
