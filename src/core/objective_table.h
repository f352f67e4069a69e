// objective_table.h — the one list of GAN objectives as scenes, menus and
// panel titles see them: scene-file name, display label, and whether D is
// an unbounded critic. The losses of each row live beside it on the
// training side (train/objectives.h), keyed by the same enum; adding an
// objective means one row here and one there (docs/architecture.md).
#pragma once

#include <vector>

#include "core/scene_spec.h"

namespace ganarium {

// One objective as the scene files and the interface name it.
struct ObjectiveInfo {
    Objective id;
    const char* name;   // scene-file spelling, e.g. "non_saturating"
    const char* label;  // panel-title label, e.g. "Non-saturating GAN"
    bool critic;        // D is an unbounded critic (Wasserstein, hinge), not a probability
};

// Every objective, in the enum's declaration order.
const std::vector<ObjectiveInfo>& objectiveTable();

// The row of `objective`.
const ObjectiveInfo& objectiveInfo(Objective objective);

}  // namespace ganarium
