// run_editor_condition.h — the run editor's conditional toy GAN controls:
// the `conditional` and `mismatched_pairs` checkboxes (lecture section 8).
#pragma once

#include "core/scene_spec.h"
#include "ui/i18n.h"

namespace ganarium {

// Draws the two checkboxes for `toy` on `data` (disabled, with the reason, when the data has no components);
// true when one changed.
bool drawConditionControls(Language language, const DataSpec& data, ToyGanSpec& toy);

}  // namespace ganarium
