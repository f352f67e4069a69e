// checkpoint_timeline.h — the timeline strip under the transport buttons:
// one tick per checkpoint the runs hold, the current step, and a click that
// rewinds every run to a checkpoint (Command::Rewind). The mapping from a
// click to a checkpoint is a pure function, tested without a window.
#pragma once

#include <cstdint>
#include <vector>

#include "core/snapshot.h"
#include "ui/ui_state.h"

namespace ganarium {

// The checkpoint steps every run of `snapshot` holds (the first run's list when runs differ), oldest first.
std::vector<int64_t> sharedCheckpoints(const Snapshot& snapshot);

// The checkpoint nearest to `fraction` (0..1) of a strip spanning steps 0..`last_step`; -1 when none.
int64_t checkpointAtFraction(const std::vector<int64_t>& checkpoints, double fraction, int64_t last_step);

// The latest checkpoint strictly before `step`; -1 when none.
int64_t checkpointBefore(const std::vector<int64_t>& checkpoints, int64_t step);

// The command the "Save checkpoints to disk" / "Load..." button posts (`kind`: SaveCheckpoints or
// LoadCheckpoints, the folder field's path); marks `state` as waiting for the trainer's answer.
Command checkpointDiskCommand(UiState& state, const Snapshot& snapshot, Command::Kind kind);

// True while a posted save/load has no answer in `snapshot` yet (a new note or a refused command ends the wait).
bool checkpointDiskBusy(UiState& state, const Snapshot& snapshot);

// The strip of `checkpoints` (steps 0..max(current, last) left to right, a tick each, `current` as a marker) across
// the panel; hovering a tick shows `tooltip` (a format with its step) and `hint`. Returns the clicked step, else -1.
int64_t drawCheckpointStrip(const std::vector<int64_t>& checkpoints, int64_t current, Language lang, TextId tooltip,
                            TextId hint);

// The strip, its Rewind button (posts Rewind commands) and the disk controls (folder, save, load, note).
void drawCheckpointTimeline(UiState& state, const Snapshot& snapshot);

}  // namespace ganarium
