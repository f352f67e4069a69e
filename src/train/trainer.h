// trainer.h — the facade the app, the CLI and the recorder use to train a
// scene. Torch-free header (pimpl) so the render side never compiles
// LibTorch. Two ways to drive it:
//   * synchronous: advance(n) then snapshot() — headless train, record lockstep, tests;
//   * threaded: start() a background thread that applies Commands between
//     steps and publishes snapshots; latest() never blocks.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/command.h"
#include "core/scene_spec.h"
#include "core/snapshot.h"
#include "train/classifier_cache.h"

namespace ganarium {

class DistributedGroup;  // train/distributed_group.h

struct TrainerOptions {
    int threads = 0;             // 0 = use the scene's `threads`
    int metrics_every = 0;       // 0 = use the scene's `metrics_every`
    int display_samples = 1024;  // samples per run in each snapshot; 0 = by run count (1024 up to 2 runs, 512 beyond: smaller panels, same dot density, cheaper frames)
    int field_resolution = 0;    // D-field grid cells per axis; 0 = 256 (1D) / 64 (2D, up to 2 runs) / 48 (2D, 3+ runs)
    int snapshot_every = 1;      // threaded mode: publish every N iterations at most
    bool snapshots_in_train = false;  // synchronous mode: build full snapshots (fields) — views need them, `train` does not
    bool image_metrics = false;  // image runs: the classifier metrics (loads the classifier, or trains it on first use)
    // Set (with image_metrics and image runs): the constructor waits for the classifier before the first evaluation,
    // calling this about 10 times a second, so step 0 has the classifier metrics too (`ganarium train`).
    std::function<void(const ClassifierStatus&)> wait_for_image_metrics;
    // With image_metrics: where the classifier is found or made (record sets cached_only: never train one;
    // tests point it at a quick one in a temporary folder).
    ClassifierCacheOptions classifier;
    // Set: every checkpoint taken is also written to this folder (train/checkpoint_files.h), by the thread stepping its run.
    std::string checkpoint_dir;
    // Set: this process is one rank of a data-parallel job (docs/distributed.md). Every run must be an image run;
    // runs step one after another on one thread, so every rank calls the collectives in the same order.
    std::shared_ptr<DistributedGroup> distributed;
};

class Trainer {
public:
    // Builds every run of `scene` (same initial weights for same architectures). Throws UserError.
    Trainer(const SceneSpec& scene, TrainerOptions options = {});
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // --- synchronous driving (do not mix with start()) ---
    // Advances every running run by `iterations` iterations (metrics at the scene's cadence). When `stop`
    // is given and becomes true, each run stops after its current iteration, so runs may end at
    // different steps (Ctrl-C in `train` and `record`).
    void advance(int64_t iterations, const std::atomic<bool>* stop = nullptr);
    // Applies one command now (synchronous mode).
    void apply(const Command& command);
    // Builds a full snapshot of the current state (fields, samples, histories).
    SnapshotPtr snapshot();
    // Evaluates metrics on every run now and appends them to the histories.
    void evaluateMetrics();
    // Synchronous mode (the window posts Command::SaveCheckpoints / LoadCheckpoints instead):
    // Takes a checkpoint of every run now (written to options.checkpoint_dir when set): `train`'s last step.
    void checkpointNow();
    // From now on every checkpoint taken is also written to `dir` ("" = none), starting with each run's newest.
    void writeCheckpointsTo(const std::string& dir);
    // Writes every checkpoint the runs hold to `dir` (those already there stay); returns the note the window shows.
    // Throws UserError when the disk refuses.
    std::string saveCheckpoints(const std::string& dir);
    // Every run returns to its latest checkpoint saved in `dir` (all runs or none); returns the note.
    // Throws UserError naming the file and the fix; the runs are then unchanged.
    std::string loadCheckpoints(const std::string& dir);
    // The same, at each run's latest checkpoint at or before step `at_or_before` (`ganarium follow`'s timeline).
    std::string loadCheckpointsAt(const std::string& dir, int64_t at_or_before);

    // Makes this trainer one rank of a data-parallel job from now on (as TrainerOptions::distributed), after the
    // slow preparations (data, classifier, --resume) so the ranks' rendezvous does not wait on them.
    // Throws UserError for a run that cannot train data-parallel (train/data_parallel_runs.h).
    void joinDistributed(std::shared_ptr<DistributedGroup> group);

    // --- threaded driving ---
    // Starts the background training thread (paused unless `playing`).
    void start(bool playing);
    // Stops and joins the background thread.
    void stop();
    // Queues a command for the trainer thread (applied between steps).
    void post(Command command);
    // Latest published snapshot; never blocks, never null after construction.
    SnapshotPtr latest() const;
    // Threaded mode: the fraction of wall time (0.01..1) the training thread may train; it rests for the rest.
    void setTrainingShare(double share);

    // --- queries ---
    // The current scene (with live edits applied). Synchronous mode, or before start() / after stop().
    const SceneSpec& scene() const;
    int64_t iteration() const;      // iterations done by the slowest running run
    int stepsPerFrame() const;      // the SetSpeed value (0 = as fast as possible); not while the thread applies commands
    int runCount() const;

    // --- test hooks (synchronous mode only) ---
    // Writes NaN into one weight of run `run`'s D so its next D step diverges.
    void injectNaN(int run);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Which BLAS library LibTorch is using (resolved path of libblas.so.3), and
// whether it is the slow reference BLAS.
struct BlasInfo {
    std::string library;     // e.g. "/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3"
    std::string name;        // "OpenBLAS (openmp)", "reference BLAS", ...
    bool reference = false;  // true: the ~15x slower netlib BLAS is active
};

// Inspects the loaded BLAS (runs one tiny matmul first so it is loaded).
BlasInfo detectBlas();

// LibTorch version string, e.g. "1.13.1".
std::string torchVersion();

}  // namespace ganarium
