// cycle_gan_view.h — the toy CycleGAN's panel (lecture section 9): domain X
// on the left and domain Y on the right, one data scale for both. X's points
// are coloured by the mode they come from, and so are their translations
// G_XY(x) in Y, so the class sees which part of X lands where; for a subset,
// the triplets x -> G_XY(x) -> G_YX(G_XY(x)) as lines (and, in grey, the
// same from Y); beside them the mode-to-mode mapping matrix (rows: X modes,
// columns: Y modes) as a small heatmap with numbered axes. Mode numbers
// are written next to the mode centres of both domains. Draw lists only.
#pragma once

#include <vector>

#include "views/legend_overlay.h"
#include "views/plot_area.h"
#include "views/run_view.h"

namespace ganarium {

class CycleGanView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    // Always false: the panel shows two domains, not the scene's data.
    bool hoveredDataPoint(double& x, double& y) const override;

    // The plot rectangle of the last frame (both domains; Y shifted right by yShift() in data units).
    const PlotArea& plotArea() const { return area_; }
    double yShift() const { return y_shift_; }
    // Screen rectangle of the last frame's mapping matrix (empty without one).
    ImVec2 matrixMin() const { return matrix_min_; }
    ImVec2 matrixMax() const { return matrix_max_; }

    // Triplets drawn as lines from the X side, and from the Y side.
    static constexpr int kPathsX = 32, kPathsY = 12;

private:
    PlotArea area_;
    double y_shift_ = 0;
    ImVec2 matrix_min_{0, 0}, matrix_max_{0, 0};
};

// The colour of mode `index` (a fixed categorical palette, cycled; grey for -1).
ImU32 cycleModeColour(int index, float alpha = 1.0f);

// Legend entries of the CycleGAN panel.
std::vector<LegendEntry> cycleGanLegend(const ViewLabels& labels);

}  // namespace ganarium
