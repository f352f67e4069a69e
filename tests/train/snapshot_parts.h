// snapshot_parts.h — test helper: the named quantity of a run snapshot,
// required to be there (the test stops with the missing name otherwise).
#pragma once

#include <doctest/doctest.h>

#include "core/snapshot.h"

namespace ganarium::test {

// The quantity `name` of `run`, holding a T; fails the test when the run has none.
template <typename T>
const T& part(const RunSnapshot& run, const char* name) {
    const T* quantity = findQuantity<T>(run.parts, name);
    REQUIRE_MESSAGE(quantity != nullptr, "run '" << run.name << "' has no quantity '" << name << "'");
    return *quantity;
}

// The coordinates of the point set `name` of `run` (samples, latent codes, pushes).
inline const std::vector<float>& coordsOf(const RunSnapshot& run, const char* name) {
    return part<PointSet>(run, name).coords;
}

}  // namespace ganarium::test
