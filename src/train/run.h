// run.h — the contract every kind of run meets (a toy GAN, the Dirac-GAN,
// ...): the Trainer steps, evaluates, edits and snapshots runs only through
// this interface, and makeRun() is the one factory on the RunSpec's kind.
// How to add a kind: docs/architecture.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/distribution.h"
#include "core/scene_spec.h"
#include "core/snapshot.h"
#include "train/run_checkpoint.h"

namespace ganarium {

struct MetricContext;
struct SnapshotContext;

class Run {
public:
    virtual ~Run() = default;

    // True when the run trains on the scene's data (it waits while custom data is empty).
    virtual bool needsData() const = 0;
    // One iteration (the kind's own D and G updates); counts as one step. No-op unless Running.
    virtual void iterate(const Distribution* data) = 0;
    // One discriminator update / one generator update (single-step buttons).
    virtual void stepD(const Distribution* data) = 0;
    virtual void stepG() = 0;

    // Live edit: new settings of the same kind; keeps what it can (weights, position).
    virtual void applySpec(const RunSpec& spec) = 0;
    // The data changed: redraw whatever the run shows of it.
    virtual void dataChanged(const Distribution& data) = 0;
    // Restarts from a point the user picked in the run's plane (kinds without one ignore it).
    virtual void restartFrom(double x, double y) = 0;

    // Evaluates every metric now and appends them to the run's metric log.
    virtual void evaluate(const MetricContext& context) = 0;
    // The run's snapshot; `full` = false: header and metrics only.
    virtual RunSnapshot snapshot(const SnapshotContext& context, bool full) = 0;

    // Status: a run pauses alone, diverges alone (NaN/Inf, an exception) and resumes alone.
    virtual int64_t step() const = 0;
    virtual RunStatus status() const = 0;
    virtual const std::string& statusReason() const = 0;
    virtual const RunSpec& spec() const = 0;
    virtual void pause() = 0;
    virtual void resume() = 0;
    // Marks the run Diverged with `reason`.
    virtual void fail(const std::string& reason) = 0;
    // Checks the state for NaN/Inf; marks the run Diverged and returns false when found.
    virtual bool checkState() = 0;
    // Redraws the initial state (used to resume a run whose state holds NaN).
    virtual void reinitialize() = 0;
    // Test hook: poisons the state so the next update diverges.
    virtual void injectNaN() = 0;

    // The whole training state now (weights, optimizer state, random streams, step, metric history length).
    virtual std::shared_ptr<const RunCheckpoint> checkpoint() const = 0;
    // Returns to `checkpoint` (one this run made): continuing from it repeats the same steps and metrics,
    // under the run's current settings. Returns "" or why it cannot (e.g. the architecture changed since).
    virtual std::string restore(const RunCheckpoint& checkpoint) = 0;
    // A checkpoint of this kind read from a checkpoint file's state (a RunCheckpoint::write of the same kind),
    // with `step` and `history` (its metric_count evaluations) set; restore() then checks the shapes.
    // Throws UserError naming the missing or damaged entry.
    virtual std::shared_ptr<const RunCheckpoint> readCheckpoint(const CheckpointState& in, int64_t step,
                                                                MetricLogView history) const = 0;
};

// Makes the run `spec.kind` names, on `dim`-dimensional data, seeded by `seed`.
std::unique_ptr<Run> makeRun(const RunSpec& spec, int dim, uint64_t seed, int display_samples);

}  // namespace ganarium
