// weights_view.h — the weights panel: a histogram of D's weights with the
// clipping bounds ±c marked (weight clipping piles weights up there), and the
// histogram of ||grad_x D|| at the gradient-penalty interpolates with 1 marked.
#pragma once

#include <imgui.h>

#include "core/snapshot.h"
#include "views/plots_view.h"

namespace ganarium {

// Translated labels the caller provides.
struct WeightsTexts {
    const char* d_weights = "D weights";
    const char* gp_norms = "||grad D|| at interpolates";
    const char* no_gp = "no gradient penalty in this run";
    const char* run = "Run";
    const char* no_weights = "no weights yet";
    bool chinese = false;  // run names from name_zh when set
};

// The weights panel. Remembers which run it shows.
class WeightsView {
public:
    // Draws the panel filling `size` at the ImGui cursor.
    void draw(const Snapshot& snapshot, const WeightsTexts& texts, const PlotStyle& style, ImVec2 size);

    int run = -1;  // run shown; -1 = the first run that clips or penalises gradients

    // The run `run == -1` resolves to for this snapshot.
    static int autoRun(const Snapshot& snapshot);
};

// Draws one histogram in [p0, p1] with a title and vertical markers at `marks` (nmarks values).
void drawHistogram(ImDrawList* list, const Histogram& hist, const char* title, const double* marks, int nmarks,
                   const char* mark_label, ImU32 bar_color, float font_size, ImVec2 p0, ImVec2 p1);

}  // namespace ganarium
