// view_registry.h — which views draw a run, decided from the kinds of
// quantities its snapshot holds (never from the kind of run): a vector field
// gets the phase plane, an image grid the image-grid view (with D's score
// histograms beside it when the run has them, and the column of progress /
// interpolation / neighbour strips when it has a progress strip), toy samples of 1D or 2D data get the 1D or 2D data
// view (by the samples' dimension, never the scene's), D(G(z))
// samples get the loss-shape view when its layer is on. A run may show more
// than one panel; the list of panels is data the scene frame lays out.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/snapshot.h"
#include "views/run_view.h"

namespace ganarium {

// The views a run's panel can hold.
enum class PanelKind { Data1D, Data2D, PhasePlane, LossShapes, ImageGrid, DScores, ClassHistogram, ImageRows, CycleGan };

// One panel of a run's cell: its view and its share of the cell (the shares of a run's main panels sum to 1,
// and so do those of its band). Band panels sit in a band under the main panels (kBandShare of the cell).
struct PanelSlot {
    PanelKind kind = PanelKind::Data2D;
    float share = 1.0f;
    bool band = false;
};

// Share of a run's cell its band of panels takes, when it has one.
constexpr float kBandShare = 0.3f;

// The panels that show `run` with the layers switched on, in drawing order.
std::vector<PanelSlot> panelsForRun(const RunSnapshot& run, const ViewLayers& layers);

// Makes the view for a panel kind; GL views load their shaders from `shader_dir`.
std::unique_ptr<RunView> makePanelView(PanelKind kind, const std::string& shader_dir = defaultShaderDir());

}  // namespace ganarium
