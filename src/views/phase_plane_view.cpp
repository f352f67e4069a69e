// phase_plane_view.cpp — the Dirac-GAN phase plane, drawn with ImGui draw lists.
#include "views/phase_plane_view.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>

#include "render/colormap.h"
#include "views/axes_overlay.h"
#include "views/draw_primitives.h"
#include "views/panel_title.h"

namespace ganarium {
namespace {

ImU32 colour(Rgba c, float alpha) {
    c.a = alpha;
    return packAbgr(c);
}

const ImU32 kFieldArrow = IM_COL32(110, 116, 130, 255);
const ImU32 kEquilibrium = IM_COL32(20, 20, 28, 255);
const ImU32 kZeroLine = IM_COL32(40, 40, 50, 70);

// Field arrows: each cell gets one, length growing with sqrt(|v| / max |v|) so slow regions still show a direction.
void drawField(ImDrawList* dl, const PlotArea& area, const VectorField& field, float font_size) {
    float vmax = 0;
    for (size_t i = 0; i < field.u.size(); ++i) vmax = std::max(vmax, std::hypot(field.u[i], field.v[i]));
    if (!(vmax > 0) || !std::isfinite(vmax)) return;
    const float cell = std::min(area.width() / field.nx, area.height() / field.ny);
    const float width = std::max(1.0f, font_size * 0.07f);
    for (int iy = 0; iy < field.ny; ++iy) {
        for (int ix = 0; ix < field.nx; ++ix) {
            const size_t i = static_cast<size_t>(iy * field.nx + ix);
            const float u = field.u[i], v = field.v[i], norm = std::hypot(u, v);
            if (!(norm > 0) || !std::isfinite(norm)) continue;
            const double x = field.box.x0 + (ix + 0.5) * (field.box.x1 - field.box.x0) / field.nx;
            const double y = field.box.y0 + (iy + 0.5) * (field.box.y1 - field.box.y0) / field.ny;
            const ImVec2 c = area.toScreen(x, y);
            if (!area.contains(c)) continue;
            const float len = cell * 0.8f * std::sqrt(norm / vmax);
            // Screen y points down: flip the psi component.
            const ImVec2 d(u / norm * len * 0.5f, -v / norm * len * 0.5f);
            drawArrow(dl, ImVec2(c.x - d.x, c.y - d.y), ImVec2(c.x + d.x, c.y + d.y), kFieldArrow, width);
        }
    }
}

// The path: older points faint, the newest kTrailPoints growing to full strength, then the current point.
void drawTrajectory(ImDrawList* dl, const PlotArea& area, const Trajectory& path, float font_size) {
    const size_t n = path.xy.size() / 2;
    if (n == 0) return;
    const float width = std::max(1.5f, font_size * 0.14f);
    const size_t trail_start = n > PhasePlaneView::kTrailPoints ? n - PhasePlaneView::kTrailPoints : 0;
    for (size_t i = 0; i + 1 < n; ++i) {
        const float age = i < trail_start ? 0.0f
                                          : static_cast<float>(i - trail_start + 1) /
                                                static_cast<float>(std::max<size_t>(1, n - trail_start));
        const float alpha = 0.18f + 0.82f * age * age;
        dl->AddLine(area.toScreen(path.xy[2 * i], path.xy[2 * i + 1]),
                    area.toScreen(path.xy[2 * i + 2], path.xy[2 * i + 3]), colour(palette::fake(), alpha), width);
    }
    const ImVec2 now = area.toScreen(path.xy[2 * n - 2], path.xy[2 * n - 1]);
    dl->AddCircleFilled(now, font_size * 0.38f, colour(palette::fake(), 1.0f));
    dl->AddCircle(now, font_size * 0.38f, IM_COL32(40, 20, 0, 255), 0, std::max(1.0f, font_size * 0.06f));
}

void drawMarkers(ImDrawList* dl, const PlotArea& area, const PointSet* start, const PointSet* equilibrium,
                 float font_size) {
    const float r = font_size * 0.45f, w = std::max(1.5f, font_size * 0.11f);
    if (equilibrium) {
        for (size_t i = 0; equilibrium->dim == 2 && i < equilibrium->size(); ++i) {
            const ImVec2 c = area.toScreen(equilibrium->at(i, 0), equilibrium->at(i, 1));
            dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), kEquilibrium, w);
            dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), kEquilibrium, w);
        }
    }
    if (start) {
        for (size_t i = 0; start->dim == 2 && i < start->size(); ++i) {
            const ImVec2 c = area.toScreen(start->at(i, 0), start->at(i, 1));
            if (area.contains(c)) dl->AddCircle(c, r, colour(palette::fakeDark(), 1.0f), 0, w);
        }
    }
}

}  // namespace

std::vector<LegendEntry> phasePlaneLegend(const ViewLabels& labels) {
    return {{labels.trajectory, packAbgr(palette::fake()), LegendSymbol::Line},
            {labels.start, packAbgr(palette::fakeDark()), LegendSymbol::Ring},
            {labels.equilibrium, kEquilibrium, LegendSymbol::Cross}};
}

bool PhasePlaneView::hoveredDataPoint(double&, double&) const {
    return false;  // the plane holds parameters, not data: drawing data never lands here
}

bool PhasePlaneView::clickedPoint(double& x, double& y) const {
    if (!clicked_) return false;
    x = hover_x_;
    y = hover_y_;
    return true;
}

void PhasePlaneView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&,
                          const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float F = overlayFontSize(style);
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    const ImVec2 panel_max(panel_min.x + size.x, panel_min.y + size.y);
    hovered_ = clicked_ = false;

    const VectorField* field = findQuantity<VectorField>(run.parts, quantity_names::kPhaseField);
    const Trajectory* path = findQuantity<Trajectory>(run.parts, quantity_names::kTrajectory);
    const float title_h =
        (style.show_title ? panelTitleHeight(run, style.labels, size.x, F, false) + F * 0.4f : F * 0.5f) +
        F * 1.3f;  // room for the psi axis title above the plot
    const Bounds box = field ? field->box : Bounds{-2, 2, -2, 2};
    const float left_w = axisLabelWidth({AxisSide::Left, box.y0, box.y1, "", true, true, 0, 5}, F) + F * 1.6f;
    area_.min = {panel_min.x + left_w, panel_min.y + title_h};
    area_.max = {panel_max.x - F * 0.8f, panel_max.y - F * 2.6f};
    if (area_.width() < 8 || area_.height() < 8) {
        ImGui::Dummy(size);
        return;
    }
    // Square units, the plot centred in the room it has.
    const float side = std::min(area_.width(), area_.height());
    const ImVec2 centre((area_.min.x + area_.max.x) * 0.5f, (area_.min.y + area_.max.y) * 0.5f);
    area_.min = {centre.x - side * 0.5f, centre.y - side * 0.5f};
    area_.max = {centre.x + side * 0.5f, centre.y + side * 0.5f};
    area_.shown = box;

    ImGui::SetCursorScreenPos(panel_min);
    ImGui::PushID(this);
    ImGui::InvisibleButton("##phase_plane", size);
    ImGui::PopID();
    if (style.interactive) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        if (ImGui::IsItemHovered() && area_.contains(mouse)) {
            hovered_ = true;
            hover_x_ = area_.dataX(mouse.x);
            hover_y_ = area_.dataY(mouse.y);
            clicked_ = ImGui::IsItemClicked(ImGuiMouseButton_Left);
        }
    }

    dl->AddRectFilled(area_.min, area_.max, packAbgr(palette::background()));
    dl->PushClipRect(area_.min, area_.max, true);
    dl->AddLine(area_.toScreen(box.x0, 0), area_.toScreen(box.x1, 0), kZeroLine, 1.0f);
    dl->AddLine(area_.toScreen(0, box.y0), area_.toScreen(0, box.y1), kZeroLine, 1.0f);
    if (field) drawField(dl, area_, *field, F);
    if (path) drawTrajectory(dl, area_, *path, F);
    drawMarkers(dl, area_, findQuantity<PointSet>(run.parts, quantity_names::kStart),
                findQuantity<PointSet>(run.parts, quantity_names::kEquilibrium), F);
    dl->PopClipRect();

    drawAxis(dl, area_, {AxisSide::Bottom, box.x0, box.x1, style.labels.theta, true, true, 0, 5}, F);
    drawAxis(dl, area_, {AxisSide::Left, box.y0, box.y1, style.labels.psi, true, true, 0, 5}, F);
    if (style.show_title) drawPanelTitle(dl, panel_min, size.x, run, style.labels, F, false);
    if (style.show_legend) {
        drawLegend(dl, area_.min, area_.max, LegendCorner::TopRight, phasePlaneLegend(style.labels), F * 0.9f);
    }
    if (hovered_) {
        char text[96];
        std::snprintf(text, sizeof text, "\u03B8 %.2f  \u03C8 %.2f  |  %s", hover_x_, hover_y_,
                      style.labels.phase_hint.c_str());
        const ImVec2 ts = textSize(text, F * 0.9f);
        const ImVec2 at(area_.min.x + F * 0.3f, area_.max.y - ts.y - F * 0.3f);
        dl->AddRectFilled(ImVec2(at.x - 3, at.y - 2), ImVec2(at.x + ts.x + 3, at.y + ts.y + 2), IM_COL32(30, 30, 36, 220),
                          3.0f);
        drawText(dl, at, IM_COL32(255, 255, 255, 255), text, F * 0.9f);
    }
    ImGui::SetCursorScreenPos(panel_min);
    ImGui::Dummy(size);
}

}  // namespace ganarium
