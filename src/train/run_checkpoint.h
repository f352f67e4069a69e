// run_checkpoint.h — a run's whole training state at one step (weights,
// optimizer state, random streams, step, the length of its metric history),
// opaque to the trainer: only the kind of run that made a checkpoint reads
// it back. The trainer keeps them in a CheckpointTimeline per run; a
// checkpoint folder on disk (train/checkpoint_files.h) holds one, written
// by write() and read back by the run's readCheckpoint().
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/metric_log.h"

namespace ganarium {

class CheckpointState;

// The base of every kind's checkpoint: what the timeline needs to know about it.
struct RunCheckpoint {
    virtual ~RunCheckpoint() = default;
    int64_t step = 0;         // the run's step when it was taken
    size_t bytes = 0;         // memory it holds (for the timeline's budget)
    size_t metric_count = 0;  // evaluations in the metric log when it was taken
    MetricLogView history;    // the metric log as it was then (its first metric_count evaluations count)

    // Puts the kind's whole state into `out` (state.pt of a checkpoint folder); step and history travel apart.
    virtual void write(CheckpointState& out) const = 0;
};

}  // namespace ganarium
