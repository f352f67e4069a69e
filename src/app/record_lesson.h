// record_lesson.h — a lesson played by `ganarium record --lesson`: between two
// lockstep frames (the trainer idle) it counts the shown step's frames, checks
// the step's advance rule on the frame just taken and, when the rule holds and
// the step's hold time has passed, enters the next step (its commands applied
// to the trainer, its run_to_step trained at once, without frames). Each frame
// is drawn with its step's caption, "3 / 9" and layers. Video time follows
// training time only, so the same lesson gives the same frames.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/lesson_player.h"
#include "core/snapshot.h"
#include "train/trainer.h"
#include "ui/scene_frame.h"

namespace ganarium {

class LessonRecording {
public:
    // `scene` must hold a lesson; `fps` sets the hold times; warnings go to `log`.
    LessonRecording(const SceneSpec& scene, double fps, std::ostream& log);

    // Enters the first step: its commands applied to `trainer` (synchronous mode, before any frame).
    void begin(Trainer& trainer, const std::atomic<bool>* stop);
    // The frame about to be drawn shows the current step: caption, position, focus in `options`, layers in `frame`.
    void decorate(SceneFrameOptions& options, SceneFrame& frame);
    // After a frame of the current step was taken (`snapshot`): counts it and, when the step is done, enters
    // the next one. False when the frame was the lesson's last.
    bool afterFrame(const Snapshot& snapshot, Trainer& trainer, const std::atomic<bool>* stop);
    // Iterations the next frame trains: `k` while the shown step plays, else 0.
    int stepsForNextFrame(int k) const;
    // The step shown (0-based) and how many the lesson has.
    int index() const { return player_.index(); }
    int count() const { return player_.count(); }

private:
    void apply(const LessonMove& move, Trainer& trainer, const std::atomic<bool>* stop);

    LessonPlayer player_;
    double fps_;
    std::ostream& log_;
    int64_t frames_in_step_ = 0;
    int decorated_index_ = -1;  // the step whose layers the frame shows
};

}  // namespace ganarium
