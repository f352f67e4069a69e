// axes_overlay.cpp — tick choice and axis drawing.
#include "views/axes_overlay.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ganarium {

Ticks niceTicks(double lo, double hi, int target) {
    Ticks ticks;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
    double raw = (hi - lo) / std::max(target, 1);
    double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        step = m * mag;
        if (step >= raw) break;
    }
    double first = std::ceil(lo / step - 1e-9) * step;
    for (double v = first; v <= hi + step * 1e-9; v += step) ticks.values.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    ticks.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    return ticks;
}

double niceCeil(double v) {
    if (!(v > 0) || !std::isfinite(v)) return 1.0;
    double mag = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= v * (1 - 1e-9)) return m * mag;
    return 10 * mag;
}

std::string formatTick(double v, int decimals) {
    char buffer[48];
    std::snprintf(buffer, sizeof(buffer), "%.*f", std::clamp(decimals, 0, 6), v);
    std::string s = buffer;
    if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);
    return s;
}

void drawText(ImDrawList* draw_list, ImVec2 pos, ImU32 colour, const std::string& text, float font_size) {
    draw_list->AddText(ImGui::GetFont(), font_size, pos, colour, text.c_str(), text.c_str() + text.size());
}

ImVec2 textSize(const std::string& text, float font_size) {
    return ImGui::GetFont()->CalcTextSizeA(font_size, 1e9f, 0.f, text.c_str(), text.c_str() + text.size());
}

float axisLabelWidth(const AxisSpec& axis, float font_size) {
    Ticks ticks = niceTicks(axis.lo, axis.hi, axis.target_ticks);
    float w = 0;
    for (double v : ticks.values) w = std::max(w, textSize(formatTick(v, ticks.decimals), font_size).x);
    return w;
}

namespace {

// The axis's ticks, fewer than it asks for where their numbers would touch (large text on a small plot).
Ticks fittingTicks(const PlotArea& area, const AxisSpec& axis, float font_size) {
    const bool horizontal = axis.side == AxisSide::Bottom;
    const float length = horizontal ? area.width() : area.height();
    for (int target = std::max(axis.target_ticks, 2);; --target) {
        Ticks ticks = niceTicks(axis.lo, axis.hi, target);
        if (ticks.values.size() < 2) return ticks;
        float widest = 0, tallest = 0;
        for (double v : ticks.values) {
            const ImVec2 size = textSize(formatTick(v, ticks.decimals), font_size);
            widest = std::max(widest, size.x);
            tallest = std::max(tallest, size.y);
        }
        const double step = ticks.values[1] - ticks.values[0];
        const float spacing = static_cast<float>(step / (axis.hi - axis.lo)) * length;
        const float needed = horizontal ? widest + font_size * 0.9f : tallest * 1.2f;
        if (spacing >= needed) return ticks;
        if (target <= 2) {
            // Even the fewest ticks run into each other (a narrow panel, large text): the two ends, or the last alone.
            const double span = ticks.values.back() - ticks.values.front();
            const float ends = static_cast<float>(span / (axis.hi - axis.lo)) * length;
            ticks.values = ends >= needed ? std::vector<double>{ticks.values.front(), ticks.values.back()}
                                          : std::vector<double>{ticks.values.back()};
            return ticks;
        }
    }
}

}  // namespace

void drawAxis(ImDrawList* dl, const PlotArea& area, const AxisSpec& axis, float font_size) {
    ImU32 text_colour = axis.colour ? axis.colour : ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 line_colour = axis.colour ? axis.colour : ImGui::GetColorU32(ImGuiCol_Text, 0.75f);
    ImU32 grid_colour = IM_COL32(40, 40, 50, 34);
    float tick_len = font_size * 0.35f;
    Ticks ticks = fittingTicks(area, axis, font_size);
    bool horizontal = axis.side == AxisSide::Bottom;
    auto position = [&](double v) {
        double f = (v - axis.lo) / (axis.hi - axis.lo);
        return horizontal ? area.min.x + static_cast<float>(f) * area.width()
                          : area.max.y - static_cast<float>(f) * area.height();
    };
    if (horizontal) {
        dl->AddLine({area.min.x, area.max.y}, {area.max.x, area.max.y}, line_colour, 1.5f);
    } else {
        float x = axis.side == AxisSide::Left ? area.min.x : area.max.x;
        dl->AddLine({x, area.min.y}, {x, area.max.y}, line_colour, 1.5f);
    }
    for (double v : ticks.values) {
        float p = position(v);
        std::string label = formatTick(v, ticks.decimals);
        ImVec2 size = textSize(label, font_size);
        if (horizontal) {
            if (axis.grid) dl->AddLine({p, area.min.y}, {p, area.max.y}, grid_colour, 1.f);
            dl->AddLine({p, area.max.y}, {p, area.max.y + tick_len}, line_colour, 1.5f);
            if (axis.numbers) drawText(dl, {p - size.x * 0.5f, area.max.y + tick_len + 1}, text_colour, label, font_size);
        } else if (axis.side == AxisSide::Left) {
            if (axis.grid) dl->AddLine({area.min.x, p}, {area.max.x, p}, grid_colour, 1.f);
            dl->AddLine({area.min.x - tick_len, p}, {area.min.x, p}, line_colour, 1.5f);
            if (axis.numbers)
                drawText(dl, {area.min.x - tick_len - 3 - size.x, p - size.y * 0.5f}, text_colour, label, font_size);
        } else {
            if (axis.grid) dl->AddLine({area.min.x, p}, {area.max.x, p}, grid_colour, 1.f);
            // Right of the plot a tick points at the number: keep a gap so "5" never reads as "-5".
            dl->AddLine({area.max.x, p}, {area.max.x + tick_len * 0.6f, p}, line_colour, 1.5f);
            if (axis.numbers)
                drawText(dl, {area.max.x + tick_len * 0.6f + font_size * 0.3f, p - size.y * 0.5f}, text_colour, label,
                         font_size);
        }
    }
    if (!axis.title.empty()) {
        ImVec2 size = textSize(axis.title, font_size);
        if (horizontal) {
            drawText(dl, {area.max.x - size.x, area.max.y + tick_len + size.y + 2}, text_colour, axis.title, font_size);
        } else if (axis.side == AxisSide::Left) {
            drawText(dl, {area.min.x + 4, area.min.y - size.y - 2 - axis.title_lift}, text_colour, axis.title, font_size);
        } else {
            drawText(dl, {area.max.x - size.x, area.min.y - size.y - 2 - axis.title_lift}, text_colour, axis.title,
                     font_size);
        }
    }
}

}  // namespace ganarium
