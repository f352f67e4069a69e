// gui_screenshot.cpp — framebuffer read-back to PNG (render/png_writer).
#include "app/gui_screenshot.h"

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <vector>

#include "render/gl.h"
#include "render/png_writer.h"

namespace ganarium {

bool saveFramebufferPng(const std::string& path, int w, int h) {
    if (w <= 0 || h <= 0) return false;
    std::vector<uint8_t> bottom_up(static_cast<size_t>(w) * h * 4), top_down(bottom_up.size());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    const size_t row = static_cast<size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
        std::copy(bottom_up.begin() + (h - 1 - y) * row, bottom_up.begin() + (h - y) * row, top_down.begin() + y * row);
    for (size_t i = 3; i < top_down.size(); i += 4) top_down[i] = 255;  // opaque
    return writePng(path, w, h, top_down);
}

std::string timestampedScreenshotPath(const std::string& dir) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::filesystem::path base = std::filesystem::path(dir.empty() ? "." : dir);
    std::filesystem::path path = base / ("ganarium-" + std::string(stamp) + ".png");
    for (int i = 2; std::filesystem::exists(path); ++i)
        path = base / ("ganarium-" + std::string(stamp) + "-" + std::to_string(i) + ".png");
    return path.string();
}

}  // namespace ganarium
