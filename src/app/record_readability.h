// record_readability.h — whether a video's run panels are large enough to
// read: an estimate of the recorder's layout (title and caption, legend row,
// curves strip, the panel grid of views/panel_grid.h, each panel's title,
// axes and colour bars) from the size alone, before anything is trained. A
// scene of several runs whose plots would come out smaller than
// kMinReadablePlotPx is refused with a size that works.
#pragma once

#include <string>

#include "core/scene_spec.h"
#include "views/panel_grid.h"

namespace ganarium {

// The short side a plot (inside its panel's title, axes and colour bars) needs to be read in a video.
constexpr float kMinReadablePlotPx = 100.0f;
// A 1D plot (densities over x) is wide and short by nature: it reads from this height, if kMinReadablePlotPx wide.
constexpr float kMinReadable1DPlotHeightPx = 70.0f;

// Estimated layout of a recording's run panels.
struct RecordPanelEstimate {
    PanelGrid grid;
    float cell_w = 0, cell_h = 0;  // one run's panel
    float plot_w = 0, plot_h = 0;  // its plot, inside title, axes and colour bars
};

// The panels of a `runs`-run scene (`dim` 1 or 2) in a `width` x `height` video (curves strip when `curves`).
RecordPanelEstimate estimateRecordPanels(int runs, int dim, int width, int height, bool curves);

// Empty when the scene's panels are readable at that size (a single run always is: it gets the whole
// frame); otherwise the reason and a suggestion (a larger --size, --no-curves, fewer runs).
std::string recordReadabilityProblem(const SceneSpec& scene, int width, int height, bool curves);

}  // namespace ganarium
