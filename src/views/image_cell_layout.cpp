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

namespace {
// Title, caption and margins of a sample grid panel: what its grid cannot use, in font sizes.
constexpr float kGridPanelChromeHeightFonts = 4.2f;
constexpr float kGridPanelChromeWidthFonts = 0.8f;

// Side of the sample grid in a grid panel of `width` x `height` pixels (square grids; the real grid beside it
// takes a font size of gap).
float sampleGridSide(float width, float height, float font, bool real) {
    const float room_w = width - font * (kGridPanelChromeWidthFonts + (real ? 1.0f : 0.0f));
    return sampleGridFirst(room_w, height - font * kGridPanelChromeHeightFonts, 1.0f, real).height;
}

// The split with the first `shown` secondary panels beside the grid (place Hidden when they do not fit).
ImageCellSplit besideSplit(float width, float height, float font, float gap, const std::vector<SecondaryPanel>& panels,
                           int shown) {
    ImageCellSplit out;
    const float room = width - gap * static_cast<float>(shown);
    float taken = 0;
    for (int i = 0; i < shown; ++i) {
        const SecondaryPanel& p = panels[static_cast<size_t>(i)];
        if (height < p.min_height_fonts * font) return out;
        out.extents.push_back(std::max(p.share * room, p.min_width_fonts * font));
        taken += out.extents.back();
    }
    if (taken >= room) return out;
    out.place = SecondaryPlace::Beside;
    out.shown = shown;
    out.grid_extent = room - taken;
    return out;
}

// The split with the first `shown` secondary panels in a row under the grid (place Hidden when they do not fit).
ImageCellSplit underSplit(float width, float height, float font, float gap, const std::vector<SecondaryPanel>& panels,
                          int shown) {
    ImageCellSplit out;
    float row_h = kUnderShare * height, shares = 0;
    for (int i = 0; i < shown; ++i) {
        row_h = std::max(row_h, panels[static_cast<size_t>(i)].min_height_fonts * font);
        shares += panels[static_cast<size_t>(i)].share;
    }
    const float row_w = width - gap * static_cast<float>(shown - 1);
    for (int i = 0; i < shown; ++i) {
        const SecondaryPanel& p = panels[static_cast<size_t>(i)];
        out.extents.push_back(row_w * p.share / shares);
        if (out.extents.back() < p.min_width_fonts * font) return {};
    }
    if (height - row_h - gap <= 0) return {};
    out.place = SecondaryPlace::Under;
    out.shown = shown;
    out.grid_extent = height - row_h - gap;
    return out;
}
}  // namespace

ImageCellSplit splitImageCell(float width, float height, float font, float gap,
                              const std::vector<SecondaryPanel>& secondaries, bool real) {
    const float alone = sampleGridSide(width, height, font, real);
    for (int shown = static_cast<int>(secondaries.size()); shown > 0; --shown) {
        const ImageCellSplit beside = besideSplit(width, height, font, gap, secondaries, shown);
        const ImageCellSplit under = underSplit(width, height, font, gap, secondaries, shown);
        const float beside_side = beside.place == SecondaryPlace::Hidden ? 0.0f
                                                                         : sampleGridSide(beside.grid_extent, height, font, real);
        const float under_side = under.place == SecondaryPlace::Hidden ? 0.0f
                                                                       : sampleGridSide(width, under.grid_extent, font, real);
        if (std::max(beside_side, under_side) < kGridKeepShare * alone) continue;
        return beside_side >= under_side ? beside : under;
    }
    return {};
}

int classNameStride(int rows, float height, float font_size) {
    if (rows <= 0 || font_size <= 0) return 1;
    const float line = kClassNameSmallest * font_size * 1.05f;  // a name's height with a hair of space
    const int fit = std::max(1, static_cast<int>(std::floor(height / line)));
    return std::max(1, (rows + fit - 1) / fit);
}

}  // namespace ganarium
