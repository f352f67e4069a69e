// lesson_scenes_test.cpp — the lessons in scenes/lessons/: each lesson's own
// scene file shows its phenomenon on the metrics (seeded, so the numbers are
// fixed), and every lesson plays from its first step to its last at the pace
// of `ganarium record --lesson` with each advance rule holding within the
// time a recording gives it (a lesson must not make a class wait).
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "core/lesson.h"
#include "core/lesson_player.h"
#include "core/scene_parser.h"
#include "train/trainer.h"

using namespace ganarium;

namespace {

std::string lessonPath(const std::string& file) { return std::string(GANARIUM_SCENE_DIR) + "/lessons/" + file; }

// Index of the run called `name`.
size_t runIndex(const SceneSpec& scene, const std::string& name) {
    for (size_t i = 0; i < scene.runs.size(); ++i)
        if (scene.runs[i].name == name) return i;
    FAIL("no run called " << name);
    return 0;
}

// Trains `scene` for `steps` iterations (metrics at the scene's cadence) and returns the final snapshot.
SnapshotPtr train(const SceneSpec& scene, int64_t steps) {
    TrainerOptions options;
    options.display_samples = 64;
    Trainer trainer(scene, options);
    trainer.advance(steps);
    return trainer.snapshot();
}

// How one step of a lesson went when played at the recorder's pace.
struct PlayedStep {
    int64_t frames = 0;     // frames it was shown
    int64_t end_step = 0;   // training step when it handed over
    bool rule_held = true;  // its advance rule held (click rules always "hold" after their hold time)
};

// Plays `scene`'s lesson as `ganarium record --lesson` does at `fps` with `k` iterations per frame (see
// app/record_lesson.cpp), with metrics-only snapshots.
std::vector<PlayedStep> playLesson(const SceneSpec& scene, int k, double fps) {
    TrainerOptions options;
    options.display_samples = 64;
    Trainer trainer(scene, options);
    LessonPlayer player(scene.lesson, scene);
    std::vector<PlayedStep> played(static_cast<size_t>(player.count()));
    auto apply = [&](const LessonMove& move) {
        for (const Command& command : move.commands) trainer.apply(command);
        if (move.run_to_step > trainer.iteration()) trainer.advance(move.run_to_step - trainer.iteration());
    };
    apply(player.start());
    while (true) {
        PlayedStep& now = played[static_cast<size_t>(player.index())];
        const LessonStep& step = player.step();
        trainer.advance(step.playing ? k : 0);
        ++now.frames;
        const SnapshotPtr snap = trainer.snapshot();
        const LessonMetricReader metrics = [&](int run, const std::string& key) {
            return snap->runs[static_cast<size_t>(run)].metrics.last(key);
        };
        if (now.frames < lessonStepMinFrames(step, fps)) continue;
        if (step.advance.kind != AdvanceRule::Kind::Click && !player.ruleHolds(trainer.iteration(), metrics)) {
            if (now.frames < lessonStepMaxFrames(step, fps)) continue;
            now.rule_held = false;
        }
        now.end_step = trainer.iteration();
        if (player.atLastStep()) break;
        apply(player.next(trainer.iteration()));
    }
    return played;
}

// Plays the lesson at 30 fps and checks every rule held in time; returns the steps.
std::vector<PlayedStep> checkPlaysThrough(const std::string& file, int k) {
    const SceneSpec scene = loadSceneFile(lessonPath(file));
    REQUIRE(static_cast<bool>(scene.lesson));
    const std::vector<PlayedStep> played = playLesson(scene, k, 30.0);
    double seconds = 0;
    for (size_t i = 0; i < played.size(); ++i) {
        CAPTURE(file);
        CAPTURE(i + 1);
        CHECK(played[i].rule_held);
        seconds += static_cast<double>(played[i].frames) / 30.0;
        MESSAGE(file << " step " << i + 1 << ": " << played[i].frames << " frames, ends at training step "
                     << played[i].end_step);
    }
    MESSAGE(file << ": " << seconds << " s of video");
    return played;
}

}  // namespace

TEST_CASE("lesson files: every scene in scenes/lessons/ is a lesson with captions in both languages") {
    int lessons = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(GANARIUM_SCENE_DIR) + "/lessons")) {
        if (entry.path().extension() != ".toml") continue;
        CAPTURE(entry.path().string());
        const SceneSpec scene = loadSceneFile(entry.path().string());
        REQUIRE(static_cast<bool>(scene.lesson));
        CHECK(scene.lesson->steps.size() >= 3);
        CHECK_FALSE(scene.title_zh.empty());
        for (const RunSpec& run : scene.runs) CHECK_FALSE(run.name_zh.empty());
        ++lessons;
    }
    CHECK(lessons >= 4);
}

TEST_CASE("lesson 3: JS stays at log 2 for minimax while WGAN-GP's W1 falls by half") {
    const SceneSpec scene = loadSceneFile(lessonPath("03-disjoint-supports.toml"));
    const SnapshotPtr snap = train(scene, 400);
    const RunSnapshot& minimax = snap->runs[runIndex(scene, "Minimax GAN")];
    const RunSnapshot& wgan = snap->runs[runIndex(scene, "WGAN-GP")];
    const std::vector<double> js = minimax.metrics.columnCopy("js");
    REQUIRE(js.size() == 17);  // steps 0, 25, ..., 400
    for (size_t i = 0; i < js.size(); ++i) {
        CAPTURE(minimax.metrics.step(i));
        CHECK(std::fabs(js[i] - std::log(2.0)) <= 0.02);
    }
    const std::vector<double> w1 = wgan.metrics.columnCopy("w1");
    MESSAGE("WGAN-GP W1: step 0 " << w1.front() << ", step 400 " << w1.back() << "; minimax JS at 400 " << js.back());
    CHECK(w1.front() > 2.0);
    CHECK(w1.back() <= 0.5 * w1.front());
}

TEST_CASE("lesson 1: G moves onto the data, JS falls near 0 and D is near 1/2") {
    const SceneSpec scene = loadSceneFile(lessonPath("01-what-g-and-d-do.toml"));
    const SnapshotPtr snap = train(scene, 1200);
    const RunSnapshot& run = snap->runs[0];
    const std::vector<double> js = run.metrics.columnCopy("js");
    MESSAGE("JS: step 0 " << js.front() << ", step 1200 " << js.back() << "; D accuracy "
                          << run.metrics.last("d_accuracy"));
    CHECK(js.front() > 0.3);
    CHECK(*std::min_element(js.begin(), js.end()) <= 0.02);
    CHECK(js.back() <= 0.05);
    CHECK(std::fabs(run.metrics.last("d_accuracy") - 0.5) <= 0.1);  // D can no longer tell them apart
}

TEST_CASE("lesson 9: simultaneous steps spiral out, alternating ones circle, R1 converges") {
    const SceneSpec scene = loadSceneFile(lessonPath("09-dirac-gan.toml"));
    const SnapshotPtr snap = train(scene, 300);
    const double start = std::sqrt(2.0);
    const double simultaneous = snap->runs[runIndex(scene, "GAN, simultaneous")].metrics.last("distance");
    const double alternating = snap->runs[runIndex(scene, "GAN, alternating")].metrics.last("distance");
    const double r1 = snap->runs[runIndex(scene, "GAN + R1 (gamma 1)")].metrics.last("distance");
    MESSAGE("distance at step 300: simultaneous " << simultaneous << ", alternating " << alternating << ", R1 " << r1);
    CHECK(simultaneous > 1.5 * start);
    CHECK(alternating > 0.5 * start);
    CHECK(alternating < 1.5 * start);
    CHECK(r1 < 0.05);
}

TEST_CASE("lesson 6: the standard GAN collapses onto at most 3 modes while WGAN-GP covers 7 or 8") {
    const SceneSpec scene = loadSceneFile(lessonPath("06-mode-collapse.toml"));
    const SnapshotPtr snap = train(scene, 800);
    const double gan = snap->runs[runIndex(scene, "Standard GAN, strong D")].metrics.last("modes_covered");
    const double wgan = snap->runs[runIndex(scene, "WGAN-GP")].metrics.last("modes_covered");
    MESSAGE("modes covered at step 800: standard GAN " << gan << ", WGAN-GP " << wgan);
    CHECK(gan <= 3);
    CHECK(wgan >= 7);
}

TEST_CASE("lessons play through at the recorder's pace: every advance rule holds in time") {
    checkPlaysThrough("09-dirac-gan.toml", 1);
    checkPlaysThrough("03-disjoint-supports.toml", 1);
    checkPlaysThrough("01-what-g-and-d-do.toml", 1);
}
