// axes_overlay.h — axes drawn over a plot with ImGui draw lists: "nice" tick
// values, tick marks, numbers, faint grid lines and an axis title.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "views/plot_area.h"

namespace ganarium {

// Tick values for [lo, hi]: multiples of 1, 2 or 5 x 10^k, about `target` of them.
struct Ticks {
    std::vector<double> values;
    int decimals = 0;  // digits after the point that tell the ticks apart
};
Ticks niceTicks(double lo, double hi, int target);

// Smallest 1, 2, 2.5 or 5 x 10^k not below `v` (v > 0); stable ranges for colour bars.
double niceCeil(double v);

// `v` with `decimals` digits, "-0" printed as "0".
std::string formatTick(double v, int decimals);

enum class AxisSide { Bottom, Left, Right };

// One axis: which side of the plot, the value range it spans along that side, and its title.
struct AxisSpec {
    AxisSide side = AxisSide::Bottom;
    double lo = 0, hi = 1;
    std::string title;
    bool grid = true;          // faint lines across the plot at each tick
    bool numbers = true;       // tick numbers
    ImU32 colour = 0;          // 0: the ImGui text colour
    int target_ticks = 6;
    float title_lift = 0;      // pixels the title of a side axis sits above its usual row
};

// Draws `axis` along `area` (screen positions from lo/hi linearly along that side).
void drawAxis(ImDrawList* draw_list, const PlotArea& area, const AxisSpec& axis, float font_size);

// Width of the widest tick label `axis` would draw (for margins).
float axisLabelWidth(const AxisSpec& axis, float font_size);

// Text with a given pixel size in the current font.
void drawText(ImDrawList* draw_list, ImVec2 pos, ImU32 colour, const std::string& text, float font_size);
// Size of `text` at `font_size`.
ImVec2 textSize(const std::string& text, float font_size);

}  // namespace ganarium
