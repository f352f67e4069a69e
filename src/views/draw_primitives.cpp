// draw_primitives.cpp — shared draw-list shapes.
#include "views/draw_primitives.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

void drawArrow(ImDrawList* draw_list, ImVec2 from, ImVec2 to, ImU32 colour, float width) {
    const float len = std::hypot(to.x - from.x, to.y - from.y);
    if (len < 1) return;
    const ImVec2 d{(to.x - from.x) / len, (to.y - from.y) / len}, n{-d.y, d.x};
    const float head = std::min(len * 0.5f, width * 3.5f + 2.f), half = width * 2.f + 1.f;
    const ImVec2 base{to.x - d.x * head, to.y - d.y * head};
    draw_list->AddLine(from, base, colour, width);
    draw_list->AddTriangleFilled(to, {base.x + n.x * half, base.y + n.y * half},
                                 {base.x - n.x * half, base.y - n.y * half}, colour);
}

}  // namespace ganarium
