// push_scale.h — how long the generator-gradient arrows are drawn. Runs with
// the same kind of D (probability or critic) and Lipschitz method share one
// reference, so their arrows compare: a vanishing gradient (minimax against a
// confident D) draws vanishing arrows next to a non-saturating run's full
// ones. Different kinds keep their own scale (a critic's gradient has no
// common unit with a probability's).
#pragma once

#include "core/snapshot.h"

namespace ganarium {

// Reference |push| for run `run_index`'s arrows: the largest `quantile` (0..1) of the per-sample |push| over
// the runs with the same kind of D and Lipschitz method (0 when none has a push).
double pushReference(const Snapshot& snapshot, int run_index, double quantile);

// Arrow length as a fraction of the longest: sqrt(|push| / ref), clamped to [0, 1] (0 for ref <= 0 or NaN).
double pushLengthFraction(double norm, double reference);

}  // namespace ganarium
