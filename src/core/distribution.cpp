// distribution.cpp — the family dispatch (makeDistribution), the generic
// cell-mass rule and sampleVector. The families live in their own files.
#include "core/distribution.h"

#include "core/distribution_common.h"

namespace ganarium {

double Distribution::cellMass(const double* lo, const double* hi) const {
    const int k = 4;  // k x k midpoint rule
    double sum = 0;
    if (dim() == 1) {
        const double w = (hi[0] - lo[0]) / k;
        for (int i = 0; i < k; ++i) {
            double x = lo[0] + (i + 0.5) * w;
            sum += density(&x);
        }
        return sum * w;
    }
    const double wx = (hi[0] - lo[0]) / k, wy = (hi[1] - lo[1]) / k;
    for (int j = 0; j < k; ++j) {
        for (int i = 0; i < k; ++i) {
            double x[2] = {lo[0] + (i + 0.5) * wx, lo[1] + (j + 0.5) * wy};
            sum += density(x);
        }
    }
    return sum * wx * wy;
}

void Distribution::sampleLabelled(int, Rng&, float*, int*) const {
    throw UserError("this data family has no mixture components to label samples with (a conditional run needs "
                    "mixture, ring, grid or blobs data)");
}

std::unique_ptr<Distribution> makeDistribution(const DataSpec& spec) {
    switch (spec.family) {
        case DataFamily::Gaussian1D:
        case DataFamily::Mixture1D:
        case DataFamily::Uniform1D:
        case DataFamily::TwoIntervals1D: return detail::makeDistribution1D(spec);
        case DataFamily::Ring:
        case DataFamily::Grid:
        case DataFamily::Gaussian2D:
        case DataFamily::Blobs2D:
        case DataFamily::Points2D: return detail::makeGaussianMixture2D(spec);
        case DataFamily::SwissRoll:
        case DataFamily::TwoMoons:
        case DataFamily::Spiral:
        case DataFamily::Circles:
        case DataFamily::Line: return detail::makeNoisyCurve2D(spec);
    }
    throw SceneError("unknown data family");
}

std::vector<float> sampleVector(const Distribution& dist, int n, Rng& rng) {
    std::vector<float> out(static_cast<size_t>(n) * dist.dim());
    if (n > 0) dist.sample(n, rng, out.data());
    return out;
}

FieldGrid densityGrid(const Distribution& dist, const Bounds& box, int nx, int ny) {
    FieldGrid field;
    field.nx = nx;
    field.ny = ny;
    field.box = box;
    field.values.resize(static_cast<size_t>(nx) * ny);
    const double dx = (box.x1 - box.x0) / nx, dy = (box.y1 - box.y0) / ny;
    for (int iy = 0; iy < ny; ++iy) {
        for (int ix = 0; ix < nx; ++ix) {
            const double x[2] = {box.x0 + (ix + 0.5) * dx, box.y0 + (iy + 0.5) * dy};
            field.values[static_cast<size_t>(iy) * nx + ix] = static_cast<float>(dist.density(x));
        }
    }
    return field;
}

}  // namespace ganarium
