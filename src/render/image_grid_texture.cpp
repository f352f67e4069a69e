// image_grid_texture.cpp — laying out and uploading an image grid.
#include "render/image_grid_texture.h"

#include <algorithm>

namespace ganarium {

namespace {
constexpr uint8_t kGapGrey = 70;  // between tiles: lighter than the tiles' black background
}  // namespace

std::vector<uint8_t> imageGridPixels(const ImageGrid& grid, int& width, int& height) {
    const int side = grid.side;
    width = grid.cols * (side + kImageGridGap) + kImageGridGap;
    height = grid.rows * (side + kImageGridGap) + kImageGridGap;
    std::vector<uint8_t> rgba(static_cast<size_t>(width) * static_cast<size_t>(height) * 4, kGapGrey);
    for (size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
    const size_t tile = static_cast<size_t>(side) * static_cast<size_t>(side);
    for (int r = 0; r < grid.rows; ++r) {
        for (int c = 0; c < grid.cols; ++c) {
            const float* src = grid.pixels.data() + static_cast<size_t>(r * grid.cols + c) * tile;
            const int x0 = kImageGridGap + c * (side + kImageGridGap), y0 = kImageGridGap + r * (side + kImageGridGap);
            for (int y = 0; y < side; ++y) {
                for (int x = 0; x < side; ++x) {
                    const float v = std::clamp(src[y * side + x], 0.0f, 1.0f);
                    const auto grey = static_cast<uint8_t>(v * 255.0f + 0.5f);
                    uint8_t* px = &rgba[(static_cast<size_t>(y0 + y) * static_cast<size_t>(width) + (x0 + x)) * 4];
                    px[0] = px[1] = px[2] = grey;
                }
            }
        }
    }
    return rgba;
}

void ImageGridTexture::upload(const ImageGrid& grid) {
    if (grid.rows <= 0 || grid.cols <= 0 || grid.side <= 0 ||
        grid.pixels.size() != static_cast<size_t>(grid.rows * grid.cols * grid.side * grid.side))
        return;
    int w = 0, h = 0;
    const std::vector<uint8_t> rgba = imageGridPixels(grid, w, h);
    texture_.uploadRGBA8(w, h, rgba.data(), /*linear=*/false);
    ready_ = true;
}

}  // namespace ganarium
