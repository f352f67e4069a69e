// d_scores_view.h — D's view of an image run: histograms of D's displayed
// score (D(x) in [0, 1] for JS-type objectives, the raw critic f(x)
// otherwise) on real images and on generated images, in the real and
// generated colours over the same bins, with a legend. Two separate humps
// mean D tells them apart; overlapping ones mean G fools it.
#pragma once

#include "views/plot_area.h"
#include "views/run_view.h"

namespace ganarium {

class DScoresView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double&, double&) const override { return false; }

    // Plot rectangle and (score, count) box of the last drawn frame.
    const PlotArea& plotArea() const { return area_; }

private:
    PlotArea area_;
};

}  // namespace ganarium
