// push_scale.cpp — shared arrow scale for runs of the same kind of D and Lipschitz method.
#include "views/push_scale.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ganarium {

namespace {

// The `quantile` of |push| over one run's samples (dim 1 or 2).
double runQuantile(const RunSnapshot& run, double quantile) {
    const PointSet* push = findQuantity<PointSet>(run.parts, quantity_names::kGeneratorPush);
    const size_t n = push && (push->dim == 1 || push->dim == 2) ? push->size() : 0;
    std::vector<double> norms;
    norms.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const double x = push->at(i, 0), y = push->dim == 2 ? push->at(i, 1) : 0.0;
        const double norm = std::hypot(x, y);
        if (std::isfinite(norm)) norms.push_back(norm);
    }
    if (norms.empty()) return 0.0;
    const size_t k = static_cast<size_t>(std::clamp(quantile, 0.0, 1.0) * static_cast<double>(norms.size() - 1));
    std::nth_element(norms.begin(), norms.begin() + static_cast<std::ptrdiff_t>(k), norms.end());
    return norms[k];
}

}  // namespace

double pushReference(const Snapshot& snapshot, int run_index, double quantile) {
    const RunSnapshot& own = snapshot.runs[static_cast<size_t>(run_index)];
    double reference = 0;
    for (const RunSnapshot& run : snapshot.runs)
        if (run.critic == own.critic && run.lipschitz == own.lipschitz)
            reference = std::max(reference, runQuantile(run, quantile));
    return reference;
}

double pushLengthFraction(double norm, double reference) {
    if (!(reference > 0) || !(norm > 0) || !std::isfinite(norm)) return 0.0;
    return std::sqrt(std::min(1.0, norm / reference));
}

}  // namespace ganarium
