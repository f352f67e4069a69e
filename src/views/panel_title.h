// panel_title.h — a panel's title line: run name, objective, step and key
// numbers (JS, W1, modes covered), and a red DIVERGED banner with its reason.
#pragma once

#include <string>

#include <imgui.h>

#include "core/snapshot.h"

namespace ganarium {

// The compact title text, e.g. "NS-GAN · non_saturating · step 1,200 · JS 0.123 · W1 0.045 · modes 5/8".
std::string panelTitleText(const RunSnapshot& run);

// Height the title needs (one line, two when diverged).
float panelTitleHeight(const RunSnapshot& run, float font_size);

// Draws the title at `pos` clipped to `width`; returns the height used.
float drawPanelTitle(ImDrawList* draw_list, ImVec2 pos, float width, const RunSnapshot& run, float font_size);

}  // namespace ganarium
