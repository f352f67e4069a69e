// cli_size.h — the one reader of a `--size WIDTHxHEIGHT` option, shared by
// the window (`ganarium [SCENE] --size 1920x1080`) and `ganarium record
// --size 1280x720`, so both accept the same text and fail with the same
// messages.
#pragma once

#include <string>

namespace ganarium {

// Smallest and largest side --size accepts, in pixels.
constexpr int kMinSizeSide = 64;
constexpr int kMaxSizeSide = 4096;

// A parsed --size.
struct PixelSize {
    int width = 0, height = 0;
};

// Parses "1280x720" (also "1280X720") with both sides in [kMinSizeSide, kMaxSizeSide]. With `even`
// (videos: H.264 needs even sides) odd sides are refused with the nearest even size as the fix.
// Throws UserError naming --size, the text given and an example.
PixelSize parseSizeOption(const std::string& text, bool even);

}  // namespace ganarium
