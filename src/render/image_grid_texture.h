// image_grid_texture.h — an ImageGrid quantity (rows x cols grey tiles) as
// one RGBA texture: tiles side by side with a gap of kImageGridGap pixels,
// ink light on a dark background (Fashion-MNIST's own look), nearest
// filtering so every pixel of a 28x28 tile stays a crisp square.
#pragma once

#include <cstdint>
#include <vector>

#include "core/quantity.h"
#include "render/gl_resources.h"

namespace ganarium {

// Pixels between tiles (and around the grid).
constexpr int kImageGridGap = 1;

// The RGBA8 pixels (row 0 first) of `grid` laid out with gaps; `width` and `height` receive the size.
std::vector<uint8_t> imageGridPixels(const ImageGrid& grid, int& width, int& height);

class ImageGridTexture {
public:
    // Uploads `grid` (an empty grid leaves the texture as it was).
    void upload(const ImageGrid& grid);
    // True once a grid was uploaded.
    bool ready() const { return ready_; }
    const Texture2D& texture() const { return texture_; }

private:
    Texture2D texture_;
    bool ready_ = false;
};

}  // namespace ganarium
