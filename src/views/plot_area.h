// plot_area.h — where a panel's plot sits on screen and which data box it
// shows: the mapping between data and screen coordinates shared by the GL
// layers and the ImGui overlays, plus pan/zoom/hover on the shared camera.
#pragma once

#include <imgui.h>

#include "core/snapshot.h"
#include "views/run_view.h"

namespace ganarium {

// Screen rectangle of the plot and the data box it shows (y up in data, down on screen).
struct PlotArea {
    ImVec2 min{0, 0}, max{1, 1};
    Bounds shown;

    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    // Screen x of data x.
    float screenX(double x) const {
        return min.x + static_cast<float>((x - shown.x0) / (shown.x1 - shown.x0)) * width();
    }
    // Screen y of data y.
    float screenY(double y) const {
        return max.y - static_cast<float>((y - shown.y0) / (shown.y1 - shown.y0)) * height();
    }
    ImVec2 toScreen(double x, double y) const { return {screenX(x), screenY(y)}; }
    // Data x of screen x.
    double dataX(float sx) const { return shown.x0 + (sx - min.x) / width() * (shown.x1 - shown.x0); }
    // Data y of screen y.
    double dataY(float sy) const { return shown.y0 + (max.y - sy) / height() * (shown.y1 - shown.y0); }
    bool contains(ImVec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

// `box` grown around its centre so that one data unit has the same length on both screen axes.
Bounds fitEqualAspect(const Bounds& box, float width, float height);

// Takes the snapshot's view box on first use.
void initialiseCamera(ViewCamera& camera, const Bounds& view);

// Pans (drag) and zooms (wheel, about the mouse) `camera` from the input on the last ImGui item,
// which must cover `area`; `x_only` keeps y untouched (1D). Returns true if the camera changed.
bool applyPanZoom(ViewCamera& camera, const PlotArea& area, bool x_only);

// Text height used by a panel's overlays (the ImGui font size times the style's scale).
float overlayFontSize(const ViewStyle& style);

}  // namespace ganarium
