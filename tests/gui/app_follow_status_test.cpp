// app_follow_status_test.cpp — `ganarium follow`'s logic without a window:
// the status line's text (step, steps found, age; waiting; folder gone),
// Older / Newer on the steps found, the commands a followed run takes, and
// the folder scan (complete steps every run has; half-written and partial
// folders left out; a step folder still arriving is named as not whole).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "app/directory_follower.h"
#include "ui/follow_status.h"

using namespace ganarium;
namespace fs = std::filesystem;

namespace {

// A step folder with a checkpoint.toml (whole to the scan, which only looks for the header).
void touchStep(const fs::path& run, const std::string& step, bool header = true) {
    fs::create_directories(run / step);
    if (header) std::ofstream(run / step / "checkpoint.toml") << "format = \"ganarium-checkpoint\"\n";
}

}  // namespace

TEST_CASE("the follow status line names the folder, the step, the steps found and the age of the newest") {
    FollowStatus status;
    status.active = true;
    status.dir = "/runs/lecture";
    CHECK(followStatusText(status, Language::English) == "Following /runs/lecture — waiting for the first checkpoint...");
    status.steps = {0, 250, 500};
    status.shown_step = 250;
    status.now = 1000.0;
    status.newest_written = 988.4;
    CHECK(followStatusText(status, Language::English) ==
          "Following /runs/lecture — checkpoint step 250 (of 3 found), updated 11 s ago");
    CHECK(followStatusText(status, Language::Chinese).find("250") != std::string::npos);
    status.missing = true;
    CHECK(followStatusText(status, Language::English).find("the folder is gone") != std::string::npos);

    CHECK(followAgeText(5.9, Language::English) == "5 s");
    CHECK(followAgeText(-30, Language::English) == "0 s");  // another machine's clock ahead of ours
    CHECK(followAgeText(150, Language::English) == "2 min");
    CHECK(followAgeText(3 * 3600, Language::English) == "3.0 h");
    CHECK(followAgeText(45, Language::Chinese) == "45 秒");
}

TEST_CASE("Older / Newer step through the checkpoints found; a followed run takes no training command") {
    FollowStatus status;
    status.steps = {0, 100, 200, 300};
    CHECK(followNeighbourStep(status, -1) == -1);  // nothing shown yet
    status.shown_step = 200;
    CHECK(followNeighbourStep(status, -1) == 100);
    CHECK(followNeighbourStep(status, +1) == 300);
    status.shown_step = 0;
    CHECK(followNeighbourStep(status, -1) == -1);
    status.shown_step = 150;  // a step the folder no longer lists (moved away): its neighbours still make sense
    CHECK(followNeighbourStep(status, -1) == 100);
    CHECK(followNeighbourStep(status, +1) == 200);
    status.shown_step = 300;
    CHECK(followNeighbourStep(status, +1) == -1);

    CHECK(followAllows(Command::Kind::LoadCheckpointsAt));
    CHECK(followAllows(Command::Kind::PickTile));
    for (Command::Kind kind : {Command::Kind::Play, Command::Kind::StepIteration, Command::Kind::Reset,
                               Command::Kind::SetRun, Command::Kind::Rewind, Command::Kind::SaveCheckpoints,
                               Command::Kind::LoadCheckpoints, Command::Kind::FastForward, Command::Kind::SetData})
        CHECK_FALSE(followAllows(kind));
}

TEST_CASE("the follow scan lists the complete steps every run has, and names a step folder that is not whole") {
    const fs::path dir = fs::temp_directory_path() / ("ganarium-follow-scan-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    CHECK_FALSE(scanFollowedDirectory(dir.string()).exists);
    touchStep(dir / "01-ns", "step-000000");
    touchStep(dir / "01-ns", "step-000010");
    touchStep(dir / "01-ns", "step-000020");
    touchStep(dir / "01-ns", ".partial-step-30-77-1");
    touchStep(dir / "02-wgan-gp", "step-000000");
    touchStep(dir / "02-wgan-gp", "step-000010");
    touchStep(dir / "02-wgan-gp", "step-000020", false);  // being copied: no header yet
    touchStep(dir / "04-after-a-gap", "step-000000");
    const FollowScan scan = scanFollowedDirectory(dir.string());
    CHECK(scan.exists);
    REQUIRE(scan.run_folders.size() == 2);
    CHECK(fs::path(scan.run_folders[1]).filename() == "02-wgan-gp");
    CHECK(scan.steps == std::vector<int64_t>{0, 10});
    CHECK(scan.newest_written > 1.5e9);  // the header's mtime, in seconds since the epoch
    // The scan needs only the headers; loading needs every file: a bare header is named as not whole.
    const std::string problem = followedStepProblem(scan, 10);
    CHECK(problem.find("01-ns") != std::string::npos);
    fs::remove_all(dir);
}
