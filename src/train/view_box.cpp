// view_box.cpp — stable view boxes.
#include "train/view_box.h"

#include <algorithm>
#include <cmath>

#include "train/metric_evaluator.h"

namespace ganarium {

namespace {
double tidyStep(double span) {
    if (!(span > 0) || !std::isfinite(span)) return 0.5;
    return std::pow(10.0, std::floor(std::log10(span))) / 2.0;
}
}  // namespace

Bounds roundOutward(const Bounds& box, int dim) {
    Bounds out = box;
    const double sx = tidyStep(box.x1 - box.x0);
    out.x0 = std::floor(box.x0 / sx) * sx;
    out.x1 = std::ceil(box.x1 / sx) * sx;
    if (dim == 2) {
        const double sy = tidyStep(box.y1 - box.y0);
        out.y0 = std::floor(box.y0 / sy) * sy;
        out.y1 = std::ceil(box.y1 / sy) * sy;
    } else {
        out.y0 = 0;
        out.y1 = 1;
    }
    return out;
}

Bounds growView(const Bounds& view, const std::vector<float>& samples, int dim, const Bounds& limit) {
    Bounds grown = growToSamples(view, samples, dim);
    grown.x0 = std::max(grown.x0, limit.x0);
    grown.x1 = std::min(grown.x1, limit.x1);
    if (dim == 2) {
        grown.y0 = std::max(grown.y0, limit.y0);
        grown.y1 = std::min(grown.y1, limit.y1);
    }
    if (grown.x0 >= view.x0 && grown.x1 <= view.x1 && (dim == 1 || (grown.y0 >= view.y0 && grown.y1 <= view.y1))) {
        return view;
    }
    Bounds out = roundOutward(grown, dim);
    // Never shrink.
    out.x0 = std::min(out.x0, view.x0);
    out.x1 = std::max(out.x1, view.x1);
    if (dim == 2) {
        out.y0 = std::min(out.y0, view.y0);
        out.y1 = std::max(out.y1, view.y1);
    }
    return out;
}

Bounds scaledAboutCentre(const Bounds& box, double factor) {
    const double cx = 0.5 * (box.x0 + box.x1), cy = 0.5 * (box.y0 + box.y1);
    const double hx = 0.5 * (box.x1 - box.x0) * factor, hy = 0.5 * (box.y1 - box.y0) * factor;
    return Bounds{cx - hx, cx + hx, cy - hy, cy + hy};
}

}  // namespace ganarium
