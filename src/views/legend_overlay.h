// legend_overlay.h — the legend box (what each colour means) and vertical
// colour bars (field values, gradient norms) drawn with ImGui draw lists.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "render/colormap.h"

namespace ganarium {

enum class LegendSymbol { Dot, Line, DashedLine, Filled, Arrow, Ring, Cross };

struct LegendEntry {
    std::string label;
    ImU32 colour = 0;
    LegendSymbol symbol = LegendSymbol::Dot;
};

enum class LegendCorner { TopLeft, TopRight };

// Draws the entries in a translucent box in `corner` of [min, max]; returns the box size.
ImVec2 drawLegend(ImDrawList* draw_list, ImVec2 min, ImVec2 max, LegendCorner corner,
                  const std::vector<LegendEntry>& entries, float font_size);

// Size of the box drawLegend draws for `entries`.
ImVec2 legendBoxSize(const std::vector<LegendEntry>& entries, float font_size);

// Height of `entries` laid out as wrapped rows in `width` (0 when empty).
float legendRowsHeight(const std::vector<LegendEntry>& entries, float width, float font_size);
// The leading entries (they come most important first) that fit one row of `width` (compact legends).
std::vector<LegendEntry> entriesInOneRow(const std::vector<LegendEntry>& entries, float width, float font_size);
// Draws `entries` as wrapped rows starting at `pos` within `width`; returns the height used.
float drawLegendRows(ImDrawList* draw_list, ImVec2 pos, float width, const std::vector<LegendEntry>& entries,
                     float font_size);

// A vertical colour bar: colormap over [lo, hi] as shown by the heatmap (blended with `opacity`).
struct ColourBar {
    ColormapKind colormap = ColormapKind::Probability;
    double lo = 0, hi = 1;
    float opacity = 1.f;
    std::string title;
    std::vector<double> marks;  // values marked with a dark line across the bar (e.g. 0.5, or 1 for norms)
};

// Width a colour bar needs including its labels.
float colourBarWidth(const ColourBar& bar, float font_size);
// Draws `bar` in the column starting at `top_left`, `height` tall; the gradient is font_size*0.8 wide.
void drawColourBar(ImDrawList* draw_list, ImVec2 top_left, float height, const ColourBar& bar, float font_size);

}  // namespace ganarium
