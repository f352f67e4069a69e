// trimmed_glyphs.h — test helper: the glyphs of one rendered ImGui frame, read
// back from ImGui's draw data (every text item ends up there as textured
// quads), to check that no text is clipped at the edge of its window, panel
// or widget and that no two texts overlap. Call after ImGui::Render().
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <sstream>
#include <string>
#include <vector>

#include <imgui.h>

namespace ganarium::test::trimmed {

// One glyph as drawn: its screen rectangle, its clip rectangle, and where it sits in the draw data.
struct GlyphRect {
    ImVec2 min, max;
    ImVec4 clip;  // x0, y0, x1, y1
    ImVec2 uv;    // top-left texture coordinate (tells glyphs apart)
    int list = 0, order = 0;
    bool trimmed_x = false;  // cut on the left or right by ImGui's CPU clipping (RenderTextClipped: combos, buttons)
};

// Texture coordinates of every glyph's corners in the atlas, as integer keys (for telling trimmed quads).
struct GlyphCorners {
    std::map<std::pair<long, long>, std::pair<long, long>> end_of, start_of;  // top-left -> bottom-right and back
};

inline std::pair<long, long> uvKey(float u, float v) {
    return {std::lround(static_cast<double>(u) * 1e6), std::lround(static_cast<double>(v) * 1e6)};
}

inline GlyphCorners atlasGlyphCorners() {
    GlyphCorners corners;
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    for (const ImFont* font : atlas.Fonts) {
        for (const ImFontGlyph& g : font->Glyphs) {
            corners.end_of[uvKey(g.U0, g.V0)] = uvKey(g.U1, g.V1);
            corners.start_of[uvKey(g.U1, g.V1)] = uvKey(g.U0, g.V0);
        }
    }
    return corners;
}

// Every textured quad of the frame's draw data that samples the font atlas (not its white pixel).
inline std::vector<GlyphRect> frameGlyphs() {
    std::vector<GlyphRect> out;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return out;
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    const GlyphCorners corners = atlasGlyphCorners();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        int order = 0;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.TextureId != ImGui::GetIO().Fonts->TexID) continue;
            // Glyph quads are 6 indices (v, v+1, v+2, v, v+2, v+3) sampling the atlas; other shapes (rounded
            // frames, triangles, anti-aliased fills) have other counts, so walk triangle by triangle.
            const unsigned end_index = cmd.IdxOffset + cmd.ElemCount;
            for (unsigned i = cmd.IdxOffset; i + 2 < end_index;) {
                const auto idx = [&](unsigned k) { return static_cast<unsigned>(list->IdxBuffer[static_cast<int>(k)]); };
                const bool quad = i + 5 < end_index && idx(i + 1) == idx(i) + 1 && idx(i + 2) == idx(i) + 2 &&
                                  idx(i + 3) == idx(i) && idx(i + 4) == idx(i) + 2 && idx(i + 5) == idx(i) + 3;
                if (!quad) {
                    i += 3;
                    continue;
                }
                const ImDrawVert& a = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + idx(i))];
                const ImDrawVert& c = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + idx(i + 2))];
                i += 6;
                if (std::fabs(a.uv.x - white.x) < 1e-6f && std::fabs(a.uv.y - white.y) < 1e-6f) continue;
                if (std::fabs(a.uv.x - c.uv.x) < 1e-7f || std::fabs(a.uv.y - c.uv.y) < 1e-7f) continue;  // not a glyph
                GlyphRect g;
                g.min = ImVec2(std::min(a.pos.x, c.pos.x), std::min(a.pos.y, c.pos.y));
                g.max = ImVec2(std::max(a.pos.x, c.pos.x), std::max(a.pos.y, c.pos.y));
                g.clip = cmd.ClipRect;
                g.uv = a.uv;
                // A whole glyph starts and ends on atlas corners; a glyph cut at the side keeps only one of them
                // (its u changed at the cut side, its v unchanged: not a vertical cut of a scrolled list).
                const auto start = uvKey(a.uv.x, a.uv.y), end = uvKey(c.uv.x, c.uv.y);
                if (const auto whole = corners.end_of.find(start); whole != corners.end_of.end())
                    g.trimmed_x = whole->second.first != end.first;  // cut on the right
                else if (const auto from = corners.start_of.find(end); from != corners.start_of.end())
                    g.trimmed_x = from->second.first != start.first;  // cut on the left
                else
                    continue;  // no glyph's corner: an anti-aliased line from the atlas's baked line texture
                g.list = l;
                g.order = order++;
                out.push_back(g);
            }
        }
    }
    return out;
}

// Glyphs cut by the left or right edge of their clip rectangle (partly inside, partly outside, or drawn
// just outside it: text that should have been there), or trimmed by ImGui's CPU clipping of a widget's
// text (a combo's value, a button's label). Vertical clipping is a scrolled list, not a defect.
inline std::vector<GlyphRect> horizontallyClippedGlyphs(const std::vector<GlyphRect>& glyphs, float tolerance = 1.0f) {
    std::vector<GlyphRect> out;
    for (const GlyphRect& g : glyphs) {
        const bool rows_visible = g.max.y > g.clip.y + tolerance && g.min.y < g.clip.w - tolerance;
        if (!rows_visible) continue;
        const bool cut_right = g.max.x > g.clip.z + tolerance && g.min.x < g.clip.z + g.max.y - g.min.y;
        const bool cut_left = g.min.x < g.clip.x - tolerance && g.max.x > g.clip.x - (g.max.y - g.min.y);
        if (cut_right || cut_left || g.trimmed_x) out.push_back(g);
    }
    return out;
}

// Pairs of glyphs of different texts that overlap by more than `share` of the smaller one's area
// (neighbours in one string and a glyph drawn twice at the same place, e.g. a shadow, are not counted).
inline int overlappingGlyphPairs(const std::vector<GlyphRect>& glyphs, float share = 0.3f, std::string* first = nullptr) {
    int pairs = 0;
    for (size_t i = 0; i < glyphs.size(); ++i) {
        const GlyphRect& a = glyphs[i];
        const float area_a = (a.max.x - a.min.x) * (a.max.y - a.min.y);
        for (size_t j = i + 1; j < glyphs.size(); ++j) {
            const GlyphRect& b = glyphs[j];
            if (a.list == b.list && std::abs(a.order - b.order) <= 1) continue;
            const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
            const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
            if (w <= 0 || h <= 0) continue;
            // Only what is visible in both clip rectangles can collide on screen.
            const float cx0 = std::max({a.min.x, b.min.x, a.clip.x, b.clip.x});
            const float cx1 = std::min({a.max.x, b.max.x, a.clip.z, b.clip.z});
            const float cy0 = std::max({a.min.y, b.min.y, a.clip.y, b.clip.y});
            const float cy1 = std::min({a.max.y, b.max.y, a.clip.w, b.clip.w});
            if (cx1 <= cx0 || cy1 <= cy0) continue;
            const bool same_glyph_shifted = a.uv.x == b.uv.x && a.uv.y == b.uv.y &&
                                            std::fabs(a.min.x - b.min.x) <= 2.5f && std::fabs(a.min.y - b.min.y) <= 2.5f;
            if (same_glyph_shifted) continue;
            const float area_b = (b.max.x - b.min.x) * (b.max.y - b.min.y);
            if ((cx1 - cx0) * (cy1 - cy0) > share * std::min(area_a, area_b)) {
                if (pairs == 0 && first) {
                    std::ostringstream msg;
                    msg << "glyphs at (" << a.min.x << "," << a.min.y << ") and (" << b.min.x << "," << b.min.y << ")";
                    *first = msg.str();
                }
                ++pairs;
            }
        }
    }
    return pairs;
}

// "(x, y) clip [x0, x1]" of the first few glyphs, for failure messages.
inline std::string describeGlyphs(const std::vector<GlyphRect>& glyphs, size_t most = 5) {
    std::ostringstream out;
    for (size_t i = 0; i < glyphs.size() && i < most; ++i)
        out << "(" << glyphs[i].min.x << "," << glyphs[i].min.y << ")-(" << glyphs[i].max.x << "," << glyphs[i].max.y
            << ") clip x [" << glyphs[i].clip.x << ", " << glyphs[i].clip.z << "]; ";
    return out.str();
}

}  // namespace ganarium::test::trimmed
