// lesson_control.cpp — the window's lesson: keys, advance rules, moves posted as commands.
#include "ui/lesson_control.h"

#include <algorithm>
#include <cmath>

#include "core/lesson.h"

namespace ganarium {

int64_t snapshotStep(const Snapshot& snapshot) {
    int64_t step = 0;
    for (const RunSnapshot& run : snapshot.runs) step = std::max(step, run.step);
    return step;
}

void LessonControl::open(const SceneSpec& scene, UiState& state, SceneFrame& frame, uint64_t version) {
    player_.reset();
    if (!scene.lesson || scene.lesson->steps.empty()) return;
    player_ = std::make_unique<LessonPlayer>(scene.lesson, scene);
    apply(player_->start(), state, frame);
    moved_at_version_ = version;
}

void LessonControl::apply(const LessonMove& move, UiState& state, SceneFrame& frame) {
    for (const Command& command : move.commands) postCommand(state, command);
    if (move.run_to_step > 0) {
        Command forward;
        forward.kind = Command::Kind::FastForward;
        forward.step = move.run_to_step;  // up to that training step, whatever the step is when it applies
        postCommand(state, forward);
    }
    // The step's layers and curves tab; the window keeps its own mode, grid and view box.
    DisplayState display = move.display;
    display.presenter = frame.display().presenter;
    display.layout = frame.display().layout;
    display.has_view = frame.display().has_view;
    display.view = frame.display().view;
    frame.setDisplay(display);
}

void LessonControl::step(int direction, UiState& state, SceneFrame& frame, const Snapshot& snapshot) {
    if (!player_) return;
    const int before = player_->index();
    const int64_t at = snapshotStep(snapshot);
    LessonMove move = direction > 0 ? player_->next(at) : player_->previous(at);
    if (player_->index() == before) return;
    apply(move, state, frame);
    moved_at_version_ = snapshot.version;
}

void LessonControl::update(UiState& state, SceneFrame& frame, const Snapshot& snapshot, const LessonKeys& keys) {
    if (!player_) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && !io.KeyCtrl && !io.KeyAlt) {
        auto pressed = [](int key) { return key >= 0 && ImGui::IsKeyPressed(key, false); };
        if (pressed(keys.right) || pressed(keys.page_down)) step(+1, state, frame, snapshot);
        if (pressed(keys.left) || pressed(keys.page_up)) step(-1, state, frame, snapshot);
    }
    // A rule is judged on snapshots published after the move's commands were applied (the trainer may publish
    // one more from the chunk it was training when they arrived), and not while it fast-forwards.
    if (player_->atLastStep() || snapshot.version < moved_at_version_ + 2 || snapshot.fast_forward_total > 0) return;
    const LessonMetricReader metrics = [&snapshot](int run, const std::string& key) {
        if (run < 0 || static_cast<size_t>(run) >= snapshot.runs.size()) return std::nan("");
        return snapshot.runs[static_cast<size_t>(run)].metrics.last(key);
    };
    if (player_->ruleHolds(snapshotStep(snapshot), metrics)) step(+1, state, frame, snapshot);
}

void LessonControl::decorate(SceneFrameOptions& options) const {
    if (!player_ || player_->index() < 0) return;
    options.caption = lessonCaption(player_->step(), options.lang == Language::Chinese);
    options.lesson_position = lessonPosition(player_->index(), player_->count());
    options.focus_run = player_->step().focus;
}

}  // namespace ganarium
