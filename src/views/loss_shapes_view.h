// loss_shapes_view.h — the three generator costs against D(G(z)) on (0, 1)
// (Goodfellow 2016, NIPS tutorial Figure 16): minimax log(1 - D),
// non-saturating -log D and maximum likelihood -exp(sigma^-1(D)) / 2. The
// run's current batch of D(G(z)) sits under them as a histogram, with the
// slope of the run's own cost drawn as tangents at those points, so a
// teacher can show where each generator sits on its curve.
#pragma once

#include "views/plot_area.h"
#include "views/run_view.h"

namespace ganarium {

// Generator cost `objective` ("minimax", "non_saturating", "max_likelihood") at D in (0, 1).
double generatorCostAt(const std::string& objective, double d);
// Its slope dJ/dD at D.
double generatorCostSlope(const std::string& objective, double d);

class LossShapesView : public RunView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double&, double&) const override { return false; }

    // Plot rectangle and (D, J) box of the last drawn frame.
    const PlotArea& plotArea() const { return area_; }

    // The cost axis spans [-kCostRange, kCostRange]; bins of the batch histogram; tangents drawn.
    static constexpr double kCostRange = 4.0;
    static constexpr int kBins = 40, kTangents = 12;

private:
    PlotArea area_;
};

}  // namespace ganarium
