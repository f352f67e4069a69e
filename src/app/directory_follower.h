// directory_follower.h — `ganarium follow DIR`: keeps a window's session on
// the checkpoint folder of a `ganarium train --checkpoint-dir DIR` run that
// trains elsewhere. Every second it lists DIR's complete step folders; when
// the step to show changes (the newest, or one the teacher picked on the
// timeline) it checks that step's files (sizes and CRCs: a copy still
// arriving is retried at the next poll, never loaded half), opens the
// step's scene.toml when it differs from the one on screen, and posts
// Command::LoadCheckpointsAt, so the runs are restored into a paused
// trainer and drawn by the usual views. DIR is only ever read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ganarium {

class GuiSession;

// What one look at DIR found.
struct FollowScan {
    bool exists = false;                   // DIR is a folder
    std::vector<std::string> run_folders;  // DIR/01-*, DIR/02-*, ... in run order (stops at the first gap)
    std::vector<int64_t> steps;            // the complete steps every run folder has, oldest first
    double newest_written = 0;             // mtime of the newest step's headers (seconds since the epoch; 0: none)
};

// Lists DIR's run folders and their complete step folders (those with a checkpoint.toml). Reads only.
FollowScan scanFollowedDirectory(const std::string& dir);

// Why step `step` of every run in `scan` cannot be loaded yet ("" when each run's folder is whole).
std::string followedStepProblem(const FollowScan& scan, int64_t step);

class DirectoryFollower {
public:
    // Follows `dir`; looks at it every `poll_seconds`.
    explicit DirectoryFollower(std::string dir, double poll_seconds = 1.0);

    // Once per window tick (`now`: a steady clock in seconds): serves the timeline's requests, notices the trainer's
    // answer to a load, polls DIR when due and posts the next load. True when the window should redraw.
    bool tick(GuiSession& session, double now);

private:
    void poll(GuiSession& session);
    void noticeAnswer(GuiSession& session);
    void startLoad(GuiSession& session, int64_t step);
    void setProblem(GuiSession& session, int64_t step, const std::string& problem);

    std::string dir_;
    double poll_seconds_;
    double next_poll_ = 0;
    FollowScan scan_;
    int64_t picked_step_ = -1;        // the step the teacher picked (when not live)
    int64_t refused_step_ = -1;       // a step the trainer refused: not retried until another step is wanted
    std::string scene_text_;          // the scene.toml the session was opened with ("" = the placeholder)
    uint64_t notes_seen_ = 0;         // the trainer's checkpoint_notes / command_errors when the load was posted
    uint64_t errors_seen_ = 0;
    long long shown_second_ = -1;     // the wall-clock second last drawn (the "updated X s ago" text)
    bool waiting_said_ = false;       // "waiting for the first checkpoint" printed once
};

}  // namespace ganarium
