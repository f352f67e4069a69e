// panel_grid.cpp — choice of the run-panel grid (see panel_grid.h).
#include "views/panel_grid.h"

#include <algorithm>

namespace ganarium {

namespace {

constexpr int kMaxSide = 6;
// A grid with an empty cell must give plots this much larger (in area) than the best full grid.
constexpr float kEmptyCellPremium = 2.0f;

bool hasEmptyRowOrColumn(int panels, int cols, int rows) { return cols * rows - panels >= std::min(cols, rows); }

float fittedArea(const PanelGrid& grid, float area_w, float area_h, float gap, float plot_aspect) {
    float cw = 0, ch = 0, pw = 0, ph = 0;
    panelCellSize(grid, area_w, area_h, gap, cw, ch);
    fittedPlotSize(cw, ch, plot_aspect, pw, ph);
    return pw * ph;
}

}  // namespace

void fittedPlotSize(float cell_w, float cell_h, float plot_aspect, float& plot_w, float& plot_h) {
    const float aspect = plot_aspect > 0 ? plot_aspect : 1.0f;
    plot_w = std::max(0.0f, std::min(cell_w, cell_h * aspect));
    plot_h = std::max(0.0f, std::min(cell_h, cell_w / aspect));
}

void panelCellSize(const PanelGrid& grid, float area_w, float area_h, float gap, float& cell_w, float& cell_h) {
    cell_w = std::max(0.0f, (area_w - gap * static_cast<float>(grid.cols - 1)) / static_cast<float>(grid.cols));
    cell_h = std::max(0.0f, (area_h - gap * static_cast<float>(grid.rows - 1)) / static_cast<float>(grid.rows));
}

std::vector<PanelGrid> panelGridChoices(int panels) {
    std::vector<PanelGrid> out;
    const int n = std::max(1, panels);
    for (int c = kMaxSide; c >= 1; --c)
        for (int r = 1; r <= kMaxSide; ++r)
            if (c * r >= n && !hasEmptyRowOrColumn(n, c, r)) out.push_back({c, r});
    return out;
}

PanelGrid choosePanelGrid(int panels, float area_w, float area_h, float gap, float plot_aspect) {
    PanelGrid best_full, best_any;
    float full_area = -1, any_area = -1;
    for (const PanelGrid& grid : panelGridChoices(panels)) {
        const float area = fittedArea(grid, area_w, area_h, gap, plot_aspect);
        // Ties go to the squarer grid (fewer extreme strips).
        if (grid.cells() == std::max(1, panels) && area > full_area * 1.0001f) {
            full_area = area;
            best_full = grid;
        }
        if (area > any_area * 1.0001f) {
            any_area = area;
            best_any = grid;
        }
    }
    if (full_area <= 0) return best_any;
    return any_area > full_area * kEmptyCellPremium ? best_any : best_full;
}

}  // namespace ganarium
