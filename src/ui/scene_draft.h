// scene_draft.h — the editors' working copy of the trainer's scene. The
// trainer's scene (Snapshot::scene) is the only truth: the draft follows it,
// except while an editor widget holds the draft (a drag, typing) or an edit
// posted from it waits for the trainer. When the trainer refuses a command,
// the draft goes back to the trainer's scene and a banner says why.
#pragma once

#include <cstdint>
#include <memory>

#include "core/scene_spec.h"
#include "core/snapshot.h"

namespace ganarium {

struct UiState;

// The draft and what it waits for.
struct SceneDraft {
    SceneSpec scene;                        // what the editors show and edit
    std::shared_ptr<const SceneSpec> base;  // the trainer's scene the draft was last taken from (null: none yet)
    bool held = false;                      // an editor widget was active at the end of the last controls panel
    bool in_flight = false;                 // a scene edit was posted; the trainer has not answered yet
    uint64_t refusals_seen = 0;             // the trainer's refused-command count already reported
};

// Brings the draft in step with `snapshot` (call once per frame, before the editors): on a new refusal it
// shows the reason (sticky red banner at time `now`) and drops the draft; otherwise it takes the trainer's
// scene when that scene changed, unless the draft is held or its edit is still in flight.
void followTrainer(UiState& state, const Snapshot& snapshot, double now);

// Forgets the draft and the refusals seen (a new trainer starts counting from zero).
void resetDraft(SceneDraft& draft);

}  // namespace ganarium
