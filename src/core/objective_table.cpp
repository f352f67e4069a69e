// objective_table.cpp — the rows of the objective table (see objective_table.h).
#include "core/objective_table.h"

#include <cassert>

namespace ganarium {

namespace {
const std::vector<ObjectiveInfo> kObjectives = {
    {Objective::Minimax, "minimax", "Minimax GAN", false},
    {Objective::NonSaturating, "non_saturating", "Non-saturating GAN", false},
    {Objective::MaxLikelihood, "max_likelihood", "Max-likelihood GAN", false},
    {Objective::LeastSquares, "least_squares", "LSGAN", false},
    {Objective::Hinge, "hinge", "Hinge GAN", true},
    {Objective::Wasserstein, "wasserstein", "WGAN", true},
};
}  // namespace

const std::vector<ObjectiveInfo>& objectiveTable() { return kObjectives; }

const ObjectiveInfo& objectiveInfo(Objective objective) {
    const auto index = static_cast<size_t>(objective);
    assert(index < kObjectives.size() && kObjectives[index].id == objective);
    return kObjectives[index];
}

}  // namespace ganarium
