// cli_distributed.h — `ganarium train`'s data-parallel options: --world-size,
// --rank, --master HOST:PORT, --timeout, or the launcher variables WORLD_SIZE,
// RANK, MASTER_ADDR, MASTER_PORT (docs/distributed.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/cli_args.h"
#include "core/scene_spec.h"
#include "train/distributed_group.h"

namespace ganarium {

// The options of this process; nullopt when it trains alone (world size 1). Options win over the environment.
// Throws UserError naming the option or variable.
std::optional<DistributedOptions> distributedOptionsFrom(const CliArgs& args);
// What every rank must agree on: the scene (as written back), its seed and the step count.
std::string distributedJob(const SceneSpec& scene, int64_t steps);

}  // namespace ganarium
