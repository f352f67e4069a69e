// follow_status.h — what `ganarium follow DIR` shows and asks for: the
// folder, the checkpoint steps found in it, the step on screen, how long ago
// the newest was written, and the teacher's requests (a step picked on the
// timeline, back to the newest). The app's DirectoryFollower fills it each
// frame and serves the requests; the panels only read and request. The
// texts are pure functions, tested without a window.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/command.h"
#include "ui/i18n.h"

namespace ganarium {

// The follow mode as the UI shows it (inactive in a normal window).
struct FollowStatus {
    bool active = false;
    std::string dir;                 // the folder followed, as given on the command line
    bool missing = false;            // the folder vanished after the window opened
    std::vector<int64_t> steps;      // the complete checkpoint steps every run has, oldest first
    int64_t shown_step = -1;         // the step on screen (-1: none loaded yet)
    int64_t loading_step = -1;       // a load posted and not answered yet (-1: none)
    bool live = true;                // follows the newest checkpoint (false after picking an older one)
    double newest_written = 0;       // when the newest checkpoint was written (seconds since the epoch)
    double now = 0;                  // the wall clock at this frame (seconds since the epoch)
    std::string problem;             // why the wanted step cannot be read yet ("" = none); retried every poll
    int64_t problem_step = -1;       // the step `problem` is about
    // Requests (set by the panels, served and cleared by the follower):
    int64_t request_step = -1;       // show this checkpoint step (and stop following the newest)
    bool request_live = false;       // follow the newest checkpoint again
};

// True for the commands a followed run takes (showing a checkpoint, picking a tile); training and edits are dropped.
bool followAllows(Command::Kind kind);

// "12 s", "3 min", "1.5 h": the age of `seconds` (negative ages, from clocks that differ, read as 0 s).
std::string followAgeText(double seconds, Language lang);

// The status line: "Following DIR — checkpoint step N (of M found), updated X ago", or the waiting / gone line.
std::string followStatusText(const FollowStatus& status, Language lang);

// The step before (direction -1) or after (+1) the shown one in `status.steps`; -1 when there is none.
int64_t followNeighbourStep(const FollowStatus& status, int direction);

// The controls panel's follow section: the checkpoint strip (click: show that step), Older / Newer / Newest
// buttons, and what is happening (loading, held at an older step, retrying a step that is still arriving).
void drawFollowControls(FollowStatus& status, Language lang);

// Keys while following (no text field focused): Left / Page Up the older step, Right / Page Down the newer, End the newest.
void handleFollowKeys(FollowStatus& status);

// The frame area while no checkpoint is shown yet: "Waiting for the first checkpoint in DIR", centred in the box.
void drawFollowWaiting(const FollowStatus& status, Language lang, float x, float y, float width, float height);

}  // namespace ganarium
