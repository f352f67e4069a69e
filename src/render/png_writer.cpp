// png_writer.cpp — the single stb_image_write implementation unit of the project.
#include "render/png_writer.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

namespace ganarium {

bool writePng(const std::string& path, int w, int h, const std::vector<uint8_t>& rgba_top_down) {
    if (w <= 0 || h <= 0 || rgba_top_down.size() < static_cast<size_t>(w) * h * 4) return false;
    return stbi_write_png(path.c_str(), w, h, 4, rgba_top_down.data(), w * 4) != 0;
}

}  // namespace ganarium
