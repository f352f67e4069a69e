// image_rows_view.h — the image run's column of strips, top to bottom: the
// progress strip (views/progress_strip_view.h), the latent interpolation
// (views/interpolation_view.h) and the nearest training neighbour
// (views/neighbour_view.h). One registry panel (PanelKind::ImageRows) that
// stacks the three views, each drawing its own quantity.
#pragma once

#include "views/interpolation_view.h"
#include "views/neighbour_view.h"
#include "views/progress_strip_view.h"
#include "views/run_view.h"

namespace ganarium {

// Shares of the panel's height: progress strip, interpolation, neighbour.
constexpr float kProgressShare = 0.46f, kInterpolationShare = 0.22f, kNeighbourShare = 0.32f;

class ImageRowsView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double&, double&) const override { return false; }

    const ProgressStripView& progress() const { return progress_; }
    const InterpolationView& interpolation() const { return interpolation_; }
    const NeighbourView& neighbour() const { return neighbour_; }

private:
    ProgressStripView progress_;
    InterpolationView interpolation_;
    NeighbourView neighbour_;
};

}  // namespace ganarium
