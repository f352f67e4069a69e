// lesson_player.cpp — the lesson state machine: entering steps forwards, restoring them going back.
#include "core/lesson_player.h"

#include <algorithm>

#include "core/errors.h"

namespace ganarium {
namespace {

Command commandOf(Command::Kind kind) {
    Command c;
    c.kind = kind;
    return c;
}

Command commandOf(Command::Kind kind, int count) {
    Command c = commandOf(kind);
    c.count = count;
    return c;
}

// True when the step takes single D or G steps.
bool takesSingleSteps(const LessonStep& step) { return step.d_steps > 0 || step.g_steps > 0; }

// Trains from `position` up to `target` inside the command queue (synchronously, in order with the other commands).
void trainInline(int64_t target, int64_t& position, LessonMove& move) {
    if (target <= position) return;
    move.commands.push_back(commandOf(Command::Kind::StepIteration, static_cast<int>(target - position)));
    position = target;
}

}  // namespace

LessonPlayer::LessonPlayer(std::shared_ptr<const LessonSpec> lesson, const SceneSpec& scene)
    : lesson_(std::move(lesson)), scene_runs_(scene.runs), scene_seed_(scene.seed), runs_in_force_(scene.runs) {
    if (!lesson_ || lesson_->steps.empty()) throw UserError("LessonPlayer: the scene has no [[lesson.step]] tables.");
    entered_at_.assign(lesson_->steps.size(), -1);
}

void LessonPlayer::setRuns(const std::vector<RunSpec>& runs, LessonMove& move) {
    for (size_t i = 0; i < runs.size() && i < runs_in_force_.size(); ++i) {
        if (runs[i] == runs_in_force_[i]) continue;
        Command c = commandOf(Command::Kind::SetRun);
        c.run = static_cast<int>(i);
        c.run_spec = runs[i];
        move.commands.push_back(std::move(c));
        runs_in_force_[i] = runs[i];
    }
}

void LessonPlayer::enter(int index, int64_t& position, LessonMove& move) {
    const LessonStep& s = lesson_->steps[static_cast<size_t>(index)];
    entered_at_[static_cast<size_t>(index)] = position;
    setRuns(s.runs, move);
    if (s.reseed || s.reset) {
        Command c = commandOf(s.reseed ? Command::Kind::Reseed : Command::Kind::Reset);
        c.seed = s.seed;
        move.commands.push_back(std::move(c));
        position = 0;
        move.run_to_step = -1;  // an earlier step's fast-forward is undone by the reset
    }
    if (s.checkpoint >= 0) {
        Command c = commandOf(Command::Kind::Rewind);
        c.step = s.checkpoint;
        move.commands.push_back(std::move(c));
        position = std::min(position, s.checkpoint);
        move.run_to_step = -1;
    }
    if (s.run_to_step > position) {
        move.run_to_step = s.run_to_step;
        position = s.run_to_step;
    }
    move.commands.push_back(commandOf(s.playing ? Command::Kind::Play : Command::Kind::Pause));
    if (s.d_steps > 0) move.commands.push_back(commandOf(Command::Kind::StepD, s.d_steps));
    if (s.g_steps > 0) move.commands.push_back(commandOf(Command::Kind::StepG, s.g_steps));
}

void LessonPlayer::replayTo(int index, int64_t& position, LessonMove& move) {
    setRuns(scene_runs_, move);
    Command start = commandOf(Command::Kind::Reseed);
    start.seed = scene_seed_;
    move.commands.push_back(std::move(start));
    position = 0;
    for (int k = 0; k < index; ++k) {
        const LessonStep& s = lesson_->steps[static_cast<size_t>(k)];
        setRuns(s.runs, move);
        if (s.reseed || s.reset) {
            Command c = commandOf(s.reseed ? Command::Kind::Reseed : Command::Kind::Reset);
            c.seed = s.seed;
            move.commands.push_back(std::move(c));
            position = 0;
        }
        if (s.checkpoint >= 0) {
            Command c = commandOf(Command::Kind::Rewind);
            c.step = s.checkpoint;
            move.commands.push_back(std::move(c));
            position = std::min(position, s.checkpoint);
        }
        trainInline(s.run_to_step, position, move);
        if (s.d_steps > 0) move.commands.push_back(commandOf(Command::Kind::StepD, s.d_steps));
        if (s.g_steps > 0) move.commands.push_back(commandOf(Command::Kind::StepG, s.g_steps));
        trainInline(entered_at_[static_cast<size_t>(k + 1)], position, move);  // what it trained while shown
    }
    move.run_to_step = -1;
}

void LessonPlayer::restorePosition(int index, int64_t& position, LessonMove& move) {
    const LessonStep& s = lesson_->steps[static_cast<size_t>(index)];
    bool single_steps_before = false;
    for (int k = 0; k < index; ++k)
        single_steps_before = single_steps_before || takesSingleSteps(lesson_->steps[static_cast<size_t>(k)]);
    if (single_steps_before && !s.reset && !s.reseed) {
        replayTo(index, position, move);
        return;
    }
    if (s.reset || s.reseed || s.checkpoint >= 0) return;  // the step's own actions place training
    const int64_t begin = std::max<int64_t>(0, entered_at_[static_cast<size_t>(index)]);
    bool reset_between = false;
    for (int k = index + 1; k <= index_; ++k)
        reset_between = reset_between || lesson_->steps[static_cast<size_t>(k)].reset ||
                        lesson_->steps[static_cast<size_t>(k)].reseed;
    if (reset_between) {
        // The checkpoints before the reset are gone: start again with the seed in force, and train up to the step.
        Command c = commandOf(Command::Kind::Reseed);
        c.seed = index > 0 ? lesson_->steps[static_cast<size_t>(index - 1)].scene_seed : scene_seed_;
        move.commands.push_back(std::move(c));
    } else {
        Command c = commandOf(Command::Kind::Rewind);
        c.step = begin;
        move.commands.push_back(std::move(c));
    }
    move.run_to_step = begin > 0 ? begin : -1;
    position = begin;
}

LessonMove LessonPlayer::jump(int index, int64_t training_step) {
    index = std::clamp(index, 0, count() - 1);
    LessonMove move;
    int64_t position = training_step;
    if (index > index_) {
        for (int k = index_ + 1; k <= index; ++k) enter(k, position, move);
    } else if (index < index_) {
        setRuns(index > 0 ? lesson_->steps[static_cast<size_t>(index - 1)].runs : scene_runs_, move);
        restorePosition(index, position, move);
        enter(index, position, move);
    }
    index_ = index;
    move.display = step().display;
    move.focus = step().focus;
    return move;
}

bool LessonPlayer::ruleHolds(int64_t training_step, const LessonMetricReader& metrics) const {
    if (index_ < 0) return false;
    const AdvanceRule& rule = step().advance;
    switch (rule.kind) {
        case AdvanceRule::Kind::AtStep: return training_step >= rule.at_step;
        case AdvanceRule::Kind::When: return metrics && compareHolds(rule, metrics(rule.run, rule.metric));
        case AdvanceRule::Kind::Click: break;
    }
    return false;
}

}  // namespace ganarium
