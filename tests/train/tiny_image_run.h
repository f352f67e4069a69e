// tiny_image_run.h — test helper for the image-run tests: a tiny image GAN
// (narrow nets, small latent and batch) on the test split's first 300
// trousers and sneakers, so a test case trains it in seconds.
#pragma once

#include <memory>

#include "core/image_dataset.h"
#include "core/scene_spec.h"

namespace ganarium::test {

// An image run of width 4, latent size 8 and batch 8 on 300 images of classes 1 and 7 (other options default).
inline RunSpec tinyImageSpec() {
    RunSpec spec;
    ImageGanSpec& image = spec.options.emplace<ImageGanSpec>();
    image.width = 4;
    image.latent_dim = 8;
    image.batch = 8;
    image.classes = {1, 7};
    image.subset = 300;
    return spec;
}

// The images of tinyImageSpec (the test split's first 300 trousers and sneakers), loaded anew on each call.
inline std::shared_ptr<const ImageDataset> tinyImages() {
    return std::make_shared<const ImageDataset>(loadImageDataset({1, 7}, 300, /*train=*/false));
}

}  // namespace ganarium::test
