// app_checkpoint_disk_test.cpp — the timeline's disk buttons: the command
// carries the folder field, and "working on ..." lasts until the trainer
// answers with a note or a refusal.
#include <doctest/doctest.h>

#include "ui/checkpoint_timeline.h"

using namespace ganarium;

TEST_CASE("the disk buttons post the folder and wait for the trainer's note or refusal") {
    UiState state;
    Snapshot snapshot;
    snapshot.checkpoint_notes = 4;
    snapshot.command_errors = 2;
    CHECK(state.checkpoint_dir == "checkpoints");
    CHECK_FALSE(checkpointDiskBusy(state, snapshot));

    state.checkpoint_dir = "/tmp/lecture";
    const Command save = checkpointDiskCommand(state, snapshot, Command::Kind::SaveCheckpoints);
    CHECK(save.kind == Command::Kind::SaveCheckpoints);
    CHECK(save.text == "/tmp/lecture");
    CHECK(checkpointDiskBusy(state, snapshot));  // the same snapshot: no answer yet
    snapshot.checkpoint_notes = 5;               // "Saved ..." arrived
    snapshot.checkpoint_note = "Saved 3 new of 3 checkpoints to /tmp/lecture";
    CHECK_FALSE(checkpointDiskBusy(state, snapshot));

    const Command load = checkpointDiskCommand(state, snapshot, Command::Kind::LoadCheckpoints);
    CHECK(load.kind == Command::Kind::LoadCheckpoints);
    CHECK(checkpointDiskBusy(state, snapshot));
    snapshot.command_errors = 3;  // refused: the red banner says why
    CHECK_FALSE(checkpointDiskBusy(state, snapshot));
}
