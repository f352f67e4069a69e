// cli_size.cpp — parsing and validation of `--size WIDTHxHEIGHT`.
#include "app/cli_size.h"

#include <cstdlib>

#include "core/errors.h"

namespace ganarium {

namespace {

// The whole of `text` as a decimal number, or -1 (empty, a sign, spaces, trailing characters, overflow).
long sideValue(const std::string& text) {
    if (text.empty() || text.size() > 9) return -1;
    for (char c : text)
        if (c < '0' || c > '9') return -1;
    return std::strtol(text.c_str(), nullptr, 10);
}

}  // namespace

PixelSize parseSizeOption(const std::string& text, bool even) {
    const auto x = text.find_first_of("xX");
    const long w = x == std::string::npos ? -1 : sideValue(text.substr(0, x));
    const long h = x == std::string::npos ? -1 : sideValue(text.substr(x + 1));
    if (w < kMinSizeSide || h < kMinSizeSide || w > kMaxSizeSide || h > kMaxSizeSide)
        throw UserError("--size must be WIDTHxHEIGHT with sides from " + std::to_string(kMinSizeSide) + " to " +
                        std::to_string(kMaxSizeSide) + " pixels, e.g. --size 1280x720 (got '" + text + "')");
    if (even && (w % 2 != 0 || h % 2 != 0))
        throw UserError("--size " + text + ": both sides must be even numbers (H.264 video needs them), e.g. " +
                        std::to_string(w - w % 2) + "x" + std::to_string(h - h % 2));
    return {static_cast<int>(w), static_cast<int>(h)};
}

}  // namespace ganarium
