// condition_data.h — which data a conditional toy GAN can condition on: the
// mixture families (1D mixture, ring, grid, blobs), whose components are the
// labels y. The parser, the trainer and the run editor ask the same question.
#pragma once

#include <string>

#include "core/scene_spec.h"

namespace ganarium {

// The number of labels (mixture components) of `data`, or 0 when the family has none to condition on.
int conditionLabelCount(const DataSpec& data);

// "" when a conditional run can train on `data`; else why not and what to pick instead.
std::string conditionalDataProblem(const DataSpec& data);

}  // namespace ganarium
