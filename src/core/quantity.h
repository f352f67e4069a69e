// quantity.h — the named pieces a run snapshot is made of (polyscope's
// structure/quantity idea): a run publishes quantities, and the view
// registry (views/view_registry.h) picks views by the kinds it finds, never
// by asking what kind of run it is. Plain data only: no tensors, no GL.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/snapshot_types.h"

namespace ganarium {

// Points in the plane, x0,y0,x1,y1,... (markers: an equilibrium, a start point).
struct PointSet {
    std::vector<float> xy;
};

// A 2D vector field sampled at grid cell centres over `box`: (u, v)[iy * nx + ix].
struct VectorField {
    Bounds box;
    int nx = 0, ny = 0;
    std::vector<float> u, v;
};

// A path in the plane in time order, x0,y0,x1,y1,...; `steps[i]` is the step of point i.
struct Trajectory {
    std::vector<float> xy;
    std::vector<int64_t> steps;
};

// Scalar samples (e.g. D(G(z)) of the current batch) with the range they live on.
struct ScalarSamples {
    double lo = 0, hi = 1;
    std::vector<float> values;
};

// One named quantity of a run.
struct Quantity {
    std::string name;
    std::variant<PointSet, VectorField, Trajectory, ScalarSamples, FieldGrid, Histogram> data;
};

// The quantity named `name` holding a T, or null.
template <typename T>
const T* findQuantity(const std::vector<Quantity>& parts, const std::string& name) {
    for (const Quantity& q : parts) {
        if (q.name == name) return std::get_if<T>(&q.data);
    }
    return nullptr;
}

// True when some quantity holds a T.
template <typename T>
bool hasQuantityOfKind(const std::vector<Quantity>& parts) {
    for (const Quantity& q : parts) {
        if (std::holds_alternative<T>(q.data)) return true;
    }
    return false;
}

// Names of the quantities runs publish (one list, shared by producers and views).
namespace quantity_names {
inline const char* const kPhaseField = "phase_field";       // VectorField over (theta, psi)
inline const char* const kTrajectory = "trajectory";        // Trajectory of (theta, psi)
inline const char* const kEquilibrium = "equilibrium";      // PointSet
inline const char* const kStart = "start";                  // PointSet
inline const char* const kGeneratorScores = "d_of_gz";      // ScalarSamples: D(G(z)) of the display batch
}  // namespace quantity_names

}  // namespace ganarium
