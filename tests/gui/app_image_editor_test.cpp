// app_image_editor_test.cpp — the run editor on image runs: its widgets draw, and the edits they post (objective,
// Lipschitz constraint, k_d, remedies) reach the trainer's image run and its scene.
#include <doctest/doctest.h>

#include <string>

#include "app_window_fixture.h"
#include "core/scene_parser.h"

using namespace ganarium;
using namespace ganarium::test;

TEST_CASE("the run editor's image controls: objective, Lipschitz, k_d and remedy edits reach an image run") {
    AppWindowFixture fx;
    REQUIRE_MESSAGE(fx.window, fx.error);
    SceneSpec scene = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/fashion-remedies.toml");
    scene.runs.resize(1);  // the collapsing DCGAN alone
    GuiSession session(scene, testSessionOptions(false));
    for (int i = 0; i < 3; ++i) fx.frame(session);  // the editor draws the image run's controls
    REQUIRE(imageOf(session.ui().draft.scene.runs[0]));

    ImageGanSpec& draft = *imageOf(session.ui().draft.scene.runs[0]);  // as the widgets would set it
    draft.objective = Objective::Hinge;
    draft.lipschitz = Lipschitz::GradientPenalty;
    draft.gp_lambda = 5.0;
    draft.k_d = 2;
    draft.feature_matching = true;
    draft.minibatch_stddev = true;
    Command edit;
    edit.kind = Command::Kind::SetRun;
    edit.run = 0;
    edit.run_spec = session.ui().draft.scene.runs[0];
    postCommand(session.ui(), edit);
    for (int i = 0; i < 3; ++i) fx.frame(session);
    CHECK_FALSE(session.ui().banner.error);
    const ImageGanSpec& applied = *imageOf(session.scene().runs[0]);
    CHECK(applied.objective == Objective::Hinge);
    CHECK(applied.lipschitz == Lipschitz::GradientPenalty);
    CHECK(applied.gp_lambda == 5.0);
    CHECK(applied.k_d == 2);
    CHECK(applied.feature_matching);
    CHECK(applied.minibatch_stddev);
    CHECK(session.trainer().latest()->runs[0].status != RunStatus::Diverged);
}
