// trainer_checkpoint_files.cpp — the trainer's side of checkpoints on disk:
// writing each new checkpoint to the --checkpoint-dir folder, saving every
// held checkpoint on request, and loading every run's latest saved one (all
// runs or none, so a refused load never changes the running state).
#include <torch/torch.h>

#include <algorithm>
#include <filesystem>

#include "core/errors.h"
#include "train/checkpoint_files.h"
#include "train/trainer_impl.h"

namespace ganarium {

namespace {

std::string runLabel(size_t index, const Run& run) {
    return "run " + std::to_string(index + 1) + " (" + run.spec().name + ")";
}

std::string absolutePath(const std::string& dir) {
    std::error_code error;
    const std::filesystem::path path = std::filesystem::absolute(dir, error);
    return error ? dir : path.lexically_normal().string();
}

}  // namespace

void Trainer::Impl::writeLatestCheckpoint(size_t index) {
    if (options.checkpoint_dir.empty()) return;
    const auto newest = timelines[index].latest();
    if (newest) writeCheckpointFolder(options.checkpoint_dir, scene, index, *newest);
}

std::string Trainer::Impl::saveCheckpoints(const std::string& dir) {
    if (dir.empty()) throw UserError("Save checkpoints: give a folder to save them in.");
    size_t written = 0, held = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
        for (const auto& checkpoint : timelines[i].entries()) {
            ++held;
            if (writeCheckpointFolder(dir, scene, i, *checkpoint)) ++written;
        }
    }
    if (held == 0) throw UserError("Save checkpoints: the runs hold no checkpoints (the scene's checkpoint_every is 0).");
    return "Saved " + std::to_string(written) + " new of " + std::to_string(held) + " checkpoints to " + absolutePath(dir);
}

std::string Trainer::Impl::loadCheckpoints(const std::string& dir, int64_t at_or_before) {
    std::error_code error;
    if (dir.empty() || !std::filesystem::is_directory(dir, error))
        throw UserError("Load checkpoints: " + (dir.empty() ? std::string("no folder given") : "no folder " + dir) +
                        ". Give the folder that --checkpoint-dir or \"Save checkpoints to disk\" wrote.");
    // Read everything first: a missing or damaged file stops here, before any run changes.
    std::vector<std::shared_ptr<const RunCheckpoint>> loaded;
    for (size_t i = 0; i < runs.size(); ++i) {
        const std::string run_folder = findRunCheckpointFolder(dir, i);
        std::vector<int64_t> steps = run_folder.empty() ? std::vector<int64_t>{} : savedCheckpointSteps(run_folder);
        if (steps.empty())
            throw UserError("Load checkpoints: " + dir + " holds no checkpoint of " + runLabel(i, *runs[i]) +
                            " (expected " + runCheckpointFolder(dir, i, runs[i]->spec().name) +
                            "/step-NNNNNN/). Load a folder saved from this scene.");
        if (at_or_before >= 0) {
            steps.erase(std::upper_bound(steps.begin(), steps.end(), at_or_before), steps.end());
            if (steps.empty())
                throw UserError("Load checkpoints: " + dir + " holds no checkpoint of " + runLabel(i, *runs[i]) +
                                " at or before step " + std::to_string(at_or_before) + ". Pick a later step.");
        }
        const std::string folder = stepCheckpointFolder(run_folder, steps.back());
        try {
            loaded.push_back(readCheckpointFolder(folder, *runs[i], i));
        } catch (const CheckpointKindMismatch& e) {
            throw UserError(std::string("Load checkpoints: ") + e.what());
        } catch (const UserError& e) {
            throw UserError("Load checkpoints, " + runLabel(i, *runs[i]) + ": " + e.what() +
                            " (To resume from the step before, move " + folder + " away.)");
        }
    }
    // Then restore every run; when one refuses (another architecture), the ones done go back.
    std::vector<std::shared_ptr<const RunCheckpoint>> before;
    for (const auto& run : runs) before.push_back(run->checkpoint());
    for (size_t i = 0; i < runs.size(); ++i) {
        std::string why;
        try {
            why = runs[i]->restore(*loaded[i]);
        } catch (const std::exception& e) {  // e.g. a random stream's state LibTorch refuses, half restored
            why = std::string("its state was refused (") + e.what() + ")";
        }
        if (why.empty()) continue;
        for (size_t j = 0; j <= i; ++j) runs[j]->restore(*before[j]);
        throw UserError("Load checkpoints: " + runLabel(i, *runs[i]) + " cannot take the checkpoint in " +
                        runCheckpointFolder(dir, i, runs[i]->spec().name) + ": " + why +
                        ". Load it with the scene it was saved from (its scene.toml).");
    }
    for (size_t i = 0; i < runs.size(); ++i) restartTimeline(i);
    iteration_cache = iteration();
    std::string steps;
    for (const auto& checkpoint : loaded) steps += (steps.empty() ? "" : ", ") + std::to_string(checkpoint->step);
    return "Loaded " + std::to_string(loaded.size()) + (loaded.size() == 1 ? " run" : " runs") + " at step " + steps +
           " from " + absolutePath(dir);
}

// ------------------------------------------------------------------ facade

void Trainer::checkpointNow() {
    for (size_t i = 0; i < impl_->runs.size(); ++i) {
        const auto newest = impl_->timelines[i].latest();
        impl_->timelines[i].take(*impl_->runs[i]);
        if (impl_->timelines[i].latest() != newest) impl_->writeLatestCheckpoint(i);
    }
}

void Trainer::writeCheckpointsTo(const std::string& dir) {
    impl_->options.checkpoint_dir = dir;
    for (size_t i = 0; i < impl_->runs.size(); ++i) impl_->writeLatestCheckpoint(i);
}

std::string Trainer::saveCheckpoints(const std::string& dir) {
    impl_->checkpoint_note = impl_->saveCheckpoints(dir);
    ++impl_->checkpoint_notes;
    return impl_->checkpoint_note;
}

std::string Trainer::loadCheckpoints(const std::string& dir) { return loadCheckpointsAt(dir, -1); }

std::string Trainer::loadCheckpointsAt(const std::string& dir, int64_t at_or_before) {
    impl_->checkpoint_note = impl_->loadCheckpoints(dir, at_or_before);
    ++impl_->checkpoint_notes;
    impl_->publish(impl_->buildSnapshot(impl_->options.snapshots_in_train));
    return impl_->checkpoint_note;
}

}  // namespace ganarium
