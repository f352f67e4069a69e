// training_share.cpp — median-of-a-window controller for the training share.
#include "core/training_share.h"

#include <algorithm>

namespace ganarium {

TrainingShare::TrainingShare(TrainingShareOptions options) : options_(options) {
    frames_.reserve(static_cast<size_t>(std::max(1, options_.frames_per_decision)));
}

bool TrainingShare::addFrame(double work_ms) {
    frames_.push_back(work_ms);
    if (static_cast<int>(frames_.size()) < std::max(1, options_.frames_per_decision)) return false;
    auto middle = frames_.begin() + static_cast<std::ptrdiff_t>(frames_.size() / 2);
    std::nth_element(frames_.begin(), middle, frames_.end());
    const double median = *middle;
    frames_.clear();
    const double before = share_;
    over_budget_windows_ = median > options_.frame_budget_ms ? over_budget_windows_ + 1 : 0;
    if (over_budget_windows_ >= std::max(1, options_.windows_before_decrease)) {
        share_ = std::max(options_.lowest_share, share_ * options_.decrease_factor);
        over_budget_windows_ = 0;
    } else if (median < 0.7 * options_.frame_budget_ms) {
        share_ = std::min(1.0, share_ + options_.increase_step);
    }
    return share_ != before;
}

}  // namespace ganarium
