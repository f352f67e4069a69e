// checkpoint_timeline.h — one run's checkpoints in memory, oldest first,
// taken every N steps within a memory budget. Beyond the budget the
// checkpoint whose neighbours are closest is dropped (never the first or
// the latest), so the kept ones stay spread evenly over the whole run: the
// lecture's "keep checkpoints and stop before the collapse".
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "train/run.h"

namespace ganarium {

class CheckpointTimeline {
public:
    // Every `every` steps (0: never), at most `budget_bytes` held (the first and latest always stay).
    explicit CheckpointTimeline(int64_t every = 0, size_t budget_bytes = 0) : every_(every), budget_(budget_bytes) {}

    // Takes a checkpoint of `run` when its step is on the cadence and newer than the latest held.
    void maybeTake(const Run& run);
    // Takes a checkpoint of `run` now (unless one at this step is held).
    void take(const Run& run);
    // The latest checkpoint at or before `step`; null when there is none.
    std::shared_ptr<const RunCheckpoint> atOrBefore(int64_t step) const;
    // Forgets every checkpoint after `step` (a rewound run's old future).
    void dropAfter(int64_t step);
    // Forgets everything (a rebuilt run).
    void clear() { entries_.clear(); }

    // The checkpoints held, oldest first.
    const std::vector<std::shared_ptr<const RunCheckpoint>>& entries() const { return entries_; }
    // The newest checkpoint held; null when none.
    std::shared_ptr<const RunCheckpoint> latest() const { return entries_.empty() ? nullptr : entries_.back(); }
    // Steps of the checkpoints held, oldest first.
    std::vector<int64_t> steps() const;
    // Memory the checkpoints hold.
    size_t bytes() const;

private:
    // Drops checkpoints (closest neighbours first) until the budget holds or only two are left.
    void thin();

    int64_t every_;
    size_t budget_;
    std::vector<std::shared_ptr<const RunCheckpoint>> entries_;
};

}  // namespace ganarium
