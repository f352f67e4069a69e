// condition_data.cpp — the label count of each data family and the refusal
// text for families without mixture components.
#include "core/condition_data.h"

namespace ganarium {

int conditionLabelCount(const DataSpec& data) {
    switch (data.family) {
        case DataFamily::Mixture1D: return static_cast<int>(data.means.size());
        case DataFamily::Ring: return data.modes;
        case DataFamily::Grid: return data.grid_n * data.grid_n;
        case DataFamily::Blobs2D: return data.points.empty() ? static_cast<int>(data.means.size() / 2) : 0;
        default: return 0;
    }
}

std::string conditionalDataProblem(const DataSpec& data) {
    if (data.family == DataFamily::Blobs2D && !data.points.empty())
        return "needs data whose every sample comes from a labelled component: these blobs also hold painted points "
               "(clear the points, or remove `conditional`)";
    const int labels = conditionLabelCount(data);
    if (labels >= 2) return "";
    if (labels == 1)
        return std::string("needs at least two mixture components to condition on; [data] family '") +
               familyName(data.family) + "' has one";
    return std::string("needs data made of mixture components (family mixture, ring, grid or blobs); [data] family '") +
           familyName(data.family) + "' has none. Pick one of those families or remove `conditional`";
}

}  // namespace ganarium
