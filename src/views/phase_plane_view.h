// phase_plane_view.h — the Dirac-GAN's (theta, psi) plane (Mescheder et al.
// 2018, Figure 1): the method's vector field as arrows, the equilibrium, the
// start point, and the training path with a fading trail ending in the
// current point. A click in the plane asks for a new start point there.
// Draws a run's PhasePlane quantities only; ImGui draw lists, no shaders.
#pragma once

#include <vector>

#include "views/legend_overlay.h"
#include "views/plot_area.h"
#include "views/run_view.h"

namespace ganarium {

class PhasePlaneView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    // Always false: the plane shows parameters, not data (draw-data mode ignores it).
    bool hoveredDataPoint(double& x, double& y) const override;
    bool clickedPoint(double& x, double& y) const override;

    // Plot rectangle and (theta, psi) box of the last drawn frame.
    const PlotArea& plotArea() const { return area_; }

    // The newest this many path points are drawn at full strength; older ones fade out.
    static constexpr int kTrailPoints = 400;

private:
    PlotArea area_;
    bool hovered_ = false, clicked_ = false;
    double hover_x_ = 0, hover_y_ = 0;
};

// Legend entries of the phase plane (path, current point, start, equilibrium).
std::vector<LegendEntry> phasePlaneLegend(const ViewLabels& labels);

}  // namespace ganarium
