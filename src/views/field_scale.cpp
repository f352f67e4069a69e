// field_scale.cpp — field ranges and read-outs.
#include "views/field_scale.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "views/axes_overlay.h"

namespace ganarium {

namespace {

// The density `p` when it lies on `field`'s grid, else null.
const FieldGrid* onGrid(const FieldGrid& field, const FieldGrid* p) {
    return p && p->nx == field.nx && p->ny == field.ny && p->values.size() == field.values.size() ? p : nullptr;
}

// Largest finite |f - centre| over the chosen cells.
double largestDeviation(const FieldGrid& field, const std::vector<bool>& use, double centre) {
    double m = 0;
    for (size_t i = 0; i < field.values.size(); ++i)
        if ((use.empty() || use[i]) && std::isfinite(field.values[i]))
            m = std::max(m, std::fabs(field.values[i] - centre));
    return m;
}

// The centre is rounded to this fraction of the half-width.
constexpr double kCentreSteps = 20;

// `v` rounded to the nearest multiple of `step`.
double roundTo(double v, double step) { return step > 0 ? std::round(v / step) * step : v; }

}  // namespace

std::vector<bool> dataCells(const FieldGrid& field, const FieldGrid* p_data, const FieldGrid* p_g) {
    std::vector<const FieldGrid*> densities;
    for (const FieldGrid* p : {onGrid(field, p_data), onGrid(field, p_g)})
        if (p) densities.push_back(p);
    if (densities.empty()) return {};
    std::vector<bool> cells(field.values.size(), false);
    for (const FieldGrid* p : densities) {
        double peak = 0;
        for (float v : p->values)
            if (std::isfinite(v)) peak = std::max(peak, static_cast<double>(v));
        if (!(peak > 0)) continue;
        for (size_t i = 0; i < cells.size(); ++i)
            if (p->values[i] >= kDataMassShare * peak) cells[i] = true;
    }
    return cells;
}

CriticRange criticRange(const FieldGrid& field, const std::vector<bool>& data, bool whole_field) {
    std::vector<bool> use = data.size() == field.values.size() ? data : std::vector<bool>{};
    std::vector<double> values;
    for (size_t i = 0; i < field.values.size(); ++i)
        if ((use.empty() || use[i]) && std::isfinite(field.values[i])) values.push_back(field.values[i]);
    if (values.empty() && !use.empty()) {  // no finite value on the data: fall back to every cell
        use.clear();
        for (float v : field.values)
            if (std::isfinite(v)) values.push_back(v);
    }
    CriticRange range;
    if (values.empty()) return range;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    const double median = *middle;
    const double deviation = largestDeviation(field, whole_field ? std::vector<bool>{} : use, median);
    range.half = niceCeil(deviation > 0 ? deviation : 1.0);
    // Rounded so the colours do not shimmer with the median's noise (a cell may pass the end by 2.5 % of `half`).
    range.centre = roundTo(median, range.half / kCentreSteps);
    if (range.centre == 0) range.centre = 0;  // no "-0" on the colour bar
    return range;
}

FieldScale fieldScale(const RunSnapshot& run) {
    FieldScale scale;
    if (!run.critic) {
        scale.name = "D(x)";
        return scale;
    }
    CriticRange range;
    if (const FieldGrid* field = findQuantity<FieldGrid>(run.parts, quantity_names::kDiscriminator)) {
        const std::vector<bool> data =
            dataCells(*field, findQuantity<FieldGrid>(run.parts, quantity_names::kDataDensity),
                      findQuantity<FieldGrid>(run.parts, quantity_names::kGeneratorDensity));
        range = criticRange(*field, data, field->ny <= 1);
    }
    scale.colormap = ColormapKind::Diverging;
    scale.lo = range.centre - range.half;
    scale.hi = range.centre + range.half;
    scale.contour_step = range.half / 5;
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
