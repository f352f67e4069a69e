// app_follow_session_test.cpp — DirectoryFollower driving a real GuiSession
// (hidden window, synchronous trainer): the newest checkpoint is shown with
// its curves, a step picked on the timeline holds while new ones appear,
// Newest follows again, and no training command reaches a followed run.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/directory_follower.h"
#include "app_window_fixture.h"
#include "core/scene_parser.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

// Two small toy runs of the default scene, checkpoints every 5 steps.
SceneSpec smallScene() {
    SceneSpec scene = parseSceneText(R"([scene]
title = "Followed"
seed = 3
metrics_every = 5
checkpoint_every = 5
threads = 1
[data]
family = "ring"
[defaults]
batch = 32
g_hidden = [8]
d_hidden = [8]
[[run]]
name = "NS"
objective = "non_saturating"
[[run]]
name = "Hinge"
objective = "hinge"
)", "followed.toml");
    return scene;
}

// A window whose follower ticks before each frame, as in the app's loop (it polls at every tick).
struct FollowWindow {
    AppWindowFixture& fx;
    GuiSession& session;
    DirectoryFollower& follower;
    double clock = 0;  // the follower's steady clock: only its increase matters

    // `frames` frames.
    void run(int frames) {
        for (int i = 0; i < frames; ++i) {
            follower.tick(session, clock += 1.0);
            fx.frame(session);
        }
    }
};

}  // namespace

TEST_CASE("follow in a session: the newest checkpoint, a picked one that holds, Newest again; nothing trains") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    const fs::path dir = freshTempDir("ganarium-follow-session", "ckpt");
    Trainer elsewhere(smallScene());  // the run "on another machine"
    elsewhere.advance(10);            // checkpoints at 0, 5, 10
    elsewhere.writeCheckpointsTo(dir.string());
    elsewhere.saveCheckpoints(dir.string());

    GuiSessionOptions options = testSessionOptions(false);
    options.start_playing = false;
    GuiSession session(defaultScene(), options);
    DirectoryFollower follower(dir.string(), 0.0);
    FollowWindow window{fx, session, follower};
    window.run(6);
    const FollowStatus& status = session.ui().follow;
    CHECK(status.active);
    CHECK(status.steps == std::vector<int64_t>{0, 5, 10});
    CHECK(status.shown_step == 10);
    CHECK(session.snapshot()->scene_title == "Followed");
    REQUIRE(session.snapshot()->runs.size() == 2);
    CHECK(session.snapshot()->runs[1].step == 10);
    CHECK(session.snapshot()->runs[1].metrics.size() == 3);  // curves from metrics.csv: 0, 5, 10

    // A tick of the strip: step 5, and it holds while the run goes on elsewhere.
    session.ui().follow.request_step = 5;
    window.run(4);
    CHECK(status.shown_step == 5);
    CHECK_FALSE(status.live);
    CHECK(session.snapshot()->runs[0].step == 5);
    CHECK(session.snapshot()->runs[0].metrics.size() == 2);
    elsewhere.advance(5);  // step 15 written (writeCheckpointsTo)
    window.run(4);
    CHECK(status.steps == std::vector<int64_t>{0, 5, 10, 15});
    CHECK(status.shown_step == 5);

    // Training commands (Space, S, Reset) are dropped: the followed runs stay where the folder has them.
    Command play;
    play.kind = Command::Kind::Play;
    postCommand(session.ui(), play);
    Command step;
    step.kind = Command::Kind::StepIteration;
    postCommand(session.ui(), step);
    window.run(3);
    CHECK_FALSE(session.snapshot()->playing);
    CHECK(session.snapshot()->runs[0].step == 5);

    // Newest: follows the run again.
    session.ui().follow.request_live = true;
    window.run(4);
    CHECK(status.live);
    CHECK(status.shown_step == 15);
    CHECK(session.snapshot()->runs[0].step == 15);
    fs::remove_all(dir);
}
