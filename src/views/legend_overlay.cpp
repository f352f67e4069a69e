// legend_overlay.cpp — legend box and colour bars.
#include "views/legend_overlay.h"

#include <algorithm>

#include "views/axes_overlay.h"

namespace ganarium {

namespace {

ImU32 toU32(const Rgba& c) { return packAbgr(c); }

void drawSymbol(ImDrawList* dl, ImVec2 centre, float size, const LegendEntry& e) {
    float h = size * 0.5f;
    ImU32 outline = toU32(palette::outline());
    switch (e.symbol) {
        case LegendSymbol::Dot:
            dl->AddCircleFilled(centre, size * 0.3f, e.colour, 16);
            dl->AddCircle(centre, size * 0.3f, outline, 16, 1.f);
            break;
        case LegendSymbol::Line: dl->AddLine({centre.x - h, centre.y}, {centre.x + h, centre.y}, e.colour, 3.f); break;
        case LegendSymbol::DashedLine:
            dl->AddLine({centre.x - h, centre.y}, {centre.x - h * 0.2f, centre.y}, e.colour, 2.5f);
            dl->AddLine({centre.x + h * 0.2f, centre.y}, {centre.x + h, centre.y}, e.colour, 2.5f);
            break;
        case LegendSymbol::Filled:
            dl->AddRectFilled({centre.x - h, centre.y - h * 0.6f}, {centre.x + h, centre.y + h * 0.6f}, e.colour);
            break;
        case LegendSymbol::Arrow:
            dl->AddLine({centre.x - h, centre.y}, {centre.x + h * 0.3f, centre.y}, e.colour, 2.f);
            dl->AddTriangleFilled({centre.x + h, centre.y}, {centre.x + h * 0.2f, centre.y - h * 0.4f},
                                  {centre.x + h * 0.2f, centre.y + h * 0.4f}, e.colour);
            break;
        case LegendSymbol::Ring: dl->AddCircle(centre, size * 0.34f, e.colour, 20, 2.5f); break;
        case LegendSymbol::Cross:
            dl->AddLine({centre.x - h * 0.5f, centre.y - h * 0.5f}, {centre.x + h * 0.5f, centre.y + h * 0.5f}, e.colour, 2.5f);
            dl->AddLine({centre.x - h * 0.5f, centre.y + h * 0.5f}, {centre.x + h * 0.5f, centre.y - h * 0.5f}, e.colour, 2.5f);
            break;
    }
}

}  // namespace

ImVec2 drawLegend(ImDrawList* dl, ImVec2 min, ImVec2 max, LegendCorner corner, const std::vector<LegendEntry>& entries,
                  float font_size) {
    if (entries.empty()) return {0, 0};
    float pad = font_size * 0.4f, symbol = font_size * 1.3f, row = font_size * 1.25f;
    ImVec2 size = legendBoxSize(entries, font_size);
    float margin = font_size * 0.4f;
    ImVec2 origin = corner == LegendCorner::TopRight ? ImVec2{max.x - margin - size.x, min.y + margin}
                                                     : ImVec2{min.x + margin, min.y + margin};
    dl->AddRectFilled(origin, {origin.x + size.x, origin.y + size.y}, IM_COL32(255, 255, 255, 215), font_size * 0.25f);
    dl->AddRect(origin, {origin.x + size.x, origin.y + size.y}, IM_COL32(60, 60, 70, 110), font_size * 0.25f);
    ImU32 text = IM_COL32(25, 25, 30, 255);
    for (size_t i = 0; i < entries.size(); ++i) {
        float y = origin.y + pad + row * static_cast<float>(i);
        drawSymbol(dl, {origin.x + pad + symbol * 0.5f, y + row * 0.5f}, symbol, entries[i]);
        drawText(dl, {origin.x + pad + symbol + pad, y + (row - font_size) * 0.5f}, text, entries[i].label, font_size);
    }
    return size;
}

namespace {

// Lays out entries in rows; calls `place(entry, x, y)` for each and returns the total height.
template <typename Place>
float layoutRows(const std::vector<LegendEntry>& entries, float width, float font_size, Place place) {
    if (entries.empty()) return 0.f;
    float symbol = font_size * 1.3f, gap = font_size * 0.3f, spacing = font_size * 1.1f, row = font_size * 1.3f;
    float x = 0, y = 0;
    for (const auto& e : entries) {
        float w = symbol + gap + textSize(e.label, font_size).x;
        if (x > 0 && x + w > width) {
            x = 0;
            y += row;
        }
        place(e, x, y);
        x += w + spacing;
    }
    return y + row;
}

}  // namespace

float legendRowsHeight(const std::vector<LegendEntry>& entries, float width, float font_size) {
    if (entries.empty()) return 0.f;
    float pad = font_size * 0.25f;
    return layoutRows(entries, width - 2 * pad, font_size, [](const LegendEntry&, float, float) {}) + 2 * pad;
}

std::vector<LegendEntry> entriesInOneRow(const std::vector<LegendEntry>& entries, float width, float font_size) {
    std::vector<LegendEntry> row;
    float pad = font_size * 0.25f;
    layoutRows(entries, width - 2 * pad, font_size, [&](const LegendEntry& e, float, float y) {
        if (y == 0.f) row.push_back(e);
    });
    return row;
}

float drawLegendRows(ImDrawList* dl, ImVec2 pos, float width, const std::vector<LegendEntry>& entries, float font_size) {
    if (entries.empty()) return 0.f;
    float symbol = font_size * 1.3f, gap = font_size * 0.3f, row = font_size * 1.3f, pad = font_size * 0.25f;
    // Measure first: the light box behind the rows matches the plot background so symbols read the same.
    float used_w = 0;
    float height = layoutRows(entries, width - 2 * pad, font_size, [&](const LegendEntry& e, float x, float) {
        used_w = std::max(used_w, x + symbol + gap + textSize(e.label, font_size).x);
    });
    dl->AddRectFilled(pos, {pos.x + used_w + 2 * pad, pos.y + height + 2 * pad}, IM_COL32(250, 250, 248, 235),
                      font_size * 0.25f);
    ImU32 text = IM_COL32(25, 25, 30, 255);
    layoutRows(entries, width - 2 * pad, font_size, [&](const LegendEntry& e, float x, float y) {
        drawSymbol(dl, {pos.x + pad + x + symbol * 0.5f, pos.y + pad + y + row * 0.5f}, symbol, e);
        drawText(dl, {pos.x + pad + x + symbol + gap, pos.y + pad + y + (row - font_size) * 0.5f}, text, e.label,
                 font_size);
    });
    return height + 2 * pad;
}

// Size of the legend box drawn by drawLegend.
ImVec2 legendBoxSize(const std::vector<LegendEntry>& entries, float font_size) {
    if (entries.empty()) return {0, 0};
    float pad = font_size * 0.4f, symbol = font_size * 1.3f, row = font_size * 1.25f;
    float text_w = 0;
    for (const auto& e : entries) text_w = std::max(text_w, textSize(e.label, font_size).x);
    return {pad * 2 + symbol + pad + text_w, pad * 2 + row * static_cast<float>(entries.size())};
}

float colourBarWidth(const ColourBar& bar, float font_size) {
    Ticks ticks = niceTicks(bar.lo, bar.hi, 4);
    float label_w = 0;
    for (double v : ticks.values) label_w = std::max(label_w, textSize(formatTick(v, ticks.decimals), font_size).x);
    return std::max(font_size * 0.8f + font_size * 0.55f + label_w, textSize(bar.title, font_size).x) + font_size * 0.3f;
}

void drawColourBar(ImDrawList* dl, ImVec2 top_left, float height, const ColourBar& bar, float font_size) {
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    float title_h = bar.title.empty() ? 0.f : font_size * 1.3f;
    if (!bar.title.empty()) drawText(dl, top_left, text, bar.title, font_size);
    float y0 = top_left.y + title_h + font_size * 0.5f, y1 = top_left.y + height - font_size * 0.5f;
    float x0 = top_left.x, x1 = top_left.x + font_size * 0.8f;
    if (y1 <= y0) return;
    const int segments = 48;
    for (int i = 0; i < segments; ++i) {
        float ta = static_cast<float>(i) / segments, tb = static_cast<float>(i + 1) / segments;
        ImU32 ca = toU32(heatmapDisplayColour(bar.colormap, ta, bar.opacity));
        ImU32 cb = toU32(heatmapDisplayColour(bar.colormap, tb, bar.opacity));
        float ya = y1 - ta * (y1 - y0), yb = y1 - tb * (y1 - y0);
        dl->AddRectFilledMultiColor({x0, yb}, {x1, ya}, cb, cb, ca, ca);
    }
    dl->AddRect({x0, y0}, {x1, y1}, ImGui::GetColorU32(ImGuiCol_Text, 0.6f));
    auto ypos = [&](double v) { return y1 - static_cast<float>((v - bar.lo) / (bar.hi - bar.lo)) * (y1 - y0); };
    // Fewer numbers on short bars, so they never overlap (at least 1.4 font heights apart).
    int target = std::clamp(static_cast<int>((y1 - y0) / (font_size * 1.4f)), 1, 4);
    Ticks ticks = niceTicks(bar.lo, bar.hi, target);
    auto crowded = [&](const Ticks& t) {
        return t.values.size() > 2 && (y1 - y0) / static_cast<float>(t.values.size() - 1) < font_size * 1.1f;
    };
    while (target > 1 && crowded(ticks)) ticks = niceTicks(bar.lo, bar.hi, --target);
    for (double v : ticks.values) {
        float y = ypos(v);
        // Short tick, clear gap: a tick touching "100" would read as "-100" from the back of a room.
        dl->AddLine({x1, y}, {x1 + font_size * 0.2f, y}, text, 1.5f);
        drawText(dl, {x1 + font_size * 0.55f, y - font_size * 0.5f}, text, formatTick(v, ticks.decimals), font_size);
    }
    for (double m : bar.marks) {
        if (m < bar.lo || m > bar.hi) continue;
        float y = ypos(m);
        dl->AddLine({x0 - font_size * 0.2f, y}, {x1 + font_size * 0.2f, y}, IM_COL32(20, 20, 25, 255), 2.5f);
    }
}

}  // namespace ganarium
