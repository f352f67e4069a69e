// png_writer.h — writes RGBA8 images to PNG (stb_image_write, from libstb-dev).
// Used for view screenshots, recorder stills and tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ganarium {

// Writes a w x h RGBA8 image, top row first, to `path`; false on I/O failure.
bool writePng(const std::string& path, int w, int h, const std::vector<uint8_t>& rgba_top_down);

}  // namespace ganarium
