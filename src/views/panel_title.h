// panel_title.h — a panel's title: the run name (with its objective when the
// name does not already say it) and the key numbers (step, JS, W1, modes),
// on one line when they fit the panel, else on two, ellipsized so that
// nothing spills into the neighbouring panel; and a red DIVERGED banner.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/snapshot.h"
#include "views/run_view.h"

namespace ganarium {

// The mode numbers of the drawn fakes, e.g. "modes covered 8/8 · hq 12%" (the share left out while unknown), so a
// full count of a diffuse blob does not read as success.
std::string modesSummary(const ModeMarkers& modes, const ViewLabels& labels);

// The full one-line title, e.g. "NS-GAN · non-saturating · step 1,200 · modes covered 5/8 · hq 64% · JS 0.123 · W1 0.045".
std::string panelTitleText(const RunSnapshot& run, const ViewLabels& labels = {}, bool include_modes = true);

// The title's lines as drawn within `width` pixels (each line fits; the last one may be the numbers line).
std::vector<std::string> panelTitleLines(const RunSnapshot& run, const ViewLabels& labels, float width,
                                         float font_size, bool include_modes);

// `text` cut at a character boundary and ended with "..." so that it is at most `width` pixels wide.
std::string ellipsize(const std::string& text, float width, float font_size);

// Height the title needs within `width` (one or two lines, plus the banner when diverged).
float panelTitleHeight(const RunSnapshot& run, const ViewLabels& labels, float width, float font_size,
                       bool include_modes);

// Draws the title at `pos` within `width`; returns the height used.
float drawPanelTitle(ImDrawList* draw_list, ImVec2 pos, float width, const RunSnapshot& run, const ViewLabels& labels,
                     float font_size, bool include_modes);

}  // namespace ganarium
