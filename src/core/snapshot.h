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

// Everything a view needs to draw one run. Header fields first, then the
// toy GAN's fields (a ToyGan run fills them), then the named quantities any
// kind of run publishes (views are chosen by their kinds: views/view_registry.h).
struct RunSnapshot {
    std::string name;                 // panel title
    std::string kind = "toy";         // run kind's scene-file name (runKindNames())
    std::string objective;            // canonical objective name ("wasserstein", ...)
    std::string lipschitz;            // "none", "clip", "gp", "sn"
    bool critic = false;              // D is an unbounded critic f(x) (Wasserstein/hinge) rather than a probability
    RunStatus status = RunStatus::Running;
    std::string status_reason;        // e.g. "NaN in loss_d at step 1234"
    int64_t step = 0;                 // iterations done
    int dim = 1, latent_dim = 1;

    std::vector<float> real, fake;    // n x dim samples drawn for display
    std::vector<float> latent;        // n x latent_dim: the z of each fake sample
    std::vector<float> fake_push;     // n x dim: -dLoss_G/dx at each fake sample (where G is pushed)

    // Fields cover the "field box": the view box widened so any panel aspect
    // from 0.65:1 to 2.5:1 is filled (FieldGrid::box says exactly where).
    FieldGrid d_field;                // D(x) in [0,1] (probability) or f(x) (critic)
    FieldGrid d_optimal;              // D* = p_data/(p_data+p_G); NaN where both are negligible; empty when undefined
    FieldGrid p_data, p_g;            // densities (1D: ny == 1)

    std::vector<float> manifold;      // manifold_nu x manifold_nv x dim: G over a latent grid (1D latent: nv == 1)
    int manifold_nu = 0, manifold_nv = 0;

    std::vector<float> gp_real, gp_fake, gp_interp;  // n_gp x dim: GP pairs and their interpolates
    std::vector<float> gp_grad_norm;                 // n_gp: ||grad_x D|| at each interpolate

    Histogram d_weights;              // all D weights (clipping piles up at +-clip)
    Histogram gp_norms;               // ||grad_x D|| at interpolates
    double clip = 0;                  // weight-clip c (0 when not clipping)

    std::vector<Mode> modes;          // mixture centres (empty for non-mixtures)
    std::vector<bool> mode_covered;   // same length as modes

    std::vector<Quantity> parts;      // named quantities (phase plane, loss-shape samples, ...)

    MetricLogView metrics;            // every metric evaluation so far (shared with the run: never copied whole)
};

// What the trainer publishes after a batch of steps.
struct Snapshot {
    uint64_t version = 0;             // increases with every publish
    std::string scene_title, scene_caption, scene_path;
    int dim = 1;
    Bounds view;                      // data-space box the fields were evaluated on
    bool playing = false;
    int steps_per_frame = 1;
    double steps_per_second = 0;      // measured training throughput (all runs)
    std::string command_error;        // why the trainer refused the latest refused command ("" = none)
    uint64_t command_errors = 0;      // how many commands it refused so far (a change means a new error)
    std::shared_ptr<const SceneSpec> scene;  // the trainer's scene with every applied edit (shared between
                                             // snapshots; a new pointer only when the scene changed)
    std::vector<RunSnapshot> runs;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

}  // namespace ganarium
