// data_parallel_runs.h — which runs train data-parallel: image runs only
// (the toy and Dirac runs are too small to gain; docs/distributed.md).
#pragma once

#include <memory>

#include "train/distributed_group.h"
#include "train/run.h"

namespace ganarium {

// Throws UserError unless every run of `scene` can train on `world_size` ranks (image runs whose batch splits evenly).
void checkDataParallelScene(const SceneSpec& scene, int world_size);
// Makes `run` a rank of `group` (an image run); throws UserError naming the run for any other kind.
void joinDistributedGroup(Run& run, const std::shared_ptr<DistributedGroup>& group);

}  // namespace ganarium
