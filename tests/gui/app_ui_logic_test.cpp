// app_ui_logic_test.cpp — UI logic without a window: the translation table,
// grid layouts, frame statistics, plot helpers and the editors' draft of the
// trainer's scene (follow, hold, revert on refusal).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

#include <imgui.h>

#include "app/gui_stats.h"
#include "core/errors.h"
#include "core/scene_parser.h"
#include "train/trainer.h"
#include "ui/checkpoint_timeline.h"
#include "ui/i18n.h"
#include "ui/panels.h"
#include "ui/scene_frame.h"
#include "ui/ui_state.h"
#include "views/plots_view.h"
#include "views/push_scale.h"

using namespace ganarium;

TEST_CASE("the translation table has one ordered row per TextId, English and Chinese filled") {
    CHECK(textCount() == static_cast<int>(TextId::Count));
    CHECK(textTableIsOrdered());
    for (int i = 0; i < textCount(); ++i) {
        const auto id = static_cast<TextId>(i);
        CAPTURE(i);
        CHECK(std::strlen(tr(Language::English, id)) > 0);
        CHECK(std::strlen(tr(Language::Chinese, id)) > 0);
    }
    CHECK(std::string(tr(Language::Chinese, TextId::Play)) == "运行");
    CHECK(std::string(tr(Language::Chinese, TextId::DWeights)).find("判别器") != std::string::npos);
    CHECK(std::string(tr(Language::Chinese, TextId::GLearningRate)).find("生成器") != std::string::npos);
    CHECK(std::string(tr(Language::Chinese, TextId::MetricJs)) == "JS散度");
    CHECK(std::string(tr(Language::English, TextId::Play)) == "Play");
    Language lang = Language::English;
    CHECK(languageFromCode("zh", lang));
    CHECK(lang == Language::Chinese);
    CHECK(languageFromCode("en", lang));
    CHECK(lang == Language::English);
    CHECK_FALSE(languageFromCode("fr", lang));
    CHECK(allChineseText().find("判别器") != std::string::npos);
}

TEST_CASE("grid layouts: auto fits the area, explicit layouts are checked") {
    int c = 0, r = 0;
    CHECK(gridForLayout("auto", 1, c, r));
    CHECK((c == 1 && r == 1));
    CHECK(gridForLayout("auto", 2, c, r));
    CHECK((c == 2 && r == 1));
    CHECK(gridForLayout("auto", 4, c, r));
    CHECK((c == 2 && r == 2));
    CHECK(gridForLayout("auto", 6, c, r));
    CHECK((c == 3 && r == 2));
    // a tall area stacks panels
    CHECK(gridForLayout("auto", 2, 0.6f, 1.2f, c, r));
    CHECK((c == 1 && r == 2));
    CHECK(gridForLayout("3x1", 3, c, r));
    CHECK((c == 3 && r == 1));
    CHECK(gridForLayout("2X2", 3, c, r));
    CHECK((c == 2 && r == 2));
    CHECK_FALSE(gridForLayout("1x1", 2, c, r));
    CHECK_FALSE(gridForLayout("2by2", 2, c, r));
    CHECK_FALSE(gridForLayout("2x2x", 2, c, r));
}

TEST_CASE("frame statistics: median and p95") {
    std::vector<double> v;
    for (int i = 1; i <= 100; ++i) v.push_back(i);
    const Percentiles p = percentiles(v);
    CHECK(p.median == doctest::Approx(50.5));
    CHECK(p.p95 == doctest::Approx(95.0).epsilon(0.02));
    CHECK(percentiles({}).median == 0);
    FrameStats stats(8);
    stats.addTraining(1.0, 100);
    stats.addTraining(3.0, 500);
    CHECK(stats.stepsPerSecond() == doctest::Approx(200.0));
    stats.addFrame(10, 16);
    CHECK(stats.report().find("median 10.00 ms") != std::string::npos);
}

TEST_CASE("plot helpers: nice ticks and dashed lines that always terminate") {
    double t[16];
    int n = niceTicks(0, 1, 5, t, 16);
    REQUIRE(n == 6);
    CHECK(t[0] == doctest::Approx(0));
    CHECK(t[1] == doctest::Approx(0.2));
    n = niceTicks(-3, 3, 4, t, 16);
    CHECK(n >= 3);
    CHECK(niceTicks(1, 1, 4, t, 16) == 0);
    n = niceTicks(-0.6, 0.6, 6, t, 16);  // -0.6 / 0.2 rounds to -2.9999...: both ends still get a tick
    REQUIRE(n == 7);
    CHECK(t[0] == doctest::Approx(-0.6));
    CHECK(t[3] == 0.0);
    CHECK(t[6] == doctest::Approx(0.6));
    CHECK(niceTicks(1e6, 1e6 + 1e-9, 4, t, 16) <= 16);
    char buf[32];
    formatTick(0.25, buf, sizeof buf);
    CHECK(std::string(buf) == "0.25");
    formatTick(1.5e-5, buf, sizeof buf);
    CHECK(std::string(buf) == "2e-05");

    ImGui::CreateContext();
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushClipRectFullScreen();
    // Vertices of one plain segment, then a 100 px line with 10 px dash + 10 px gap: 5 dashes.
    list.AddLine(ImVec2(0, 0), ImVec2(10, 0), IM_COL32_WHITE, 1.0f);
    const int per_segment = list.VtxBuffer.Size;
    REQUIRE(per_segment > 0);
    const ImVec2 line[2] = {ImVec2(0, 0), ImVec2(100, 0)};
    drawDashedPolyline(&list, line, 2, IM_COL32_WHITE, 1.0f, 10.0f, 10.0f);
    CHECK(list.VtxBuffer.Size - per_segment == 5 * per_segment);
    // A polyline of two 15 px pieces with 10/10 dashes: dashes [0,10] and [20,30] -> 2 segments + a split one.
    const int before = list.VtxBuffer.Size;
    const ImVec2 bent[3] = {ImVec2(0, 0), ImVec2(15, 0), ImVec2(15, 15)};
    drawDashedPolyline(&list, bent, 3, IM_COL32_WHITE, 1.0f, 10.0f, 10.0f);
    CHECK((list.VtxBuffer.Size - before) / per_segment == 2);
    // Far-away coordinates and float-precision phases must not hang (regression).
    const ImVec2 far[3] = {ImVec2(1000.1f, 3.3f), ImVec2(5000.7f, 1e4f), ImVec2(1e9f, 1e9f)};
    drawDashedPolyline(&list, far, 3, IM_COL32_WHITE, 1.0f, 9.5f, 6.65f);
    CHECK(list.VtxBuffer.Size < 200000);
    ImGui::DestroyContext();
}

TEST_CASE("the editors' draft follows the trainer's scene, keeps an edit in flight, and reverts a refused one") {
    const SceneSpec scene = defaultScene();
    TrainerOptions options;
    options.threads = 1;
    options.display_samples = 128;
    Trainer trainer(scene, options);
    UiState ui;
    const SnapshotPtr first = trainer.snapshot();
    REQUIRE(first->scene.get() != nullptr);
    followTrainer(ui, *first, 0.0);
    CHECK(ui.draft.scene == scene);
    CHECK(ui.draft.base.get() == first->scene.get());

    // An edit made in the draft stays on screen while its command is in flight.
    toyOf(ui.draft.scene.runs[1])->gp_lambda = 5.0;
    Command edit;
    edit.kind = Command::Kind::SetRun;
    edit.run = 1;
    edit.run_spec = ui.draft.scene.runs[1];
    postCommand(ui, edit);
    CHECK(ui.draft.in_flight);
    const SnapshotPtr waiting = trainer.snapshot();  // published before the trainer applied it
    CHECK(waiting->scene.get() == first->scene.get());          // no scene edit yet: the same shared scene
    followTrainer(ui, *waiting, 0.1);
    CHECK(toyOf(ui.draft.scene.runs[1])->gp_lambda == doctest::Approx(5.0));
    trainer.apply(ui.outbox.back());
    ui.outbox.clear();
    const SnapshotPtr applied = trainer.snapshot();
    CHECK(applied->scene.get() != first->scene.get());
    CHECK(toyOf(applied->scene->runs[1])->gp_lambda == doctest::Approx(5.0));
    followTrainer(ui, *applied, 0.2);
    CHECK_FALSE(ui.draft.in_flight);
    CHECK(ui.draft.scene == trainer.scene());
    Command play;  // transport is no scene edit: the published scene stays shared
    play.kind = Command::Kind::Play;
    postCommand(ui, play);
    CHECK_FALSE(ui.draft.in_flight);
    trainer.apply(play);
    CHECK(trainer.snapshot()->scene.get() == applied->scene.get());

    // The trainer refuses an edit: the draft shows the trainer's value again, the banner the reason, once.
    const int batch = toyOf(trainer.scene().runs[0])->batch;
    toyOf(ui.draft.scene.runs[0])->batch = 0;
    Command bad;
    bad.kind = Command::Kind::SetRun;
    bad.run = 0;
    bad.run_spec = ui.draft.scene.runs[0];
    postCommand(ui, bad);
    CHECK_THROWS_AS(trainer.apply(bad), UserError);
    const SnapshotPtr refused = trainer.snapshot();
    CHECK(refused->command_errors == 1);
    CHECK(toyOf(refused->scene->runs[0])->batch == batch);
    followTrainer(ui, *refused, 1.0);
    CHECK(toyOf(ui.draft.scene.runs[0])->batch == batch);
    CHECK_FALSE(ui.draft.in_flight);
    CHECK(ui.banner.error);
    CHECK(ui.banner.text.find("batch must be at least 1") != std::string::npos);
    ui.banner.text.clear();
    followTrainer(ui, *trainer.snapshot(), 2.0);
    CHECK(ui.banner.text.empty());

    // A widget still held keeps its draft when the trainer's scene changes; it follows once let go.
    ui.draft.held = true;
    toyOf(ui.draft.scene.runs[0])->d_opt.lr = 0.01;  // being dragged
    Command reseed;
    reseed.kind = Command::Kind::Reseed;
    reseed.seed = 99;
    trainer.apply(reseed);
    const SnapshotPtr reseeded = trainer.snapshot();
    followTrainer(ui, *reseeded, 3.0);
    CHECK(toyOf(ui.draft.scene.runs[0])->d_opt.lr == doctest::Approx(0.01));
    CHECK(ui.draft.scene.seed != 99);
    ui.draft.held = false;
    followTrainer(ui, *reseeded, 3.1);
    CHECK(ui.draft.scene.seed == 99);
    CHECK(toyOf(ui.draft.scene.runs[0])->d_opt.lr == doctest::Approx(toyOf(trainer.scene().runs[0])->d_opt.lr));

    // Drawn data reaches the draft through the trainer (one set of custom-data rules: core customDataAfter).
    Command blob;
    blob.kind = Command::Kind::AddBlob;
    blob.x = 0.5;
    blob.y = -0.5;
    blob.std = 0.2;
    trainer.apply(blob);
    Command points;
    points.kind = Command::Kind::AddPoints;
    points.points = {0.1, 0.2, 0.3, 0.4};
    trainer.apply(points);
    followTrainer(ui, *trainer.snapshot(), 4.0);
    CHECK(ui.draft.scene.data.family == DataFamily::Blobs2D);  // painted points join the blobs
    CHECK(ui.draft.scene.data.stds.size() == 1);
    CHECK(ui.draft.scene.data.points.size() == 4);
    resetDraft(ui.draft);
    CHECK(ui.draft.base.get() == nullptr);
    CHECK(ui.draft.refusals_seen == 0);
}

TEST_CASE("layer toggles by digit") {
    ViewLayers layers;
    CHECK(toggleLayerByDigit(layers, 1));
    CHECK_FALSE(layers.real);
    CHECK(toggleLayerByDigit(layers, 0));
    CHECK(layers.modes == false);
    CHECK_FALSE(toggleLayerByDigit(layers, 11));
}

TEST_CASE("the panel grid choices: every grid with room for the runs and no empty row or column") {
    CHECK(gridChoices(1) == std::vector<std::string>{"auto", "1x1"});
    CHECK(gridChoices(2) == std::vector<std::string>{"auto", "2x1", "1x2"});
    CHECK(gridChoices(3) == std::vector<std::string>{"auto", "3x1", "2x2", "1x3"});
    CHECK(gridChoices(4) == std::vector<std::string>{"auto", "4x1", "2x2", "1x4"});
    CHECK(gridChoices(6) == std::vector<std::string>{"auto", "6x1", "3x2", "2x3", "1x6"});
    for (int runs = 1; runs <= 6; ++runs) {
        for (const std::string& grid : gridChoices(runs)) {
            int cols = 0, rows = 0;
            CHECK(gridForLayout(grid, runs, cols, rows));
            CHECK(cols * rows >= runs);
        }
    }
}

TEST_CASE("arrow scale: runs with the same kind of D share one reference, so a vanishing push draws no arrow") {
    auto run = [](const char* objective, bool critic, const char* lipschitz, float push) {
        RunSnapshot r;
        r.objective = objective;
        r.critic = critic;
        r.lipschitz = lipschitz;
        PointSet fake{1, {}}, pushes{1, {}};
        for (int i = 0; i < 10; ++i) {
            fake.coords.push_back(static_cast<float>(i));
            pushes.coords.push_back(push * static_cast<float>(i + 1) / 10.0f);  // |push| = push/10 .. push
        }
        setQuantity(r.parts, quantity_names::kFake, std::move(fake));
        setQuantity(r.parts, quantity_names::kGeneratorPush, std::move(pushes));
        return r;
    };
    Snapshot s;
    s.dim = 1;
    s.runs = {run("minimax", false, "none", 1e-10f), run("non_saturating", false, "none", 0.5f),
              run("wasserstein", true, "gp", 20.0f)};
    const double ref_minimax = pushReference(s, 0, 0.9), ref_nonsat = pushReference(s, 1, 0.9);
    const double ref_critic = pushReference(s, 2, 0.9);
    CHECK(ref_minimax == doctest::Approx(0.45));  // the non-saturating run's 90th percentile
    CHECK(ref_nonsat == ref_minimax);
    CHECK(ref_critic == doctest::Approx(18.0));  // a critic keeps its own scale
    CHECK(pushLengthFraction(1e-10, ref_minimax) < 1e-4);  // minimax: no visible arrow
    CHECK(pushLengthFraction(0.45, ref_nonsat) == doctest::Approx(1.0));
    CHECK(pushLengthFraction(0.45 / 4, ref_nonsat) == doctest::Approx(0.5));  // sqrt scale
    CHECK(pushLengthFraction(5.0, ref_nonsat) == 1.0);
    CHECK(pushLengthFraction(0.3, 0.0) == 0.0);
    CHECK(pushLengthFraction(std::nan(""), 1.0) == 0.0);
}

TEST_CASE("the checkpoint strip: the union of the runs' checkpoints, the nearest tick to a click, the one before now") {
    Snapshot snapshot;
    snapshot.runs.resize(2);
    snapshot.runs[0].checkpoints = {0, 250, 500};
    snapshot.runs[1].checkpoints = {0, 250};  // diverged before 500
    CHECK(sharedCheckpoints(snapshot) == std::vector<int64_t>{0, 250, 500});
    const std::vector<int64_t> ticks = {0, 250, 500, 1000};
    CHECK(checkpointAtFraction(ticks, 0.0, 1000) == 0);
    CHECK(checkpointAtFraction(ticks, 0.3, 1000) == 250);
    CHECK(checkpointAtFraction(ticks, 0.8, 1000) == 1000);
    CHECK(checkpointAtFraction(ticks, 7.0, 1000) == 1000);  // clamped to the strip
    CHECK(checkpointAtFraction({}, 0.5, 1000) == -1);
    CHECK(checkpointBefore(ticks, 1000) == 500);
    CHECK(checkpointBefore(ticks, 1001) == 1000);
    CHECK(checkpointBefore(ticks, 0) == -1);
}
