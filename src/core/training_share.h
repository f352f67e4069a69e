// training_share.h — the window's training policy under load: the share of
// wall time the training thread may spend training, adapted to the frame
// budget. Frames over the budget for two windows in a row (other processes,
// Mesa's raster threads and training all want the two cores) lower the
// share; frames well within it raise it again, up to "flat out".
// Pure logic: the session feeds it frame work times and hands the share to
// the trainer (Trainer::setTrainingShare).
#pragma once

#include <vector>

namespace ganarium {

struct TrainingShareOptions {
    double frame_budget_ms = 33;  // median frame work (build UI + render + swap) to keep: 30 frames a second
    int frames_per_decision = 8;  // the median of this many rendered frames decides (about 0.25 s at 30 fps)
    double lowest_share = 0.1;    // training never stops entirely
    int windows_before_decrease = 2;  // so many windows in a row over budget before the share drops (not one hiccup)
    double decrease_factor = 0.7; // over budget: share *= this
    double increase_step = 0.15;  // well within budget (under 70 %): share += this
};

class TrainingShare {
public:
    // A controller that starts at share 1 (train flat out).
    explicit TrainingShare(TrainingShareOptions options = {});
    // Adds one rendered frame's work time in ms; true when the share changed.
    bool addFrame(double work_ms);
    // The fraction of wall time training may use, in [lowest_share, 1].
    double share() const { return share_; }

private:
    TrainingShareOptions options_;
    std::vector<double> frames_;
    int over_budget_windows_ = 0;  // consecutive decisions whose median was over budget
    double share_ = 1;
};

}  // namespace ganarium
