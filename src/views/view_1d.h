// view_1d.h — the 1D data view (Goodfellow et al. 2014, Figure 1, and more):
// P_data filled, P_G's density estimate, D(x) on a probability axis (or the
// critic f(x) on its own right axis), D* dashed, the D = 1/2 line, sample
// rugs, gradient arrows on generated samples, and the z line underneath with
// mapping lines z -> G(z). Drawn with anti-aliased ImGui draw lists.
#pragma once

#include <string>
#include <vector>

#include "views/plot_area.h"
#include "views/run_view.h"

namespace ganarium {

class View1D : public RunView {
public:
    View1D() = default;

    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double& x, double& y) const override;

    // Screen position of (x, D value) in the last drawn frame: y is on the left [0, 1] axis.
    ImVec2 dataToScreen(double x, double d) const { return area_.toScreen(x, d); }
    // Plot rectangle and data box of the last drawn frame (y in D units).
    const PlotArea& plotArea() const { return area_; }
    // Gradient arrows drawn in the last frame (one per bin of x with a visible mean push).
    int arrowsDrawn() const { return arrows_drawn_; }

    // Line widths (logical pixels) of the D curve and the density curves.
    static constexpr float kDCurveWidth = 3.5f, kDensityWidth = 2.5f;
    // At most this many mapping lines and gradient arrows (one arrow per bin of x, bins at least
    // kArrowSpacing font heights wide).
    static constexpr int kMaxMappingLines = 60, kMaxArrows = 40;
    static constexpr float kArrowSpacing = 2.6f;
    // Arrows: full length at this quantile of |push| (over runs of the same kind of D); shorter ones are dropped.
    static constexpr double kPushQuantile = 0.9;
    static constexpr float kMinArrowPixels = 3.0f;

private:
    PlotArea area_;
    bool hovered_ = false;
    double hover_x_ = 0, hover_y_ = 0;
    int arrows_drawn_ = 0;
};

}  // namespace ganarium
