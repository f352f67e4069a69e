// view_registry.cpp — quantity kinds to views, and the panels of a run's cell.
#include "views/view_registry.h"

#include "views/class_histogram_view.h"
#include "views/cycle_gan_view.h"
#include "views/d_scores_view.h"
#include "views/image_grid_view.h"
#include "views/image_rows_view.h"
#include "views/loss_shapes_view.h"
#include "views/phase_plane_view.h"
#include "views/toy_parts.h"
#include "views/view_1d.h"
#include "views/view_2d.h"

namespace ganarium {

std::vector<PanelSlot> panelsForRun(const RunSnapshot& run, const ViewLayers& layers) {
    std::vector<PanelSlot> panels;
    if (hasQuantityOfKind<PointPaths>(run.parts)) {
        panels.push_back({PanelKind::CycleGan, 1.0f});
        return panels;
    }
    if (hasQuantityOfKind<VectorField>(run.parts)) {
        panels.push_back({PanelKind::PhasePlane, 1.0f});
    } else if (hasQuantityOfKind<ImageGrid>(run.parts)) {
        const bool scores = findQuantity<Histogram>(run.parts, quantity_names::kScoresFake) != nullptr;
        const bool classes = findQuantity<Histogram>(run.parts, quantity_names::kClassesGenerated) != nullptr;
        panels.push_back({PanelKind::ImageGrid, 1.0f - (scores ? 0.25f : 0.0f) - (classes ? 0.22f : 0.0f)});
        // The class bars next to the grid, then D's scores: in a small cell D's scores give way first
        // (image_cell_layout.h).
        if (classes) panels.push_back({PanelKind::ClassHistogram, 0.22f});
        if (scores) panels.push_back({PanelKind::DScores, 0.25f});
        // The progress strip, interpolation and neighbour views: a band under the others.
        if (findQuantity<ImageStrip>(run.parts, quantity_names::kImageProgress))
            panels.push_back({PanelKind::ImageRows, 1.0f, true});
        return panels;
    } else {
        // Samples (or modes) of 1D data get the 1D view; 2D ones, and a run with none, the 2D view.
        panels.push_back({toyDataDimension(run) == 1 ? PanelKind::Data1D : PanelKind::Data2D, 1.0f});
    }
    if (layers.loss_shapes && findQuantity<ScalarSamples>(run.parts, quantity_names::kGeneratorScores)) {
        // The data stays the larger panel; the loss curves need less room.
        panels.front().share = 0.6f;
        panels.push_back({PanelKind::LossShapes, 0.4f});
    }
    return panels;
}

std::unique_ptr<RunView> makePanelView(PanelKind kind, const std::string& shader_dir) {
    switch (kind) {
        case PanelKind::Data1D: return std::make_unique<View1D>();  // draw lists only: no shaders
        case PanelKind::Data2D: return std::make_unique<View2D>(shader_dir);
        case PanelKind::PhasePlane: return std::make_unique<PhasePlaneView>();
        case PanelKind::LossShapes: return std::make_unique<LossShapesView>();
        case PanelKind::ImageGrid: return std::make_unique<ImageGridView>();
        case PanelKind::DScores: return std::make_unique<DScoresView>();
        case PanelKind::ClassHistogram: return std::make_unique<ClassHistogramView>();
        case PanelKind::ImageRows: return std::make_unique<ImageRowsView>();
        case PanelKind::CycleGan: return std::make_unique<CycleGanView>();
    }
    return nullptr;
}

}  // namespace ganarium
