// lesson_playback.h — helpers of the lesson tests: a lesson scene's path, a
// run's index by name, and playing a lesson at the pace of `ganarium record
// --lesson` (each step's advance rule checked on the metrics the trainer
// publishes), as app/record_lesson.cpp does.
#pragma once

#include <torch/torch.h>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/lesson.h"
#include "core/lesson_player.h"
#include "core/scene_parser.h"
#include "train/trainer.h"

namespace ganarium::test {

inline std::string lessonPath(const std::string& file) { return std::string(GANARIUM_SCENE_DIR) + "/lessons/" + file; }

// Index of the run called `name`.
inline size_t runIndex(const SceneSpec& scene, const std::string& name) {
    for (size_t i = 0; i < scene.runs.size(); ++i)
        if (scene.runs[i].name == name) return i;
    FAIL("no run called " << name);
    return 0;
}

// Trains `scene` for `steps` iterations (metrics at the scene's cadence) and returns the final snapshot.
inline SnapshotPtr train(const SceneSpec& scene, int64_t steps) {
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
    SnapshotPtr end;        // the metrics-only snapshot when it handed over
};

// Plays `scene`'s lesson as `ganarium record --lesson` does at `fps` with `k` iterations per frame (see
// app/record_lesson.cpp), reading the rules on the metrics-only snapshots advance() publishes.
inline std::vector<PlayedStep> playLesson(const SceneSpec& scene, int k, double fps, TrainerOptions options = {}) {
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
        const SnapshotPtr snap = trainer.latest();  // advance() published its metrics-only snapshot
        const LessonMetricReader metrics = [&](int run, const std::string& key) {
            return snap->runs[static_cast<size_t>(run)].metrics.last(key);
        };
        if (now.frames < lessonStepMinFrames(step, fps)) continue;
        if (step.advance.kind != AdvanceRule::Kind::Click && !player.ruleHolds(trainer.iteration(), metrics)) {
            if (now.frames < lessonStepMaxFrames(step, fps)) continue;
            now.rule_held = false;
        }
        now.end_step = trainer.iteration();
        now.end = snap;
        if (player.atLastStep()) break;
        apply(player.next(trainer.iteration()));
    }
    return played;
}

// Plays the lesson at 30 fps and checks every rule held in time; returns the steps.
inline std::vector<PlayedStep> checkPlaysThrough(const std::string& file, int k, const TrainerOptions& options = {}) {
    const SceneSpec scene = loadSceneFile(lessonPath(file));
    REQUIRE(static_cast<bool>(scene.lesson));
    const std::vector<PlayedStep> played = playLesson(scene, k, 30.0, options);
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

}  // namespace ganarium::test
