// lesson_control.h — a lesson in the window: the LessonPlayer of the open
// scene, driven by the keys (right / Page Down: next step, left / Page Up:
// previous step; space stays play / pause) and by the shown step's advance
// rule, read from each snapshot. Its moves become Commands and the frame's
// display; its caption and "3 / 9" go to the frame's caption bar.
#pragma once

#include <memory>

#include "core/lesson_player.h"
#include "core/snapshot.h"
#include "ui/scene_frame.h"
#include "ui/ui_state.h"

namespace ganarium {

// Key codes of the lesson keys (GLFW values; ImGui's own arrow keys work too).
struct LessonKeys {
    int right = 262, left = 263, page_down = 267, page_up = 266;  // GLFW_KEY_RIGHT, _LEFT, _PAGE_DOWN, _PAGE_UP
};

class LessonControl {
public:
    // Starts the lesson of `scene` at its first step (and forgets any other); a scene without one ends it.
    // `version`: the snapshot version now (rules wait for later snapshots).
    void open(const SceneSpec& scene, UiState& state, SceneFrame& frame, uint64_t version);
    // True while a lesson is open.
    bool active() const { return player_ != nullptr; }
    const LessonPlayer* player() const { return player_.get(); }
    // The keys, then the shown step's advance rule against `snapshot` (once per frame, after the frame is drawn).
    void update(UiState& state, SceneFrame& frame, const Snapshot& snapshot, const LessonKeys& keys = {});
    // Moves to the next (+1) or previous (-1) step with training at the snapshot's step.
    void step(int direction, UiState& state, SceneFrame& frame, const Snapshot& snapshot);
    // The caption bar of the shown step in `options` (caption, "3 / 9", focused panel); nothing without a lesson.
    void decorate(SceneFrameOptions& options) const;

private:
    void apply(const LessonMove& move, UiState& state, SceneFrame& frame);

    std::unique_ptr<LessonPlayer> player_;
    uint64_t moved_at_version_ = 0;  // snapshot version when the last move was posted: rules wait for two newer ones
};

// The training step a snapshot shows (its most advanced run).
int64_t snapshotStep(const Snapshot& snapshot);

}  // namespace ganarium
