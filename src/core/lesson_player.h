// lesson_player.h — plays a lesson: which step is shown, what entering a step
// asks of the trainer and the window, and when a step's advance rule holds.
// Pure logic (no trainer, no window): the window and `ganarium record --lesson`
// feed it the training step and metrics and carry out its moves.
//
// Entering a step (next, or a jump forwards) runs that step's actions.
// Going back to step j restores step j's state:
//   * every run's parameters are those in force while j is shown (step j's `set` included);
//   * training goes back to where step j began: a Rewind to the checkpoint at or before
//     that training step, then a fast-forward up to it (so checkpoint_every only decides
//     how much is recomputed); when a reset or reseed lies between, a Reseed with step j's
//     seed and a fast-forward from 0 instead; when an earlier step took single D / G steps
//     (d_steps, g_steps), which no training step count records, the lesson is replayed
//     from the scene's start: each earlier step's actions, its single steps and the
//     iterations trained while it was shown (Command::StepIteration), in order;
//   * then step j's own actions run again (its reset, run_to_step, transport);
//   * the layers and curves tab are step j's, the focused panel is j's.
// Training is deterministic for a scene and seed, so the step looks as it did.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/command.h"
#include "core/lesson.h"

namespace ganarium {

// What entering a step asks for.
struct LessonMove {
    std::vector<Command> commands;  // for the trainer, in order (SetRun, Reseed / Reset / Rewind, Play / Pause)
    int64_t run_to_step = -1;       // then train without drawing up to this training step (-1: none)
    DisplayState display;           // the step's layers and curves tab
    int focus = -1;                 // the run panel to highlight (-1: none)
};

// Reads run `run`'s latest value of metric `key` (NaN when it has none).
using LessonMetricReader = std::function<double(int run, const std::string& key)>;

class LessonPlayer {
public:
    // A player before its first step; `scene` is the lesson's scene (its runs and seed as loaded).
    LessonPlayer(std::shared_ptr<const LessonSpec> lesson, const SceneSpec& scene);

    // The step shown (0-based; -1 before start()) and the number of steps.
    int index() const { return index_; }
    int count() const { return static_cast<int>(lesson_->steps.size()); }
    // The step shown (start() first).
    const LessonStep& step() const { return lesson_->steps[static_cast<size_t>(index_)]; }
    bool atLastStep() const { return index_ + 1 >= count(); }

    // Enters step `index` (clamped to the lesson) with training at `training_step`.
    LessonMove jump(int index, int64_t training_step);
    // Enters the first step (training at step 0).
    LessonMove start() { return jump(0, 0); }
    // The next / previous step (the last / first stays where it is, with an empty move).
    LessonMove next(int64_t training_step) { return jump(index_ + 1, training_step); }
    LessonMove previous(int64_t training_step) { return jump(index_ - 1, training_step); }

    // True when the shown step's advance rule holds at `training_step` with these metrics (a click rule never does).
    bool ruleHolds(int64_t training_step, const LessonMetricReader& metrics) const;

    // Training step at which step `index` was last entered forwards (-1: not yet).
    int64_t enteredAt(int index) const { return entered_at_[static_cast<size_t>(index)]; }

private:
    // Runs step `index`'s actions onto `move`, with training at `position` (updated).
    void enter(int index, int64_t& position, LessonMove& move);
    // Commands that bring training back to where step `index` began.
    void restorePosition(int index, int64_t& position, LessonMove& move);
    // Replays steps 0..index-1 from the scene's start (their single D / G steps included) up to where
    // step `index` began.
    void replayTo(int index, int64_t& position, LessonMove& move);
    // Sets every run whose parameters differ from `runs` (runs_in_force_ follows).
    void setRuns(const std::vector<RunSpec>& runs, LessonMove& move);

    std::shared_ptr<const LessonSpec> lesson_;
    std::vector<RunSpec> scene_runs_;       // before the first step
    uint64_t scene_seed_ = 1;
    std::vector<RunSpec> runs_in_force_;    // what the player last told the trainer
    std::vector<int64_t> entered_at_;       // per step: the training step it began at (-1: never entered)
    int index_ = -1;
};

}  // namespace ganarium
