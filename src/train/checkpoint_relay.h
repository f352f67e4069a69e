// checkpoint_relay.h — `--resume` in a data-parallel job without a shared
// folder: rank 0 puts each run's latest complete step folder (its files, as
// bytes) into the job's store, and every other rank loads them from there,
// so only rank 0 needs the checkpoint folder (docs/distributed.md).
#pragma once

#include <string>

#include "train/distributed_group.h"
#include "train/trainer.h"

namespace ganarium {

// Rank 0, after loading `dir`: shares the latest step folder of each of `run_count` runs with the other ranks.
// Throws UserError naming the folder when one is missing.
void shareLatestCheckpoints(DistributedGroup& group, const std::string& dir, int run_count);

// The other ranks: waits (up to the job's timeout) for rank 0's folders, writes them to a temporary folder, loads
// them into `trainer` (Trainer::loadCheckpoints) and removes the folder; returns the load's note.
std::string loadSharedCheckpoints(DistributedGroup& group, Trainer& trainer);

}  // namespace ganarium
