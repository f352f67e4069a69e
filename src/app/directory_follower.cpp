// directory_follower.cpp — polling a checkpoint folder and loading its steps into the window's session.
#include "app/directory_follower.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "app/gui_session.h"
#include "core/errors.h"
#include "core/input_limits.h"
#include "core/regular_file.h"
#include "core/scene_parser.h"
#include "train/checkpoint_files.h"

namespace ganarium {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxRunFolders = 64;

// The wall clock in seconds since the epoch.
double wallSeconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The modification time of `path` in seconds since the epoch (0 when it cannot be read).
double modifiedSeconds(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return static_cast<double>(info.st_mtim.tv_sec) + 1e-9 * static_cast<double>(info.st_mtim.tv_nsec);
}

// The steps found in every list of `per_run`, oldest first.
std::vector<int64_t> stepsInEvery(const std::vector<std::vector<int64_t>>& per_run) {
    if (per_run.empty()) return {};
    std::vector<int64_t> shared = per_run.front();
    for (size_t i = 1; i < per_run.size(); ++i) {
        std::vector<int64_t> both;
        std::set_intersection(shared.begin(), shared.end(), per_run[i].begin(), per_run[i].end(), std::back_inserter(both));
        shared = std::move(both);
    }
    return shared;
}

}  // namespace

FollowScan scanFollowedDirectory(const std::string& dir) {
    FollowScan scan;
    std::error_code error;
    scan.exists = fs::is_directory(dir, error);
    if (!scan.exists) return scan;
    std::vector<std::vector<int64_t>> per_run;
    for (size_t i = 0; i < kMaxRunFolders; ++i) {
        const std::string folder = findRunCheckpointFolder(dir, i);
        if (folder.empty()) break;
        scan.run_folders.push_back(folder);
        per_run.push_back(savedCheckpointSteps(folder));
    }
    scan.steps = stepsInEvery(per_run);
    if (!scan.steps.empty()) {
        for (const std::string& folder : scan.run_folders)
            scan.newest_written = std::max(
                scan.newest_written, modifiedSeconds(stepCheckpointFolder(folder, scan.steps.back()) + "/checkpoint.toml"));
    }
    return scan;
}

std::string followedStepProblem(const FollowScan& scan, int64_t step) {
    for (const std::string& folder : scan.run_folders) {
        const std::string problem = checkpointFolderProblem(stepCheckpointFolder(folder, step));
        if (!problem.empty()) return problem;
    }
    return "";
}

DirectoryFollower::DirectoryFollower(std::string dir, double poll_seconds)
    : dir_(std::move(dir)), poll_seconds_(poll_seconds) {}

bool DirectoryFollower::tick(GuiSession& session, double now) {
    FollowStatus& status = session.ui().follow;
    const FollowStatus before = status;
    status.active = true;
    status.dir = dir_;
    status.now = wallSeconds();
    bool poll_now = now >= next_poll_;
    if (status.request_live) {  // "Newest": follow the run again
        status.request_live = false;
        status.live = true;
        poll_now = true;
    }
    if (status.request_step >= 0) {  // a tick of the strip, Older or Newer: hold that step
        picked_step_ = status.request_step;
        status.request_step = -1;
        status.live = false;
        poll_now = true;
    }
    noticeAnswer(session);
    if (poll_now) {
        poll(session);
        next_poll_ = now + poll_seconds_;
    }
    const auto second = static_cast<long long>(std::floor(status.now));
    const bool changed = status.shown_step != before.shown_step || status.loading_step != before.loading_step ||
                         status.steps != before.steps || status.problem != before.problem ||
                         status.missing != before.missing || status.live != before.live || !before.active;
    const bool new_second = second != shown_second_;
    shown_second_ = second;
    return changed || new_second;
}

void DirectoryFollower::noticeAnswer(GuiSession& session) {
    FollowStatus& status = session.ui().follow;
    if (status.loading_step < 0) return;
    const SnapshotPtr latest = session.trainer().latest();
    if (latest->checkpoint_notes > notes_seen_) {
        status.shown_step = status.loading_step;
        status.loading_step = -1;
        std::printf("follow: checkpoint step %lld (of %zu found)\n", static_cast<long long>(status.shown_step),
                    status.steps.size());
        std::fflush(stdout);
    } else if (latest->command_errors > errors_seen_) {
        refused_step_ = status.loading_step;
        status.loading_step = -1;
        setProblem(session, refused_step_, latest->command_error);
    }
}

void DirectoryFollower::setProblem(GuiSession& session, int64_t step, const std::string& problem) {
    FollowStatus& status = session.ui().follow;
    if (status.problem == problem && status.problem_step == step) return;
    status.problem = problem;
    status.problem_step = step;
    if (!problem.empty()) {
        std::printf("follow: step %lld cannot be shown yet: %s\n", static_cast<long long>(step), problem.c_str());
        std::fflush(stdout);
    }
}

void DirectoryFollower::poll(GuiSession& session) {
    FollowStatus& status = session.ui().follow;
    scan_ = scanFollowedDirectory(dir_);
    status.missing = !scan_.exists;
    if (!scan_.exists) return;  // gone: keep the last step on screen
    status.steps = scan_.steps;
    status.newest_written = scan_.newest_written;
    if (scan_.steps.empty()) {
        if (!waiting_said_) {
            std::printf("follow: waiting for the first checkpoint in %s ...\n", dir_.c_str());
            std::fflush(stdout);
            waiting_said_ = true;
        }
        return;
    }
    if (status.loading_step >= 0) return;  // one load at a time
    int64_t wanted = scan_.steps.back();
    if (!status.live) {  // the picked step, or the newest one before it when it has gone
        const auto it = std::upper_bound(scan_.steps.begin(), scan_.steps.end(), picked_step_);
        wanted = it == scan_.steps.begin() ? scan_.steps.front() : *(it - 1);
    }
    if (wanted == status.shown_step) {
        setProblem(session, -1, "");
        return;
    }
    if (wanted == refused_step_) return;  // refused by the trainer (said once): wait for another step
    startLoad(session, wanted);
}

void DirectoryFollower::startLoad(GuiSession& session, int64_t step) {
    FollowStatus& status = session.ui().follow;
    const std::string problem = followedStepProblem(scan_, step);
    if (!problem.empty()) {  // a step folder still arriving (copied file by file): the next poll tries again
        setProblem(session, step, problem);
        return;
    }
    // The step's scene (run 1's copy): a new one (the first step, or a run restarted with other settings) opens it.
    const std::string scene_path = stepCheckpointFolder(scan_.run_folders.front(), step) + "/scene.toml";
    try {
        FileRules rules;
        rules.what = "checkpoint scene";
        rules.max_bytes = kMaxSceneFileBytes;
        const std::string text = readRegularFile(scene_path, rules);
        if (text != scene_text_) {
            const SceneSpec scene = parseSceneText(text, scene_path, fs::path(scene_path).parent_path().string());
            if (!session.openSceneSpec(scene)) throw UserError("the window could not open " + scene_path + " (see the banner)");
            scene_text_ = text;
        }
    } catch (const std::exception& error) {
        refused_step_ = step;
        setProblem(session, step, error.what());
        return;
    }
    setProblem(session, -1, "");
    const SnapshotPtr latest = session.trainer().latest();
    notes_seen_ = latest->checkpoint_notes;
    errors_seen_ = latest->command_errors;
    Command load;
    load.kind = Command::Kind::LoadCheckpointsAt;
    load.text = dir_;
    load.step = step;
    postCommand(session.ui(), load);
    status.loading_step = step;
}

}  // namespace ganarium
