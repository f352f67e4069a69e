// data_parallel_runs.cpp — handing the data-parallel group to the runs that can use it.
#include "train/data_parallel_runs.h"

#include "core/errors.h"
#include "train/image_gan_run.h"

namespace ganarium {

void checkDataParallelScene(const SceneSpec& scene, int world_size) {
    for (const RunSpec& run : scene.runs) {
        const ImageGanSpec* image = imageOf(run);
        if (!image)
            throw UserError("run '" + run.name + "' is a " + runKindNames()[static_cast<size_t>(kindOf(run))] +
                            " run: only image runs (kind = \"image_gan\") train on several processes. Toy and Dirac "
                            "runs are too small to gain: train this scene without --world-size.");
        if (image->batch % world_size != 0)
            throw UserError("run '" + run.name + "': its batch of " + std::to_string(image->batch) +
                            " does not split evenly over " + std::to_string(world_size) +
                            " ranks: use a --world-size that divides every image run's batch, or change `batch`.");
    }
}

void joinDistributedGroup(Run& run, const std::shared_ptr<DistributedGroup>& group) {
    if (auto* image = dynamic_cast<ImageGanRun*>(&run)) {
        image->joinGroup(group);
        return;
    }
    throw UserError("run '" + run.spec().name + "' is a " + runKindNames()[static_cast<size_t>(kindOf(run.spec()))] +
                    " run: only image runs (kind = \"image_gan\") train on several processes. Toy and Dirac runs are "
                    "too small to gain: train this scene without --world-size.");
}

}  // namespace ganarium
