// gui_screenshot.cpp — framebuffer read-back to PNG (render/png_writer, app/png_file).
#include "app/gui_screenshot.h"

#include <unistd.h>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <vector>

#include "app/output_file.h"
#include "app/png_file.h"
#include "core/errors.h"
#include "render/gl.h"
#include "render/png_writer.h"

namespace ganarium {

namespace {

// The w x h default framebuffer's back buffer as opaque top-down RGBA.
std::vector<uint8_t> readFramebufferTopDown(int w, int h) {
    std::vector<uint8_t> bottom_up(static_cast<size_t>(w) * h * 4), top_down(bottom_up.size());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    const size_t row = static_cast<size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
        std::copy(bottom_up.begin() + (h - 1 - y) * row, bottom_up.begin() + (h - y) * row, top_down.begin() + y * row);
    for (size_t i = 3; i < top_down.size(); i += 4) top_down[i] = 255;  // opaque
    return top_down;
}

// "ganarium-YYYYMMDD-HHMMSS" for the local time now.
std::string timestampedStem() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    return "ganarium-" + std::string(stamp);
}

}  // namespace

bool saveFramebufferPng(const std::string& path, int w, int h) {
    if (w <= 0 || h <= 0) return false;
    return writePng(path, w, h, readFramebufferTopDown(w, h));
}

std::string timestampedScreenshotPath(const std::string& dir) {
    const std::filesystem::path base = std::filesystem::path(dir.empty() ? "." : dir);
    const std::string stem = timestampedStem();
    std::filesystem::path path = base / (stem + ".png");
    for (int i = 2; std::filesystem::exists(path); ++i) path = base / (stem + "-" + std::to_string(i) + ".png");
    return path.string();
}

std::string saveScreenshotInFolder(const std::string& folder_in, int w, int h) {
    const std::string folder = folder_in.empty() ? "." : folder_in;
    if (w <= 0 || h <= 0) throw UserError("cannot take a screenshot of an empty window");
    prepareOutputFolder(folder, "screenshots");
    const std::vector<uint8_t> pixels = readFramebufferTopDown(w, h);
    const std::string stem = folder + "/" + timestampedStem();
    for (int i = 1; i < 1000; ++i) {
        const std::string path = stem + (i == 1 ? "" : "-" + std::to_string(i)) + ".png";
        PngWriteOutcome outcome = PngWriteOutcome::NotOpened;
        const std::string error = writePngFile(path, false, w, h, pixels, &outcome);
        if (outcome == PngWriteOutcome::Written) return path;
        if (outcome == PngWriteOutcome::NameTaken) continue;  // a file, link or folder has it: the next number
        if (outcome == PngWriteOutcome::Truncated) ::unlink(path.c_str());  // ours, incomplete: not left behind
        throw UserError(error);
    }
    throw UserError("cannot write a screenshot into '" + folder + "': 999 screenshots of this second already exist");
}

}  // namespace ganarium
