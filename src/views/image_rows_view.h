// image_rows_view.h — the image run's strips, left to right (or top to bottom): the
// progress strip (views/progress_strip_view.h), the latent interpolation
// (views/interpolation_view.h) and the nearest training neighbour
// (views/neighbour_view.h). One registry panel (PanelKind::ImageRows, a band
// under the run's other panels) that lays the three views side by side when
// wide, stacked when tall, each drawing its own quantity.
#pragma once

#include "views/interpolation_view.h"
#include "views/neighbour_view.h"
#include "views/progress_strip_view.h"
#include "views/run_view.h"

namespace ganarium {

// Shares of the panel (progress strip, interpolation, neighbour): of its width in a wide band, of its height in a column.
constexpr float kRowsWidthShares[3] = {0.34f, 0.38f, 0.28f};
constexpr float kRowsHeightShares[3] = {0.46f, 0.22f, 0.32f};

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
