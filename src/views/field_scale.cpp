// field_scale.cpp — field ranges and read-outs.
#include "views/field_scale.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "views/axes_overlay.h"

namespace ganarium {

FieldScale fieldScale(const RunSnapshot& run) {
    FieldScale scale;
    if (!run.critic) {
        scale.name = "D(x)";
        return scale;
    }
    double m = 0;
    if (const FieldGrid* field = findQuantity<FieldGrid>(run.parts, quantity_names::kDiscriminator))
        for (float v : field->values)
            if (std::isfinite(v)) m = std::max(m, static_cast<double>(std::fabs(v)));
    m = niceCeil(m > 0 ? m : 1.0);
    scale.colormap = ColormapKind::Diverging;
    scale.lo = -m;
    scale.hi = m;
    scale.contour_step = m / 5;
    scale.emphasis = 0;
    scale.name = "critic f(x)";
    return scale;
}

FieldScale fieldScale(const RunSnapshot& run, const ViewLabels& labels) {
    FieldScale scale = fieldScale(run);
    scale.name = run.critic ? labels.critic : labels.d_of_x;
    return scale;
}

double gradNormRange(const RunSnapshot& run) {
    double m = 0;
    if (const ScalarSamples* norms = findQuantity<ScalarSamples>(run.parts, quantity_names::kGpGradNorm))
        for (float v : norms->values)
            if (std::isfinite(v)) m = std::max(m, static_cast<double>(v));
    return std::max(2.0, niceCeil(m));
}

double sampleField(const FieldGrid& field, double x, double y) {
    if (field.empty() || field.nx <= 0 || field.ny <= 0) return std::numeric_limits<double>::quiet_NaN();
    const Bounds& b = field.box;
    if (x < b.x0 || x > b.x1 || (field.ny > 1 && (y < b.y0 || y > b.y1))) return std::numeric_limits<double>::quiet_NaN();
    double fx = (x - b.x0) / (b.x1 - b.x0) * field.nx - 0.5;
    double fy = field.ny > 1 ? (y - b.y0) / (b.y1 - b.y0) * field.ny - 0.5 : 0.0;
    fx = std::clamp(fx, 0.0, static_cast<double>(field.nx - 1));
    fy = std::clamp(fy, 0.0, static_cast<double>(field.ny - 1));
    int ix = std::min(static_cast<int>(fx), field.nx - 2 < 0 ? 0 : field.nx - 2);
    int iy = std::min(static_cast<int>(fy), field.ny - 2 < 0 ? 0 : field.ny - 2);
    double tx = field.nx > 1 ? fx - ix : 0.0, ty = field.ny > 1 ? fy - iy : 0.0;
    auto at = [&](int i, int j) {
        i = std::min(i, field.nx - 1);
        j = std::min(j, field.ny - 1);
        return static_cast<double>(field.values[static_cast<size_t>(j) * field.nx + i]);
    };
    double a = at(ix, iy) * (1 - tx) + at(ix + 1, iy) * tx;
    double c = at(ix, iy + 1) * (1 - tx) + at(ix + 1, iy + 1) * tx;
    return a * (1 - ty) + c * ty;
}

}  // namespace ganarium
