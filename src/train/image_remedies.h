// image_remedies.h — the mode-collapse remedies of an image run (ImageGanSpec's
// remedy block; docs/remedies.md "Image runs"): PacGAN packing of images as
// channels, annealed instance noise on D's pixels, the minibatch-stddev map
// D appends before its head (Karras et al. 2018), and feature matching on D's
// last convolutional features (the loss is the toy run's featureMatchingLoss,
// toy_remedies.h). Plain tensor functions; DcganDiscriminator and
// ImageGanRun call them.
#pragma once

#include <torch/torch.h>

#include <cstdint>

#include "core/scene_spec.h"

namespace ganarium {

// The instance-noise sigma of an image run at `step`: sigma0 * (1 - step / instance_noise_steps), 0 from then on.
double instanceNoiseSigma(const ImageGanSpec& run, int64_t step);
// Packs images (n * pack x C x H x W) into n packs (n x pack * C x H x W): consecutive images stacked as channels.
torch::Tensor packImages(const torch::Tensor& images, int pack);
// Each image repeated `pack` times as channels (n x C x H x W -> n x pack * C x H x W): what the views ask a packed D.
torch::Tensor repeatImagesForPack(const torch::Tensor& images, int pack);
// The minibatch-stddev map of features h (n x C x H x W): the std across the batch of each feature at each pixel,
// averaged over the C features, as one n x 1 x H x W map (the same for every row). Biased std; 0 for n = 1.
torch::Tensor minibatchStddevMap(const torch::Tensor& h);

}  // namespace ganarium
