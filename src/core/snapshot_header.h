// snapshot_header.h — the header every run's snapshot starts with (its
// names, kind, objective, Lipschitz method, status, step), filled the same
// way for every run kind from its RunSpec.
#pragma once

#include <cstdint>
#include <string>

#include "core/scene_spec.h"
#include "core/snapshot.h"

namespace ganarium {

// A snapshot of `spec` with only its header set: panel names, kind, objective and Lipschitz method (a Dirac-GAN:
// no objective name, its method says it), critic flag, clip bound, `status` with `reason`, and `step`.
RunSnapshot runSnapshotHeader(const RunSpec& spec, RunStatus status, const std::string& reason, int64_t step);

}  // namespace ganarium
