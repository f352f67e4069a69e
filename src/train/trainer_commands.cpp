// trainer_commands.cpp — applying UI Commands between steps: play/pause,
// single steps, speed, reset/reseed, live run edits, data edits (including
// drawn custom data), scene loading and resuming diverged runs.
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>

#include "core/errors.h"
#include "core/tile_pick.h"
#include "train/trainer_impl.h"

namespace ganarium {

namespace {

// Indices a command addresses: one run, or all (-1).
std::vector<size_t> targets(int run, size_t count) {
    std::vector<size_t> out;
    if (run < 0) {
        for (size_t i = 0; i < count; ++i) out.push_back(i);
    } else if (static_cast<size_t>(run) < count) {
        out.push_back(static_cast<size_t>(run));
    }
    return out;
}

}  // namespace

void Trainer::Impl::switchData(const DataSpec& next) {
    SceneSpec candidate = scene;
    candidate.data = next;
    validateScene(candidate);
    const int old_dim = dim;
    scene.data = next;
    rebuildData();
    // Weights are kept unless the data dimension changed (then the networks' shapes change too).
    if (dim != old_dim) rebuildRuns();
}

void Trainer::Impl::rewind(int index, int64_t step) {
    for (size_t i : targets(index, runs.size())) {
        const std::shared_ptr<const RunCheckpoint> checkpoint = timelines[i].atOrBefore(step);
        const std::string run_name = "run " + std::to_string(i + 1) + " (" + runs[i]->spec().name + ")";
        if (!checkpoint)
            throw UserError("Rewind: " + run_name + " has no checkpoint at or before step " + std::to_string(step) +
                            " (checkpoint_every = " + std::to_string(scene.checkpoint_every) + ").");
        const std::string why = runs[i]->restore(*checkpoint);
        if (!why.empty()) throw UserError("Rewind: " + run_name + " cannot go back: " + why + ".");
        timelines[i].dropAfter(checkpoint->step);
    }
    iteration_cache = iteration();
}

void Trainer::Impl::setRun(size_t index, const RunSpec& spec) {
    scene.runs[index] = spec;
    if (kindOf(runs[index]->spec()) == kindOf(spec)) {
        runs[index]->applySpec(spec);
    } else {
        // Another kind of run: build it afresh, with its step-0 metrics and checkpoint.
        runs[index] = buildRun(spec);
        evaluate(*runs[index]);
        restartTimeline(index);
    }
}

void Trainer::Impl::apply(const Command& command) {
    using Kind = Command::Kind;
    if (changesScene(command.kind)) published_scene.reset();  // the next snapshot carries the edited scene
    switch (command.kind) {
        case Kind::Play:
            if (command.run < 0) {
                playing = true;
            } else {
                for (size_t i : targets(command.run, runs.size())) {
                    if (runs[i]->status() == RunStatus::Paused) runs[i]->resume();
                }
            }
            break;
        case Kind::Pause:
            if (command.run < 0) {
                playing = false;
                fast_forward_total = 0;  // pausing also stops a fast-forward
            } else {
                for (size_t i : targets(command.run, runs.size())) runs[i]->pause();
            }
            break;
        case Kind::StepD:
        case Kind::StepG:
        case Kind::StepIteration: {
            const auto chosen = targets(command.run, runs.size());
            for (size_t i : chosen) {
                Run& run = *runs[i];
                if (run.needsData() && !data) continue;
                for (int n = 0; n < std::max(1, command.count); ++n) {
                    if (command.kind == Kind::StepD) {
                        run.stepD(data.get());
                    } else if (command.kind == Kind::StepG) {
                        run.stepG();
                    } else {
                        run.iterate(data.get());
                        afterIteration(i);
                    }
                }
            }
            break;
        }
        case Kind::SetSpeed: steps_per_frame = std::max(0, command.count); break;
        case Kind::Reseed:
            scene.seed = command.seed;
            rebuildData();
            rebuildRuns();
            break;
        case Kind::Reset:
            // Also restores the view box the new weights start in.
            rebuildData();
            rebuildRuns();
            break;
        case Kind::SetRun: {
            validateRun(command.run_spec, dim, "SetRun: ");
            validateCondition(command.run_spec, scene.data, "SetRun: ");
            if (command.run < 0) {
                for (size_t i = 0; i < runs.size(); ++i) setRun(i, command.run_spec);
            } else if (static_cast<size_t>(command.run) < runs.size()) {
                setRun(static_cast<size_t>(command.run), command.run_spec);
            } else if (static_cast<size_t>(command.run) == runs.size() && runs.size() < static_cast<size_t>(kMaxRunsPerScene)) {
                // One past the end: add a run.
                scene.runs.push_back(command.run_spec);
                runs.push_back(buildRun(command.run_spec));
                evaluate(*runs.back());
                restartTimeline(runs.size() - 1);
            }
            break;
        }
        case Kind::SetData: switchData(command.data); break;
        case Kind::SetTitle: (command.count == 1 ? scene.title_zh : scene.title) = command.text; break;
        case Kind::PickTile:
            // Each image run applies the A-then-B rule to its own pick (a scene file's `interpolate` key).
            for (size_t i : targets(command.run, runs.size())) {
                RunSpec spec = scene.runs[i];
                if (ImageGanSpec* image = imageOf(spec)) {
                    image->interpolate = tilesAfterClick(image->interpolate, command.count);
                    setRun(i, spec);
                }
            }
            break;
        case Kind::AddBlob:
        case Kind::AddPoints:
        case Kind::ClearData: switchData(customDataAfter(scene.data, command)); break;
        case Kind::LoadScene: {
            if (!command.scene) break;
            validateScene(*command.scene);
            scene = *command.scene;
            rebuildData();
            rebuildRuns();
            break;
        }
        case Kind::ResumeRun:
            for (size_t i : targets(command.run, runs.size())) {
                Run& run = *runs[i];
                if (run.status() == RunStatus::Diverged) {
                    // A diverged run's state may hold NaN: redraw it before continuing.
                    run.resume();
                    if (!run.checkState()) run.reinitialize();
                }
                run.resume();
            }
            break;
        case Kind::Rewind: rewind(command.run, command.step); break;
        case Kind::SaveCheckpoints: checkpoint_note = saveCheckpoints(command.text), ++checkpoint_notes; break;
        case Kind::LoadCheckpoints: checkpoint_note = loadCheckpoints(command.text), ++checkpoint_notes; break;
        case Kind::LoadCheckpointsAt:
            checkpoint_note = loadCheckpoints(command.text, command.step), ++checkpoint_notes;
            break;
        case Kind::FastForward:
            if (command.count < 0) throw UserError("FastForward: the number of steps must be >= 0.");
            fast_forward_start = iteration();
            fast_forward_total = command.step > 0 ? std::max<int64_t>(0, command.step - fast_forward_start) : command.count;
            break;
        case Kind::RestartFrom:
            for (size_t i : targets(command.run, runs.size())) {
                Run& run = *runs[i];
                if (kindOf(run.spec()) != RunKind::DiracGan) continue;
                run.restartFrom(command.x, command.y);
                scene.runs[i] = run.spec();
                evaluate(run);
                restartTimeline(i);
            }
            break;
    }
}

}  // namespace ganarium
