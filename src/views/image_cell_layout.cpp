// image_cell_layout.cpp — room decisions of a small image cell (image_cell_layout.h).
#include "views/image_cell_layout.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

float stripsBandShare(float cell_height, float font_size, float normal_share, bool asked_for) {
    if (asked_for) return normal_share;
    const bool roomy = cell_height * (1.0f - normal_share) >= kMainPanelFonts * font_size;
    return roomy ? normal_share : 0.0f;
}

GridSizes sampleGridFirst(float room_w, float room_h, float aspect, bool real) {
    GridSizes out;
    if (room_w <= 0 || room_h <= 0 || aspect <= 0) return out;
    if (!real) {
        out.height = std::min(room_h, room_w / aspect);
        return out;
    }
    // Both full size when the width allows; else the real grid gives way first, then both shrink together.
    const float full = room_w / (2.0f * aspect);
    if (full >= room_h) {
        out.height = room_h;
        return out;
    }
    out.height = std::min(room_h, room_w / ((1.0f + kRealGridSmallest) * aspect));
    out.real_scale = std::clamp(room_w / (out.height * aspect) - 1.0f, kRealGridSmallest, 1.0f);
    return out;
}

int classNameStride(int rows, float height, float font_size) {
    if (rows <= 0 || font_size <= 0) return 1;
    const float line = kClassNameSmallest * font_size * 1.05f;  // a name's height with a hair of space
    const int fit = std::max(1, static_cast<int>(std::floor(height / line)));
    return std::max(1, (rows + fit - 1) / fit);
}

}  // namespace ganarium
