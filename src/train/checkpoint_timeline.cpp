// checkpoint_timeline.cpp — taking, finding, dropping and thinning checkpoints.
#include "train/checkpoint_timeline.h"

#include <algorithm>

namespace ganarium {

void CheckpointTimeline::maybeTake(const Run& run) {
    if (every_ <= 0 || run.step() % every_ != 0) return;
    take(run);
}

void CheckpointTimeline::take(const Run& run) {
    if (!entries_.empty() && entries_.back()->step >= run.step()) return;
    entries_.push_back(run.checkpoint());
    thin();
}

std::shared_ptr<const RunCheckpoint> CheckpointTimeline::atOrBefore(int64_t step) const {
    std::shared_ptr<const RunCheckpoint> found;
    for (const auto& entry : entries_) {
        if (entry->step > step) break;
        found = entry;
    }
    return found;
}

void CheckpointTimeline::dropAfter(int64_t step) {
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                  [step](const std::shared_ptr<const RunCheckpoint>& e) { return e->step > step; }),
                   entries_.end());
}

std::vector<int64_t> CheckpointTimeline::steps() const {
    std::vector<int64_t> out;
    out.reserve(entries_.size());
    for (const auto& entry : entries_) out.push_back(entry->step);
    return out;
}

size_t CheckpointTimeline::bytes() const {
    size_t total = 0;
    for (const auto& entry : entries_) total += entry->bytes;
    return total;
}

void CheckpointTimeline::thin() {
    while (entries_.size() > 2 && bytes() > budget_) {
        // The inner checkpoint whose neighbours are closest carries the least unique history.
        size_t drop = 1;
        int64_t narrowest = entries_[2]->step - entries_[0]->step;
        for (size_t i = 2; i + 1 < entries_.size(); ++i) {
            const int64_t gap = entries_[i + 1]->step - entries_[i - 1]->step;
            if (gap < narrowest) {
                narrowest = gap;
                drop = i;
            }
        }
        entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(drop));
    }
}

}  // namespace ganarium
