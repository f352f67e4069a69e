// draw_primitives.h — small ImGui draw-list shapes several views share:
// an arrow with a filled head.
#pragma once

#include <imgui.h>

namespace ganarium {

// A line from `from` to `to` of `width` pixels ending in a filled triangular head (nothing under 1 pixel).
void drawArrow(ImDrawList* draw_list, ImVec2 from, ImVec2 to, ImU32 colour, float width);

}  // namespace ganarium
