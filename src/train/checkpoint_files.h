// checkpoint_files.h — checkpoints on disk. One folder per run and step:
//   DIR/<NN>-<run-name>/step-<000500>/
//       checkpoint.toml  header: format, version, run, kind, step, sizes and CRC-32 of the files below
//       scene.toml       the scene the run trained in (the scene writer's TOML)
//       state.pt         the run's training state: named tensors (train/checkpoint_state.h)
//       metrics.csv      the run's metric history up to that step
// A step folder is written under a temporary name and renamed when whole, so
// one that exists is complete. Reading checks the header, the sizes and the
// CRCs before anything else, and every refusal is a UserError naming the file
// and the fix; the running state is never touched by a failed read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/errors.h"
#include "core/scene_spec.h"
#include "train/run.h"

namespace ganarium {

// A checkpoint that is whole but belongs to another kind of run (a UserError; the file is fine).
class CheckpointKindMismatch : public UserError {
public:
    using UserError::UserError;
};

// The folder of run `index` (0-based) named `name` under `dir`: DIR/01-name (the name made file-safe).
std::string runCheckpointFolder(const std::string& dir, size_t index, const std::string& name);

// The folder of one step inside a run folder: RUN/step-000500.
std::string stepCheckpointFolder(const std::string& run_folder, int64_t step);

// Writes `checkpoint` of run `index` of `scene` under `dir`, unless that step is already there.
// Returns true when it wrote. Throws UserError when the disk refuses (naming the folder).
bool writeCheckpointFolder(const std::string& dir, const SceneSpec& scene, size_t index, const RunCheckpoint& checkpoint);

// The run folder of run `index` in `dir` (the one named NN-*; its name may differ); "" when none.
std::string findRunCheckpointFolder(const std::string& dir, size_t index);

// The complete step folders of a run folder, oldest first.
std::vector<int64_t> savedCheckpointSteps(const std::string& run_folder);

// Reads the step folder `folder` as a checkpoint of `run` (run `index` of its scene): checks the header, the kind,
// the sizes and CRCs, then the state. Throws UserError naming the file and what to do (CheckpointKindMismatch
// for a checkpoint of another kind of run).
std::shared_ptr<const RunCheckpoint> readCheckpointFolder(const std::string& folder, const Run& run, size_t index);

// Why the step folder `folder` cannot be read yet ("" when whole): its header does not parse, or state.pt or
// metrics.csv is missing or differs in size or CRC from it (a copy still arriving). Reads only; needs no run.
std::string checkpointFolderProblem(const std::string& folder);

}  // namespace ganarium
