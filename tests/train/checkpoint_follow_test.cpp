// checkpoint_follow_test.cpp — what `ganarium follow` asks of the checkpoint
// files: Trainer::loadCheckpointsAt (and Command::LoadCheckpointsAt) shows
// each run's latest checkpoint at or before a step, curves cut to it; and
// checkpointFolderProblem tells a whole step folder from one still arriving
// (missing, short or damaged files), reading only.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/errors.h"
#include "scene_fixtures.h"
#include "temp_folder.h"
#include "train/checkpoint_files.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

// Two toy runs trained 20 steps with checkpoints at 0, 5, 10, 15, 20 saved in `dir`.
SceneSpec savedScene(const std::string& dir) {
    SceneSpec scene = makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1),
                                         smallRun(Objective::Hinge, Lipschitz::None, 16, 1)},
                                5);
    scene.checkpoint_every = 5;
    Trainer saver(scene);
    saver.advance(20);
    saver.saveCheckpoints(dir);
    return scene;
}

}  // namespace

TEST_CASE("loadCheckpointsAt shows every run's latest checkpoint at or before the step, its curves cut there") {
    TempFolder dir("ganarium-ckpt-follow-at");
    const SceneSpec scene = savedScene(dir.path.string());
    Trainer viewer(scene);
    CHECK(viewer.loadCheckpointsAt(dir.path.string(), 12).find("Loaded 2 runs at step 10, 10") == 0);
    SnapshotPtr shown = viewer.snapshot();
    for (const RunSnapshot& run : shown->runs) {
        CHECK(run.step == 10);
        REQUIRE(run.metrics.size() == 3);  // evaluations at 0, 5, 10
        CHECK(run.metrics.step(2) == 10);
    }
    CHECK(viewer.loadCheckpointsAt(dir.path.string(), 0).find("at step 0, 0") != std::string::npos);
    CHECK(viewer.snapshot()->runs[1].step == 0);
    // Forwards again (the follow timeline goes both ways), then the newest with -1.
    CHECK(viewer.loadCheckpointsAt(dir.path.string(), 15).find("at step 15, 15") != std::string::npos);
    CHECK(viewer.loadCheckpointsAt(dir.path.string(), -1).find("at step 20, 20") != std::string::npos);
    CHECK(viewer.snapshot()->runs[0].metrics.size() == 5);

    // The command the follow window posts, on the trainer thread.
    viewer.start(false);
    Command load;
    load.kind = Command::Kind::LoadCheckpointsAt;
    load.text = dir.path.string();
    load.step = 7;
    const uint64_t notes = viewer.latest()->checkpoint_notes;
    viewer.post(load);
    for (int i = 0; i < 2000 && viewer.latest()->checkpoint_notes == notes; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(viewer.latest()->checkpoint_note.find("Loaded 2 runs at step 5, 5") == 0);
    CHECK(viewer.latest()->runs[0].step == 5);
    CHECK_FALSE(viewer.latest()->playing);
    viewer.stop();
}

TEST_CASE("checkpointFolderProblem: a whole step folder passes; a missing, short or damaged file is named") {
    TempFolder dir("ganarium-ckpt-follow-problem");
    savedScene(dir.path.string());
    const std::string run = findRunCheckpointFolder(dir.path.string(), 1);
    const fs::path step = stepCheckpointFolder(run, 20);
    CHECK(checkpointFolderProblem(step.string()).empty());

    // A copy arriving file by file: the header first, the state later.
    const fs::path state = step / "state.pt", aside = dir.path / "state.pt.aside";
    fs::rename(state, aside);
    CHECK(checkpointFolderProblem(step.string()).find(state.string()) != std::string::npos);
    fs::copy_file(aside, state);
    const auto size = fs::file_size(state);
    fs::resize_file(state, size / 2);
    CHECK(checkpointFolderProblem(step.string()).find("is truncated") != std::string::npos);
    fs::remove(state);
    fs::copy_file(aside, state);
    CHECK(checkpointFolderProblem(step.string()).empty());
    {
        std::fstream file(state, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(size / 2));
        file.put('\x7f');
    }
    CHECK(checkpointFolderProblem(step.string()).find("is damaged") != std::string::npos);
    fs::remove(step / "scene.toml");
    CHECK_FALSE(checkpointFolderProblem(step.string()).empty());
    CHECK(checkpointFolderProblem((dir.path / "nowhere").string()).find("checkpoint.toml") != std::string::npos);
    // Checking reads only: a whole folder keeps its files' times.
    const fs::path whole = stepCheckpointFolder(run, 15);
    const auto whole_time = fs::last_write_time(whole / "state.pt");
    CHECK(checkpointFolderProblem(whole.string()).empty());
    CHECK(fs::last_write_time(whole / "state.pt") == whole_time);
}
