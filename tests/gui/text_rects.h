// text_rects.h — test helper: the rectangle of every glyph an ImGui frame
// draws, read back from its draw data (quads whose UVs are a font glyph's),
// and checks that no text is clipped (cut by its clip rectangle, CPU-clipped
// by ImGui, or outside the display) or drawn over other text. Works for any
// frame (the window, the recorder); keep it free of app specifics so other
// layout checks can share it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

namespace ganarium::test {

// One drawn glyph: where, in which clip rectangle, and whether ImGui cut it on the CPU.
struct GlyphRect {
    ImVec2 min, max;          // screen pixels
    ImVec2 clip_min, clip_max;  // its draw command's clip rectangle
    ImVec2 uv_min;            // atlas position (tells copies of one glyph apart from other glyphs)
    bool cpu_clipped = false;  // a part of a glyph: RenderTextClipped cut its left or right (a shortened label)
};

namespace detail {

struct GlyphUv {
    float u0, v0, u1, v1;
};

inline std::vector<GlyphUv> atlasGlyphUvs(const ImFontAtlas& atlas) {
    std::vector<GlyphUv> uvs;
    for (const ImFont* font : atlas.Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) uvs.push_back({g.U0, g.V0, g.U1, g.V1});
    return uvs;
}

}  // namespace detail

// Every glyph quad of `data` drawn with the font atlas `atlas`.
inline std::vector<GlyphRect> glyphRects(const ImDrawData& data, const ImFontAtlas& atlas) {
    const std::vector<detail::GlyphUv> uvs = detail::atlasGlyphUvs(atlas);
    const float eps = 1e-6f;
    const float texel = 1.0f / static_cast<float>(std::max(1, atlas.TexWidth));  // one atlas pixel in u
    std::vector<GlyphRect> out;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback || cmd.GetTexID() != atlas.TexID) continue;
            // Glyph quads are 6 indices (v, v+1, v+2, v, v+2, v+3); other shapes (a combo's arrow, rounded
            // frames) have other counts, so walk triangle by triangle, or every glyph after an odd shape is missed.
            for (unsigned int i = 0; i + 3 <= cmd.ElemCount;) {
                const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset + i;
                if (i + 6 > cmd.ElemCount || idx[1] != idx[0] + 1 || idx[2] != idx[0] + 2 || idx[3] != idx[0] ||
                    idx[4] != idx[0] + 2 || idx[5] != idx[0] + 3) {
                    i += 3;  // one triangle of a line, circle or polygon
                    continue;
                }
                i += 6;
                const unsigned int base = cmd.VtxOffset + idx[0];
                const ImDrawVert& a = list.VtxBuffer[static_cast<int>(base)];
                const ImDrawVert& c = list.VtxBuffer[static_cast<int>(base + 2)];
                if (a.uv.x == c.uv.x || a.uv.y == c.uv.y) continue;  // solid fill (white pixel)
                for (const detail::GlyphUv& g : uvs) {
                    const bool inside = a.uv.x >= g.u0 - eps && c.uv.x <= g.u1 + eps && a.uv.y >= g.v0 - eps &&
                                        c.uv.y <= g.v1 + eps;
                    if (!inside) continue;
                    // A horizontal cut of more than a pixel and a half shortens a label (ImGui's CPU clipping may
                    // trim a pixel of a glyph's empty edge); a vertical cut is a line scrolled half out of a list.
                    const bool whole = (g.u1 - g.u0) - (c.uv.x - a.uv.x) <= 1.5f * texel;
                    out.push_back({a.pos, c.pos, ImVec2(cmd.ClipRect.x, cmd.ClipRect.y),
                                   ImVec2(cmd.ClipRect.z, cmd.ClipRect.w), ImVec2(g.u0, g.v0), !whole});
                    break;
                }
            }
        }
    }
    return out;
}

// What is wrong with the text of a frame: one line per problem (empty: all text readable).
struct TextProblems {
    std::vector<std::string> clipped, overlapping;
};

// Clipped: a CPU-clipped glyph, a glyph more than `slack` pixels beyond the left or right of its clip rectangle, or
// outside the display.
// Overlapping: the visible parts (inside their clip rectangles) of two different glyphs (not one glyph drawn twice
// as a shadow) sharing more than a quarter of the smaller one's visible area.
inline TextProblems findTextProblems(const std::vector<GlyphRect>& glyphs, ImVec2 display, float slack = 1.0f) {
    TextProblems p;
    char line[160];
    for (const GlyphRect& g : glyphs) {
        // Cut on the left or right: a shortened label. (A line cut at the top or bottom of a scrolling list is not.)
        const bool outside_clip = g.min.x < g.clip_min.x - slack || g.max.x > g.clip_max.x + slack;
        // A glyph wholly outside its clip rectangle is not drawn (a row scrolled out of a panel): nothing to judge.
        if (g.max.x <= g.clip_min.x || g.min.x >= g.clip_max.x || g.max.y <= g.clip_min.y || g.min.y >= g.clip_max.y)
            continue;
        // Off screen: the part its clip rectangle shows reaches beyond the display (a panel scrolled past the
        // display's bottom edge clips its rows there, which is not a defect).
        const ImVec2 shown_min(std::max(g.min.x, g.clip_min.x), std::max(g.min.y, g.clip_min.y));
        const ImVec2 shown_max(std::min(g.max.x, g.clip_max.x), std::min(g.max.y, g.clip_max.y));
        const bool outside_display = shown_min.x < -slack || shown_min.y < -slack || shown_max.x > display.x + slack ||
                                     shown_max.y > display.y + slack;
        if (g.cpu_clipped || outside_clip || outside_display) {
            std::snprintf(line, sizeof line, "glyph at (%.0f, %.0f)-(%.0f, %.0f) %s", g.min.x, g.min.y, g.max.x,
                          g.max.y, g.cpu_clipped ? "cut by its widget" : outside_display ? "off screen" : "clipped");
            p.clipped.push_back(line);
        }
    }
    // Only the visible part of a glyph counts (a row cut at the bottom of a scrolling panel is hidden there).
    struct Box {
        ImVec2 min, max;
        float area() const { return (max.x - min.x) * (max.y - min.y); }
    };
    auto visible = [](const GlyphRect& g) {
        return Box{ImVec2(std::max(g.min.x, g.clip_min.x), std::max(g.min.y, g.clip_min.y)),
                   ImVec2(std::min(g.max.x, g.clip_max.x), std::min(g.max.y, g.clip_max.y))};
    };
    for (size_t i = 0; i < glyphs.size(); ++i) {
        const GlyphRect& a = glyphs[i];
        const Box va = visible(a);
        if (va.max.x <= va.min.x || va.max.y <= va.min.y) continue;
        for (size_t j = i + 1; j < glyphs.size(); ++j) {
            const GlyphRect& b = glyphs[j];
            const Box vb = visible(b);
            if (vb.max.x <= vb.min.x || vb.max.y <= vb.min.y) continue;
            const float w = std::min(va.max.x, vb.max.x) - std::max(va.min.x, vb.min.x);
            const float h = std::min(va.max.y, vb.max.y) - std::max(va.min.y, vb.min.y);
            if (w <= 0 || h <= 0) continue;
            const bool same_glyph = a.uv_min.x == b.uv_min.x && a.uv_min.y == b.uv_min.y;
            if (same_glyph && std::fabs(a.min.x - b.min.x) <= 2.5f && std::fabs(a.min.y - b.min.y) <= 2.5f)
                continue;  // a shadow or halo copy of the same glyph
            if (w * h <= 0.25f * std::min(va.area(), vb.area())) continue;
            std::snprintf(line, sizeof line, "glyphs at (%.0f, %.0f) and (%.0f, %.0f) overlap", a.min.x, a.min.y,
                          b.min.x, b.min.y);
            p.overlapping.push_back(line);
        }
    }
    return p;
}

}  // namespace ganarium::test
