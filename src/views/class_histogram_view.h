// class_histogram_view.h — the classifier's verdict on an image run's
// samples: one horizontal bar per Fashion-MNIST class (the share of
// generated images the classifier puts there) over an outline of the run's
// data mix. Mode collapse shows as one long bar, mode dropping as empty rows.
#pragma once

#include "views/plot_area.h"
#include "views/run_view.h"

namespace ganarium {

class ClassHistogramView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double&, double&) const override { return false; }

    // Plot rectangle and (percent, class) box of the last drawn frame (class c spans rows [c, c + 1]).
    const PlotArea& plotArea() const { return area_; }

private:
    PlotArea area_;
};

}  // namespace ganarium
