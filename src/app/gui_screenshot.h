// gui_screenshot.h — reads the finished frame back from the default
// framebuffer and writes it as a PNG (top row first).
#pragma once

#include <string>

namespace ganarium {

// Reads the w x h default framebuffer (current GL context) and writes `path`; false on failure.
bool saveFramebufferPng(const std::string& path, int w, int h);

// "DIR/ganarium-YYYYMMDD-HHMMSS.png" (local time; "-2", "-3"... appended if it exists).
std::string timestampedScreenshotPath(const std::string& dir);

}  // namespace ganarium
