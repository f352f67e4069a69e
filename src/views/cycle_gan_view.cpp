// cycle_gan_view.cpp — the toy CycleGAN panel, drawn with ImGui draw lists.
#include "views/cycle_gan_view.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>
#include <tuple>

#include "render/colormap.h"
#include "views/axes_overlay.h"
#include "views/panel_title.h"

namespace ganarium {
namespace {

// A categorical palette (Tableau 10), one colour per mode.
constexpr ImU32 kModeColours[] = {IM_COL32(31, 119, 180, 255), IM_COL32(255, 127, 14, 255), IM_COL32(44, 160, 44, 255),
                                  IM_COL32(214, 39, 40, 255),  IM_COL32(148, 103, 189, 255), IM_COL32(140, 86, 75, 255),
                                  IM_COL32(227, 119, 194, 255), IM_COL32(127, 127, 127, 255), IM_COL32(188, 189, 34, 255),
                                  IM_COL32(23, 190, 207, 255)};
constexpr int kModeColourCount = static_cast<int>(sizeof(kModeColours) / sizeof(kModeColours[0]));
const ImU32 kGrey = IM_COL32(120, 124, 134, 255);
const ImU32 kInk = IM_COL32(30, 30, 38, 255);
const ImU32 kBoxOutline = IM_COL32(90, 90, 100, 160);

ImU32 withAlpha(ImU32 colour, float alpha) {
    const auto a = static_cast<unsigned>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

bool finite2(float x, float y) { return std::isfinite(x) && std::isfinite(y); }

// The box around the first points of `paths` and the centres of `modes`, grown by 20% (room for the mode numbers).
Bounds domainBox(const PointPaths* paths, const ModeMarkers* modes) {
    Bounds b{1e30, -1e30, 1e30, -1e30};
    auto grow = [&b](double x, double y) {
        b.x0 = std::min(b.x0, x), b.x1 = std::max(b.x1, x), b.y0 = std::min(b.y0, y), b.y1 = std::max(b.y1, y);
    };
    for (size_t i = 0; paths && i < paths->size(); ++i)
        if (finite2(paths->at(i, 0, 0), paths->at(i, 0, 1))) grow(paths->at(i, 0, 0), paths->at(i, 0, 1));
    for (size_t i = 0; modes && i < modes->modes.size(); ++i) grow(modes->modes[i].x, modes->modes[i].y);
    if (!(b.x1 > b.x0)) b = Bounds{-2, 2, -2, 2};
    const double mx = (b.x1 - b.x0) * 0.2 + 0.05, my = (b.y1 - b.y0) * 0.2 + 0.05;
    return Bounds{b.x0 - mx, b.x1 + mx, b.y0 - my, b.y1 + my};
}

// Point k of path i on screen, shifted right by `shift` data units.
ImVec2 pathPoint(const PlotArea& area, const PointPaths& paths, size_t i, int k, double shift) {
    return area.toScreen(paths.at(i, k, 0) + shift, paths.at(i, k, 1));
}

// Each path's point k as a dot: in its mode's colour, or grey when `grey`.
void drawDots(ImDrawList* dl, const PlotArea& area, const PointPaths& paths, int k, double shift, float radius,
              float alpha, bool grey) {
    for (size_t i = 0; i < paths.size(); ++i) {
        if (!finite2(paths.at(i, k, 0), paths.at(i, k, 1))) continue;
        const ImU32 c = grey ? kGrey : cycleModeColour(paths.labels[i]);
        dl->AddCircleFilled(pathPoint(area, paths, i, k, shift), radius, withAlpha(c, alpha), 8);
    }
}

// `count` evenly spaced paths as lines start -> first (shifted by `first_shift`) -> second (shifted by `second_shift`).
void drawTriplets(ImDrawList* dl, const PlotArea& area, const PointPaths& paths, int count, double first_shift,
                  double second_shift, float width, bool grey) {
    const size_t n = paths.size();
    if (n == 0) return;
    const size_t stride = std::max<size_t>(1, n / static_cast<size_t>(count));
    for (size_t i = 0; i < n; i += stride) {
        bool finite = true;
        for (int k = 0; k < 3; ++k) finite = finite && finite2(paths.at(i, k, 0), paths.at(i, k, 1));
        if (!finite) continue;
        const ImU32 c = grey ? kGrey : cycleModeColour(paths.labels[i]);
        const ImVec2 a = pathPoint(area, paths, i, 0, second_shift), b = pathPoint(area, paths, i, 1, first_shift),
                     r = pathPoint(area, paths, i, 2, second_shift);
        dl->AddLine(a, b, withAlpha(c, 0.6f), width);
        dl->AddLine(b, r, withAlpha(c, 0.35f), width * 0.7f);
        dl->AddCircle(r, width * 2.2f, withAlpha(c, 0.9f), 10, width * 0.8f);
    }
}

// Mode numbers 1..K next to the centres, pushed away from the domain's middle.
void drawModeNumbers(ImDrawList* dl, const PlotArea& area, const ModeMarkers& modes, double shift, bool coloured,
                     float font_size) {
    double cx = 0, cy = 0;
    for (const Mode& m : modes.modes) cx += m.x, cy += m.y;
    cx /= std::max<size_t>(1, modes.modes.size());
    cy /= std::max<size_t>(1, modes.modes.size());
    for (size_t i = 0; i < modes.modes.size(); ++i) {
        const Mode& m = modes.modes[i];
        double dx = m.x - cx, dy = m.y - cy;
        const double len = std::hypot(dx, dy);
        dx = len > 1e-9 ? dx / len : 0.0, dy = len > 1e-9 ? dy / len : 1.0;
        const ImVec2 c = area.toScreen(m.x + shift, m.y);
        const std::string text = std::to_string(i + 1);
        const ImVec2 ts = textSize(text, font_size);
        const float push = font_size * 1.1f;
        const ImVec2 at(c.x + static_cast<float>(dx) * push - ts.x * 0.5f, c.y - static_cast<float>(dy) * push - ts.y * 0.5f);
        drawText(dl, at, coloured ? cycleModeColour(static_cast<int>(i)) : kInk, text, font_size);
    }
}

// The mapping matrix in [min, max]: rows = X modes (labels in their colours), columns = Y modes.
void drawMatrix(ImDrawList* dl, ImVec2 min, ImVec2 max, const FieldGrid& grid, const ViewLabels& labels, float F) {
    const float small = F * 0.8f;
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    drawText(dl, min, text_colour, labels.cycle_matrix, F * 0.9f);
    float top = min.y + F * 1.3f;
    drawText(dl, ImVec2(min.x, top), text_colour, labels.cycle_source, small);
    top += small * 1.3f;
    const float label_w = textSize(std::to_string(grid.ny), small).x + small * 0.6f;
    const float bottom_room = small * 1.5f;
    const float avail_w = max.x - min.x - label_w, avail_h = max.y - top - small * 1.2f - bottom_room;
    const float cell = std::min(avail_w / std::max(1, grid.nx), avail_h / std::max(1, grid.ny));
    if (!(cell > 2)) return;
    const ImVec2 origin(min.x + label_w, top + small * 1.2f);
    for (int c = 0; c < grid.nx; ++c) {
        const std::string text = std::to_string(c + 1);
        const ImVec2 ts = textSize(text, small);
        drawText(dl, ImVec2(origin.x + (c + 0.5f) * cell - ts.x * 0.5f, top), text_colour, text, small);
    }
    for (int r = 0; r < grid.ny; ++r) {
        const std::string text = std::to_string(r + 1);
        const ImVec2 ts = textSize(text, small);
        drawText(dl, ImVec2(origin.x - ts.x - small * 0.3f, origin.y + (r + 0.5f) * cell - ts.y * 0.5f),
                 cycleModeColour(r), text, small);
        for (int c = 0; c < grid.nx; ++c) {
            const float v = grid.values[static_cast<size_t>(r * grid.nx + c)];
            const ImVec2 a(origin.x + c * cell, origin.y + r * cell), b(a.x + cell, a.y + cell);
            dl->AddRectFilled(a, b, packAbgr(colormapColour(ColormapKind::Probability, v)));
            if (cell >= small * 2.2f && v >= 0.05f) {
                const std::string pct = std::to_string(static_cast<int>(std::lround(v * 100)));
                const ImVec2 ps = textSize(pct, small * 0.8f);
                drawText(dl, ImVec2(a.x + (cell - ps.x) * 0.5f, a.y + (cell - ps.y) * 0.5f),
                         v > 0.5f ? IM_COL32(255, 255, 255, 255) : kInk, pct, small * 0.8f);
            }
        }
    }
    const ImVec2 end(origin.x + grid.nx * cell, origin.y + grid.ny * cell);
    dl->AddRect(origin, end, kBoxOutline);
    drawText(dl, ImVec2(origin.x, end.y + small * 0.3f), text_colour, labels.cycle_target, small);
}

}  // namespace

ImU32 cycleModeColour(int index, float alpha) {
    if (index < 0) return withAlpha(kGrey, alpha);
    return withAlpha(kModeColours[index % kModeColourCount], alpha);
}

std::vector<LegendEntry> cycleGanLegend(const ViewLabels& labels) {
    return {{labels.cycle_real_x, cycleModeColour(0), LegendSymbol::Dot},
            {labels.cycle_real_y + ", " + labels.cycle_back, kGrey, LegendSymbol::Dot},
            {labels.cycle_path, cycleModeColour(1), LegendSymbol::Line}};
}

bool CycleGanView::hoveredDataPoint(double&, double&) const { return false; }

void CycleGanView::draw(const Snapshot& snapshot, int run_index, const ViewLayers&, ViewCamera&, const ViewStyle& style,
                        ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float F = overlayFontSize(style), marks = style.mark_scale;
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    const ImVec2 panel_max(panel_min.x + size.x, panel_min.y + size.y);
    const PointPaths* paths_x = findQuantity<PointPaths>(run.parts, quantity_names::kCyclePathsX);
    const PointPaths* paths_y = findQuantity<PointPaths>(run.parts, quantity_names::kCyclePathsY);
    const ModeMarkers* modes_x = findQuantity<ModeMarkers>(run.parts, quantity_names::kModesX);
    const ModeMarkers* modes_y = findQuantity<ModeMarkers>(run.parts, quantity_names::kModesY);
    const FieldGrid* mapping = findQuantity<FieldGrid>(run.parts, quantity_names::kModeMapping);

    const float title_h = style.show_title ? panelTitleHeight(run, style.labels, size.x, F, false) + F * 0.4f : F * 0.4f;
    const float matrix_w = mapping && !mapping->empty() ? std::min(size.x * 0.27f, (size.y - title_h) * 0.9f) : 0.0f;
    // X's mode numbers stand outside its (small) box: its name goes above them, so the plot starts lower.
    const float x_labels_h = modes_x ? F * 0.9f : 0.0f;
    area_.min = {panel_min.x + F * 0.5f, panel_min.y + title_h + F * 1.5f + x_labels_h};
    area_.max = {panel_max.x - matrix_w - F * 0.8f, panel_max.y - F * 0.5f};
    matrix_min_ = matrix_max_ = ImVec2(0, 0);
    if (area_.width() < 8 || area_.height() < 8) {
        ImGui::Dummy(size);
        return;
    }
    // One scale for both domains: Y sits to the right of X, a gap apart.
    const Bounds bx = domainBox(paths_x, modes_x), by = domainBox(paths_y, modes_y);
    const double gap = 0.15 * std::max(bx.x1 - bx.x0, by.x1 - by.x0);
    y_shift_ = bx.x1 - by.x0 + gap;
    const Bounds world{bx.x0, by.x1 + y_shift_, std::min(bx.y0, by.y0), std::max(bx.y1, by.y1)};
    area_.shown = fitEqualAspect(world, area_.width(), area_.height());

    for (auto [box, shift, name, lift] :
         {std::tuple<Bounds, double, const char*, float>{bx, 0.0, "X", x_labels_h}, {by, y_shift_, "Y", 0.0f}}) {
        const ImVec2 a = area_.toScreen(box.x0 + shift, box.y1), b = area_.toScreen(box.x1 + shift, box.y0);
        dl->AddRectFilled(a, b, packAbgr(palette::background()));
        dl->AddRect(a, b, kBoxOutline);
        const ImVec2 ts = textSize(name, F * 1.2f);
        drawText(dl, ImVec2((a.x + b.x - ts.x) * 0.5f, a.y - ts.y - F * 0.2f - lift), ImGui::GetColorU32(ImGuiCol_Text),
                 name, F * 1.2f);
    }
    dl->PushClipRect(area_.min, area_.max, true);
    const float r_small = std::max(1.2f, F * 0.13f * marks), r_big = std::max(1.8f, F * 0.2f * marks);
    const float line_w = std::max(1.0f, F * 0.08f * marks);
    if (paths_y) {
        drawDots(dl, area_, *paths_y, 0, y_shift_, r_small, 0.35f, true);  // y
        drawDots(dl, area_, *paths_y, 1, 0.0, r_small, 0.55f, true);       // G_YX(y) in X
    }
    if (paths_x) {
        drawDots(dl, area_, *paths_x, 0, 0.0, r_small, 0.5f, false);    // x
        drawDots(dl, area_, *paths_x, 1, y_shift_, r_big, 0.9f, false);  // G_XY(x) in Y
    }
    if (paths_y) drawTriplets(dl, area_, *paths_y, kPathsY, 0.0, y_shift_, line_w * 0.8f, true);
    if (paths_x) drawTriplets(dl, area_, *paths_x, kPathsX, y_shift_, 0.0, line_w, false);
    if (modes_x) drawModeNumbers(dl, area_, *modes_x, 0.0, true, F * 0.85f);
    if (modes_y) drawModeNumbers(dl, area_, *modes_y, y_shift_, false, F * 0.85f);
    dl->PopClipRect();

    if (matrix_w > 0) {
        matrix_min_ = ImVec2(panel_max.x - matrix_w, panel_min.y + title_h + F * 0.3f);
        matrix_max_ = ImVec2(panel_max.x - F * 0.3f, panel_max.y - F * 0.3f);
        drawMatrix(dl, matrix_min_, matrix_max_, *mapping, style.labels, F);
    }
    if (style.show_title) drawPanelTitle(dl, panel_min, size.x, run, style.labels, F, false);
    if (style.show_legend) drawLegend(dl, area_.min, area_.max, LegendCorner::TopLeft, cycleGanLegend(style.labels), F * 0.8f);
    ImGui::SetCursorScreenPos(panel_min);
    ImGui::Dummy(size);
}

}  // namespace ganarium
