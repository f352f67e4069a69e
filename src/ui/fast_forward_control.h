// fast_forward_control.h — "fast-forward N steps": trains without drawing
// every frame so a teacher can jump to where the lesson becomes visible;
// while it runs, a progress bar with the steps done and a Stop button.
#pragma once

#include "core/snapshot.h"
#include "ui/ui_state.h"

namespace ganarium {

// The fast-forward button and its step count, or the running fast-forward's progress bar and Stop.
void drawFastForward(UiState& state, const Snapshot& snapshot);

// Share of the current fast-forward done, 0..1 (0 when none runs).
float fastForwardFraction(const Snapshot& snapshot);

}  // namespace ganarium
