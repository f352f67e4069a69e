// snapshot.h — immutable, CPU-side picture of the training state that the
// trainer publishes and every view draws. The single source of truth for
// every number on screen. Plain data only: no tensors, no GL.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/metric_log.h"
#include "core/quantity.h"
#include "core/scene_spec.h"
#include "core/snapshot_types.h"

namespace ganarium {

enum class RunStatus { Running, Paused, Diverged };

// Everything a view needs to draw one run: a header every kind of run has, then
// the named quantities it publishes (samples, fields, phase plane, ...; names
// in quantity_names, views chosen by their kinds: views/view_registry.h).
struct RunSnapshot {
    std::string name;                 // panel title
    std::string name_zh;              // Chinese panel title (empty: `name`); localizedText(name, name_zh, zh)
    std::string kind = "toy";         // run kind's scene-file name (runKindNames())
    std::string objective;            // canonical objective name ("wasserstein", ...)
    std::string lipschitz;            // "none", "clip", "gp", "sn"
    bool critic = false;              // D is an unbounded critic f(x) (Wasserstein/hinge) rather than a probability
    RunStatus status = RunStatus::Running;
    std::string status_reason;        // e.g. "NaN in loss_d at step 1234"
    int64_t step = 0;                 // iterations done
    double clip = 0;                  // weight-clip c (0 when not clipping): the weights panel marks +-c
    std::vector<int64_t> checkpoints; // steps of the checkpoints kept in memory, oldest first (the timeline)

    std::vector<Quantity> parts;      // named quantities (samples, fields, phase plane, loss-shape samples, ...)

    MetricLogView metrics;            // every metric evaluation so far (shared with the run: never copied whole)
};

// The Fashion-MNIST classifier behind the image metrics, as the window shows it (train/image_evaluator.h).
struct ClassifierStatus {
    bool wanted = false;   // the scene has image runs and the trainer computes their classifier metrics
    bool ready = false;    // loaded (or trained) and usable
    bool failed = false;   // could not be loaded or trained: `message` says why
    double fraction = 0;   // of a first-use training done
    std::string message;   // what it is doing ("training the classifier (first use): epoch 2/5")
};

// What the trainer publishes after a batch of steps.
struct Snapshot {
    uint64_t version = 0;             // increases with every publish
    std::string scene_title, scene_caption, scene_path;
    std::string scene_title_zh, scene_caption_zh;  // Chinese variants (empty: the English ones)
    int dim = 1;
    Bounds view;                      // data-space box the fields were evaluated on
    bool playing = false;
    int steps_per_frame = 1;
    double steps_per_second = 0;      // measured training throughput (all runs)
    bool training_rested = false;     // the trainer rested for the window's training share since the last snapshot
    std::string command_error;        // why the trainer refused the latest refused command ("" = none)
    uint64_t command_errors = 0;      // how many commands it refused so far (a change means a new error)
    std::string checkpoint_note;      // what the latest save to / load from disk did ("" = none yet)
    uint64_t checkpoint_notes = 0;    // how many such notes so far (a change means a new one)
    int64_t fast_forward_done = 0;    // iterations of the current fast-forward done so far
    int64_t fast_forward_total = 0;   // its length (0: not fast-forwarding)
    ClassifierStatus classifier;      // the image metrics' classifier (wanted only with image runs)
    std::shared_ptr<const SceneSpec> scene;  // the trainer's scene with every applied edit (shared between
                                             // snapshots; a new pointer only when the scene changed)
    std::vector<RunSnapshot> runs;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace ganarium
