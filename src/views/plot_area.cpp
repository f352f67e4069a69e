// plot_area.cpp — aspect fitting, camera initialisation, pan and zoom.
#include "views/plot_area.h"

#include <cmath>

namespace ganarium {

Bounds fitEqualAspect(const Bounds& box, float width, float height) {
    double w = box.x1 - box.x0, h = box.y1 - box.y0;
    if (width <= 0 || height <= 0 || w <= 0 || h <= 0) return box;
    double screen_aspect = static_cast<double>(width) / height;
    Bounds out = box;
    double cx = 0.5 * (box.x0 + box.x1), cy = 0.5 * (box.y0 + box.y1);
    if (w / h < screen_aspect) {
        double half = 0.5 * h * screen_aspect;
        out.x0 = cx - half;
        out.x1 = cx + half;
    } else {
        double half = 0.5 * w / screen_aspect;
        out.y0 = cy - half;
        out.y1 = cy + half;
    }
    return out;
}

void initialiseCamera(ViewCamera& camera, const Bounds& view) {
    if (camera.initialised) return;
    camera.box = view;
    camera.initialised = true;
}

bool applyPanZoom(ViewCamera& camera, const PlotArea& area, bool x_only) {
    if (camera.fixed_axes) return false;
    const ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    double sx = (area.shown.x1 - area.shown.x0) / area.width();
    double sy = (area.shown.y1 - area.shown.y0) / area.height();
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.f) &&
        (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        double dx = io.MouseDelta.x * sx, dy = io.MouseDelta.y * sy;
        camera.box.x0 -= dx;
        camera.box.x1 -= dx;
        if (!x_only) {
            camera.box.y0 += dy;
            camera.box.y1 += dy;
        }
        changed = true;
    }
    if (ImGui::IsItemHovered() && io.MouseWheel != 0 && area.contains(io.MousePos)) {
        double factor = std::pow(0.85, static_cast<double>(io.MouseWheel));
        double mx = area.dataX(io.MousePos.x), my = area.dataY(io.MousePos.y);
        camera.box.x0 = mx + (camera.box.x0 - mx) * factor;
        camera.box.x1 = mx + (camera.box.x1 - mx) * factor;
        if (!x_only) {
            camera.box.y0 = my + (camera.box.y0 - my) * factor;
            camera.box.y1 = my + (camera.box.y1 - my) * factor;
        }
        changed = true;
    }
    return changed;
}

float overlayFontSize(const ViewStyle& style) { return ImGui::GetFontSize() * style.font_scale; }

}  // namespace ganarium
