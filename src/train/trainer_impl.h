// trainer_impl.h — the state behind the Trainer facade (pimpl), shared by
// trainer.cpp (building runs, stepping, metrics, snapshots),
// trainer_commands.cpp (applying Commands) and trainer_thread.cpp (the
// background thread and the latest-value handoff). Not part of the API.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/distribution.h"
#include "train/checkpoint_timeline.h"
#include "train/image_evaluator.h"
#include "train/metric_evaluator.h"
#include "train/run.h"
#include "train/trainer.h"
#include "train/worker_pool.h"

namespace ganarium {

// Throws UserError with the fix for scene mistakes the trainer meets (the parser catches most earlier).
void validateScene(const SceneSpec& scene);
// Throws UserError when `run` cannot train on `dim`-dimensional data; `where` prefixes the message.
void validateRun(const RunSpec& run, int dim, const std::string& where);
// Throws UserError when `run` is a conditional toy GAN and `data` has no mixture components to condition on.
void validateCondition(const RunSpec& run, const DataSpec& data, const std::string& where);

struct Trainer::Impl {
    // --- scene state (touched only by the thread driving training) ---
    SceneSpec scene;
    TrainerOptions options;
    std::unique_ptr<Distribution> data;    // null while custom data is empty
    std::vector<Mode> modes;
    std::vector<double> mode_weights;
    std::vector<std::unique_ptr<Run>> runs;  // one per scene run, made by makeRun()
    std::vector<CheckpointTimeline> timelines;  // runs[i]'s checkpoints (touched by the thread stepping run i)
    int dim = 2;
    Bounds view;
    DivergenceGrid divergence_grid;        // the fixed box JS/KL use, set with the data (read-only while stepping)
    bool playing = false;
    int steps_per_frame = 1;
    double steps_per_second = 0;
    bool training_rested = false;  // a share below 1 cost training time since the last publish (worker thread only)
    int64_t fast_forward_start = 0;        // iteration() when the current fast-forward began
    int64_t fast_forward_total = 0;        // its length in iterations (0: none)
    std::string command_error;       // the latest refused command's reason (shown by the UI)
    uint64_t command_errors = 0;
    std::string checkpoint_note;     // what the latest save to / load from disk did (shown by the timeline)
    uint64_t checkpoint_notes = 0;   // how many such notes so far
    std::shared_ptr<const SceneSpec> published_scene;  // `scene` as snapshots share it; null: copy on the next one
    std::mutex torch_threads_mutex;        // serialises at::set_num_threads calls of workers
    WorkerPool pool;                       // persistent threads for per-run work (made by the driving thread)
    std::unique_ptr<ImageEvaluator> image_evaluator;  // image runs' classifier metrics (options.image_metrics)

    // --- publication (latest-value handoff) ---
    mutable std::mutex publish_mutex;      // held only to swap/copy the pointer
    SnapshotPtr published;
    std::atomic<uint64_t> version{0};
    std::atomic<int64_t> iteration_cache{0};
    std::atomic<double> training_share{1.0};  // threaded mode: fraction of wall time spent training (setTrainingShare)

    // --- threaded mode ---
    std::thread worker;
    std::mutex command_mutex;
    std::condition_variable command_cv;
    std::deque<Command> commands;
    bool stop_requested = false;           // guarded by command_mutex

    Impl(const SceneSpec& s, TrainerOptions o);

    // (Re)builds the data distribution, mode tables and view box from `scene.data`.
    void rebuildData();
    // (Re)builds every run from `scene` (identical initial weights per architecture).
    void rebuildRuns();
    // Runs `fn` on every run over the pool: run i on thread i % threadCount() (thread 0: the caller), 1 torch thread each.
    void forEachRun(const std::function<void(Run&, size_t)>& fn);
    // Steps every run `iterations` times with metrics at the cadence; each run stops early once `*stop` is true.
    void advance(int64_t iterations, const std::atomic<bool>* stop = nullptr);
    // Evaluates metrics on one run and records them.
    void evaluate(Run& run);
    // After one iteration of run `index`: metrics and a checkpoint when their cadences say so.
    void afterIteration(size_t index);
    // Starts run `index`'s checkpoint timeline afresh, with a checkpoint of its current state.
    void restartTimeline(size_t index);
    // Returns runs `index` (-1 = all) to their latest checkpoint at or before `step`; throws UserError when one cannot.
    void rewind(int index, int64_t step);
    // Writes run `index`'s newest checkpoint to options.checkpoint_dir when that is set.
    void writeLatestCheckpoint(size_t index);
    // See Trainer::saveCheckpoints / loadCheckpoints (trainer_checkpoint_files.cpp).
    std::string saveCheckpoints(const std::string& dir);
    std::string loadCheckpoints(const std::string& dir, int64_t at_or_before = -1);  // -1: each run's latest
    // Builds run `spec` with the scene's seed and display size, shown the current data.
    std::unique_ptr<Run> buildRun(const RunSpec& spec) const;
    // Builds a snapshot (full: with fields and geometry) and grows the view box; `heavy` = false lets image runs
    // reuse their slow parts (snapshot_cadence.h).
    SnapshotPtr buildSnapshot(bool full, bool heavy = true);
    // Stores `snapshot` as the latest one.
    void publish(SnapshotPtr snapshot);
    // Switches the data distribution (validated first); keeps weights when the dimension is unchanged.
    void switchData(const DataSpec& next);
    // Replaces run `index`'s spec: a live edit of the same kind, else a new run.
    void setRun(size_t index, const RunSpec& spec);
    // Applies one command (called on the thread driving training).
    void apply(const Command& command);
    // Iterations of the current fast-forward still to train (0 when none, or when no run can train).
    int64_t fastForwardRemaining() const;
    // Slowest running run's iteration count.
    int64_t iteration() const;
    int threadCount() const;
    int metricsEvery() const;
    // The background thread's loop.
    void workerLoop();
};

}  // namespace ganarium
