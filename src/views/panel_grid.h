// panel_grid.h — how many rows and columns the run panels get: a pure
// function of the panel count, the area and the shape a plot wants, so the
// choice is unit-tested without GL. Rules: no empty row or column; no empty
// cell where a full grid gives plots nearly as large; otherwise the grid
// whose plots are largest (equal cells, equal heights).
#pragma once

#include <string>
#include <vector>

namespace ganarium {

// A grid of `cols` x `rows` equal cells.
struct PanelGrid {
    int cols = 1, rows = 1;
    int cells() const { return cols * rows; }
};

// Size of the largest rectangle of aspect `plot_aspect` (w/h) that fits a `cell_w` x `cell_h` cell.
void fittedPlotSize(float cell_w, float cell_h, float plot_aspect, float& plot_w, float& plot_h);

// Best grid for `panels` panels in a `area_w` x `area_h` area with `gap` pixels between cells,
// for plots that want aspect `plot_aspect` (w/h): the largest fitted plots, a grid with an
// empty cell only when its plots are clearly (2x in area) larger than the best full grid's.
PanelGrid choosePanelGrid(int panels, float area_w, float area_h, float gap, float plot_aspect);

// Cell size of `grid` in the area (gaps removed).
void panelCellSize(const PanelGrid& grid, float area_w, float area_h, float gap, float& cell_w, float& cell_h);

// Every grid with room for `panels` and no empty row or column (at most 6x6), wide ones first.
std::vector<PanelGrid> panelGridChoices(int panels);

}  // namespace ganarium
