// gui_screenshot.h — reads the finished frame back from the default
// framebuffer and writes it as a PNG (top row first): to a path given on the
// command line (--screenshot FILE), or as a new timestamped file in the
// screenshot folder (F12 and the screenshot buttons; --record-dir sets it).
#pragma once

#include <string>

namespace ganarium {

// Reads the w x h default framebuffer (current GL context) and writes `path`; false on failure.
bool saveFramebufferPng(const std::string& path, int w, int h);

// "DIR/ganarium-YYYYMMDD-HHMMSS.png" (local time; "-2", "-3"... appended if it exists).
std::string timestampedScreenshotPath(const std::string& dir);

// Reads the w x h default framebuffer and writes it as a NEW file FOLDER/ganarium-YYYYMMDD-HHMMSS[-N].png:
// the folder ("" = ".") is created when missing, an existing file is never replaced (the name is taken
// exclusively, so two screenshots in one second get -2, -3, ...) and a symbolic link is never followed.
// Returns the path. Throws UserError with the reason (folder not writable, disk full).
std::string saveScreenshotInFolder(const std::string& folder, int w, int h);

}  // namespace ganarium
