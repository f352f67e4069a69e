// command.h — UI edits travelling to the trainer. Commands are queued by the
// render thread and applied by the trainer between steps, in order.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/scene_spec.h"

namespace ganarium {

// One edit. Only the fields that `kind` names are read.
struct Command {
    enum class Kind {
        Play,            // start free-running training
        Pause,           // stop after the current step
        StepD,           // one discriminator step on every run (paused mode)
        StepG,           // one generator step on every run
        StepIteration,   // one full iteration (k_d D steps + k_g G steps)
        SetSpeed,        // `count` = iterations per published frame
        Reset,           // rebuild all runs from the current scene with its seed
        Reseed,          // new seed `seed`, then reset
        SetRun,          // replace run `run`'s spec with `run_spec` (live hyperparameters; keeps weights when the architecture matches)
        SetData,         // switch the data distribution to `data` (keeps weights)
        AddBlob,         // add a Gaussian blob at (x, y) with std `std` to custom data
        AddPoints,       // append `points` (x0,y0,...) to custom data
        ClearData,       // empty custom data
        LoadScene,       // replace the whole scene with `scene`, then reset
        ResumeRun,       // clear a diverged/paused run `run` and let it continue
        RestartFrom,     // Dirac-GAN runs (`run`, -1 = all): start again from (x, y) = (theta, psi)
        Rewind,          // runs (`run`, -1 = all) return to their latest checkpoint at or before `step`
        FastForward,     // train `count` iterations without drawing every frame (0 = stop fast-forwarding);
                         // with `step` > 0: up to training step `step` (lessons' run_to_step)
        SetTitle,        // the scene's title becomes `text` (`count` 1: its Chinese title): save-as with a new title
        SaveCheckpoints, // write every checkpoint the runs hold to folder `text`
        LoadCheckpoints, // every run returns to its latest checkpoint saved in folder `text`
        PickTile,        // image run `run`: tile `count` of its sample grid was clicked (A, then B; -1: clear the pick)
        LoadCheckpointsAt,  // every run returns to its latest checkpoint in folder `text` at or before `step` (`ganarium follow`)
    };
    Kind kind = Kind::Pause;
    int run = -1;                      // -1 = all runs
    int count = 1;
    uint64_t seed = 0;
    int64_t step = 0;
    double x = 0, y = 0, std = 0.1;
    std::vector<double> points;
    std::string text;
    RunSpec run_spec;
    DataSpec data;
    std::shared_ptr<const SceneSpec> scene;
};

// True for the kinds that edit the scene (seed, runs, data, the whole scene), so the trainer
// publishes a new SceneSpec after them; false for transport (play, steps, speed, reset, resume).
bool changesScene(Command::Kind kind);

// The data after a custom-data edit (AddBlob, AddPoints, ClearData): the one
// rule set the trainer follows. Blobs and painted
// points combine (blobs2d keeps `points`; a blob added to points turns them
// into blobs2d with those points); any other family is replaced. Other kinds
// return `current` unchanged.
DataSpec customDataAfter(const DataSpec& current, const Command& command);

}  // namespace ganarium
