// scene_draft.cpp — keeping the editors' draft in step with the trainer's
// scene: follow it, hold it while edited, revert it on a refusal.
#include "ui/scene_draft.h"

#include "ui/ui_state.h"

namespace ganarium {

namespace {

void takeTrainerScene(SceneDraft& draft, const std::shared_ptr<const SceneSpec>& scene) {
    draft.scene = *scene;
    draft.base = scene;
    draft.in_flight = false;
}

}  // namespace

void followTrainer(UiState& state, const Snapshot& snapshot, double now) {
    SceneDraft& draft = state.draft;
    if (snapshot.command_errors > draft.refusals_seen) {
        // The trainer refused an edit: say why, and show its scene again, not the refused value.
        draft.refusals_seen = snapshot.command_errors;
        showBanner(state, snapshot.command_error, true, now);
        if (snapshot.scene) takeTrainerScene(draft, snapshot.scene);
        return;
    }
    if (!snapshot.scene || snapshot.scene == draft.base) return;  // nothing new from the trainer
    // The trainer's scene changed (it applied the edit in flight, or an edit from elsewhere): show it,
    // unless a widget still holds the draft; then it waits until the widget lets go.
    if (!draft.held) takeTrainerScene(draft, snapshot.scene);
}

void resetDraft(SceneDraft& draft) { draft = SceneDraft{}; }

}  // namespace ganarium
