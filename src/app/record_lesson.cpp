// record_lesson.cpp — stepping a lesson between the frames of a lockstep recording.
#include "app/record_lesson.h"

#include <cmath>
#include <ostream>

#include "core/errors.h"
#include "core/lesson.h"
#include "ui/lesson_control.h"

namespace ganarium {

LessonRecording::LessonRecording(const SceneSpec& scene, double fps, std::ostream& log)
    : player_(scene.lesson, scene), fps_(fps), log_(log) {}

void LessonRecording::apply(const LessonMove& move, Trainer& trainer, const std::atomic<bool>* stop) {
    for (const Command& command : move.commands) {
        try {
            trainer.apply(command);
        } catch (const UserError& error) {  // e.g. a rewind with no checkpoint: the lesson goes on from here
            log_ << "lesson step " << player_.index() + 1 << ": " << error.what() << '\n';
        }
    }
    if (move.run_to_step > trainer.iteration()) trainer.advance(move.run_to_step - trainer.iteration(), stop);
    frames_in_step_ = 0;
}

void LessonRecording::begin(Trainer& trainer, const std::atomic<bool>* stop) { apply(player_.start(), trainer, stop); }

void LessonRecording::decorate(SceneFrameOptions& options, SceneFrame& frame) {
    const LessonStep& step = player_.step();
    options.caption = lessonCaption(step, options.lang == Language::Chinese);
    options.lesson_position = lessonPosition(player_.index(), player_.count());
    options.focus_run = step.focus;
    if (decorated_index_ == player_.index()) return;
    decorated_index_ = player_.index();
    DisplayState display = step.display;
    display.layout = frame.display().layout;
    frame.setDisplay(display);
}

bool LessonRecording::afterFrame(const Snapshot& snapshot, Trainer& trainer, const std::atomic<bool>* stop) {
    ++frames_in_step_;
    const LessonStep& step = player_.step();
    if (frames_in_step_ < lessonStepMinFrames(step, fps_)) return true;
    const LessonMetricReader metrics = [&snapshot](int run, const std::string& key) {
        if (run < 0 || static_cast<size_t>(run) >= snapshot.runs.size()) return std::nan("");
        return snapshot.runs[static_cast<size_t>(run)].metrics.last(key);
    };
    const bool click = step.advance.kind == AdvanceRule::Kind::Click;
    if (!click && !player_.ruleHolds(snapshotStep(snapshot), metrics)) {
        if (frames_in_step_ < lessonStepMaxFrames(step, fps_)) return true;
        log_ << "lesson step " << player_.index() + 1 << " (line " << step.line << "): its advance rule did not hold within "
             << kLessonStepMaxSeconds << " s of video (training step " << snapshotStep(snapshot)
             << "); moving on\n";
    }
    if (player_.atLastStep()) return false;
    apply(player_.next(snapshotStep(snapshot)), trainer, stop);
    return true;
}

int LessonRecording::stepsForNextFrame(int k) const { return player_.step().playing ? k : 0; }

}  // namespace ganarium
