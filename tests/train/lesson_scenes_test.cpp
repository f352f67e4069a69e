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
#include <utility>
#include <vector>

#include "core/lesson.h"
#include "core/lesson_player.h"
#include "core/scene_parser.h"
#include "lesson_playback.h"
#include "snapshot_parts.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

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
    CHECK(lessons >= 10);
}

namespace {

// Mean of the generated samples a full snapshot shows.
double fakeMean(Trainer& trainer) {
    const std::vector<float>& fake = test::coordsOf(trainer.snapshot()->runs[0], quantity_names::kFake);
    double sum = 0;
    for (float x : fake) sum += x;
    return sum / static_cast<double>(fake.size());
}

// D's accuracy on fresh samples now.
double dAccuracy(Trainer& trainer) {
    trainer.evaluateMetrics();
    return trainer.snapshot()->runs[0].metrics.last("d_accuracy");
}

// `metric` at the last evaluation of runs `a` and `b` of lesson `file` after `steps` steps of training.
std::pair<double, double> lastOfTwoRuns(const std::string& file, int steps, const std::string& metric,
                                        const std::string& a, const std::string& b) {
    const SceneSpec scene = loadSceneFile(lessonPath(file));
    const SnapshotPtr snap = train(scene, steps);
    return {snap->runs[runIndex(scene, a)].metrics.last(metric), snap->runs[runIndex(scene, b)].metrics.last(metric)};
}

}  // namespace

TEST_CASE("lesson 2: D steps teach D, a G step moves G(z) towards the data; going back replays them exactly") {
    const SceneSpec scene = loadSceneFile(lessonPath("02-the-algorithm.toml"));
    TrainerOptions options;
    options.display_samples = 256;
    Trainer trainer(scene, options);
    LessonPlayer player(scene.lesson, scene);
    auto apply = [&](const LessonMove& move) {
        for (const Command& command : move.commands) trainer.apply(command);
        if (move.run_to_step > trainer.iteration()) trainer.advance(move.run_to_step - trainer.iteration());
    };
    apply(player.start());
    const double accuracy_before = dAccuracy(trainer), mean_before = fakeMean(trainer);
    apply(player.next(0));  // 5 D steps
    const double accuracy_after = dAccuracy(trainer), mean_after_d = fakeMean(trainer);
    apply(player.next(0));  // 1 G step
    const double mean_after_g = fakeMean(trainer);
    MESSAGE("D accuracy " << accuracy_before << " -> " << accuracy_after << " after 5 D steps; mean G(z) "
                          << mean_before << " -> " << mean_after_d << " -> " << mean_after_g << " after 1 G step");
    CHECK(accuracy_after > accuracy_before + 0.1);
    CHECK(mean_after_d == doctest::Approx(mean_before).epsilon(1e-6));  // G was fixed
    CHECK(mean_after_g > mean_after_d);                                 // towards the data at 2
    CHECK(trainer.iteration() == 0);                                    // single steps are not iterations
    apply(player.next(0));  // again: 5 D steps, 1 G step
    const double mean_step4 = fakeMean(trainer);
    apply(player.next(0));  // plays
    trainer.advance(40);
    apply(player.previous(trainer.iteration()));  // back to step 4: replayed from the start
    CHECK(player.index() == 3);
    CHECK(fakeMean(trainer) == mean_step4);  // the same G, bit for bit
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

TEST_CASE("lesson 1: G moves onto the data, JS falls under 0.1 and D is near 1/2") {
    const SceneSpec scene = loadSceneFile(lessonPath("01-what-g-and-d-do.toml"));
    const SnapshotPtr snap = train(scene, 450);
    const RunSnapshot& run = snap->runs[0];
    const std::vector<double> js = run.metrics.columnCopy("js");
    MESSAGE("JS: step 0 " << js.front() << ", lowest " << *std::min_element(js.begin(), js.end()) << ", step 450 "
                          << js.back() << "; D accuracy " << run.metrics.last("d_accuracy"));
    CHECK(js.front() > 0.5);
    CHECK(*std::min_element(js.begin(), js.end()) <= 0.1);
    CHECK(js.back() <= 0.15);
    CHECK(std::fabs(run.metrics.last("d_accuracy") - 0.5) <= 0.12);  // D can no longer tell them apart
}

TEST_CASE("lesson 4: minimax and max-likelihood gradients vanish while the non-saturating generator moves") {
    const SceneSpec scene = loadSceneFile(lessonPath("04-generator-losses.toml"));
    const SnapshotPtr snap = train(scene, 250);
    const RunSnapshot& minimax = snap->runs[runIndex(scene, "Minimax")];
    const RunSnapshot& ns = snap->runs[runIndex(scene, "Non-saturating")];
    const RunSnapshot& ml = snap->runs[runIndex(scene, "Max-likelihood")];
    const std::vector<double> g_minimax = minimax.metrics.columnCopy("g_grad_norm");
    const std::vector<double> g_ml = ml.metrics.columnCopy("g_grad_norm");
    const std::vector<double> g_ns = ns.metrics.columnCopy("g_grad_norm");
    REQUIRE(g_minimax.size() == 11);  // steps 0, 25, ..., 250
    MESSAGE("G gradient at step 150: minimax " << g_minimax[6] << ", max-likelihood " << g_ml[6] << ", non-saturating "
                                               << g_ns[6] << "; W1 at 250: minimax " << minimax.metrics.last("w1")
                                               << ", non-saturating " << ns.metrics.last("w1"));
    for (size_t i = 4; i < g_minimax.size(); ++i) {  // steps 100..250: stalled
        CAPTURE(i);
        CHECK(g_minimax[i] < 1e-4);
        CHECK(g_ml[i] < 1e-4);
    }
    CHECK(*std::max_element(g_ns.begin() + 1, g_ns.begin() + 5) > 1.0);
    CHECK(ns.metrics.last("w1") < 1.0);
    CHECK(minimax.metrics.last("w1") > 2.3);
}

TEST_CASE("lesson 7: on the grid of 25 WGAN-GP covers at least 22 modes, the standard GAN at most 4") {
    const auto [gan, wgan] =
        lastOfTwoRuns("07-mode-dropping.toml", 500, "modes_covered", "Standard GAN (non-saturating)", "WGAN-GP");
    MESSAGE("modes covered at step 500: standard GAN " << gan << ", WGAN-GP " << wgan);
    CHECK(gan <= 4);
    CHECK(wgan >= 22);
}

TEST_CASE("lesson 8: a balanced D lets G move; a D too strong or too weak stalls it") {
    const SceneSpec scene = loadSceneFile(lessonPath("08-balance.toml"));
    const SnapshotPtr snap = train(scene, 500);
    const RunSnapshot& balanced = snap->runs[runIndex(scene, "Balanced")];
    const RunSnapshot& strong = snap->runs[runIndex(scene, "D too strong")];
    const RunSnapshot& weak = snap->runs[runIndex(scene, "D too weak")];
    MESSAGE("W1 at step 500: balanced " << balanced.metrics.last("w1") << ", too strong " << strong.metrics.last("w1")
                                        << ", too weak " << weak.metrics.last("w1") << "; D accuracy: too strong "
                                        << strong.metrics.last("d_accuracy") << ", too weak "
                                        << weak.metrics.last("d_accuracy"));
    CHECK(balanced.metrics.last("w1") < 0.3);
    CHECK(strong.metrics.last("w1") > 2.5);
    CHECK(weak.metrics.last("w1") > 2.3);
    CHECK(strong.metrics.last("d_accuracy") > 0.95);               // D is sure of everything
    CHECK(std::fabs(weak.metrics.last("d_accuracy") - 0.5) < 0.1);  // D cannot tell them apart
    CHECK(strong.metrics.last("g_grad_norm") < 1e-6);               // the vanishing gradient
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

TEST_CASE("lesson 5: clipped weights sit at c, gradient-penalty norms at 1, clipping's critic is far too flat") {
    const SceneSpec scene = loadSceneFile(lessonPath("05-lipschitz.toml"));
    const SnapshotPtr snap = train(scene, 300);
    const RunSnapshot& clip = snap->runs[runIndex(scene, "Weight clipping (c = 0.01)")];
    const RunSnapshot& gp = snap->runs[runIndex(scene, "Gradient penalty")];
    const RunSnapshot& sn = snap->runs[runIndex(scene, "Spectral normalization")];
    MESSAGE("step 300: clip max |w| " << clip.metrics.last("d_weight_max_abs") << ", its W1 estimate "
                                      << clip.metrics.last("d_estimate") << " (W1 " << clip.metrics.last("w1")
                                      << "); GP norm " << gp.metrics.last("gp_norm_mean") << "; SN estimate "
                                      << sn.metrics.last("d_estimate") << " (W1 " << sn.metrics.last("w1") << ")");
    CHECK(clip.metrics.last("d_weight_max_abs") == doctest::Approx(0.01).epsilon(0.02));
    CHECK(clip.metrics.last("d_estimate") < 0.05 * clip.metrics.last("w1"));
    const std::vector<double> norms = gp.metrics.columnCopy("gp_norm_mean");
    for (size_t i = 2; i < norms.size(); ++i) {  // from step 100 on
        CAPTURE(i);
        CHECK(std::fabs(norms[i] - 1.0) < 0.15);
    }
    CHECK(sn.metrics.last("d_estimate") < sn.metrics.last("w1"));
}

TEST_CASE("lesson 6: the standard GAN collapses onto at most 3 modes while WGAN-GP covers 7 or 8") {
    const auto [gan, wgan] =
        lastOfTwoRuns("06-mode-collapse.toml", 800, "modes_covered", "Standard GAN, strong D", "WGAN-GP");
    MESSAGE("modes covered at step 800: standard GAN " << gan << ", WGAN-GP " << wgan);
    CHECK(gan <= 3);
    CHECK(wgan >= 7);
}

TEST_CASE("going back to a lesson step with a trainer: training where the step began, bit for bit; its parameters") {
    const SceneSpec scene = loadSceneFile(lessonPath("03-disjoint-supports.toml"));
    TrainerOptions options;
    options.display_samples = 64;
    Trainer trainer(scene, options);
    LessonPlayer player(scene.lesson, scene);
    auto apply = [&](const LessonMove& move) {
        for (const Command& command : move.commands) trainer.apply(command);
        if (move.run_to_step > trainer.iteration()) trainer.advance(move.run_to_step - trainer.iteration());
    };
    const size_t wgan = runIndex(scene, "WGAN-GP");
    apply(player.start());
    apply(player.next(trainer.iteration()));  // step 2 begins at training step 0
    trainer.advance(60);
    const double first = trainer.latest()->runs[wgan].metrics.value("w1", 2);  // the evaluation at step 50
    apply(player.next(trainer.iteration()));  // step 3 at 60
    trainer.advance(40);
    apply(player.previous(trainer.iteration()));  // back to step 2: a rewind to step 0
    CHECK(player.index() == 1);
    CHECK(trainer.iteration() == 0);
    trainer.advance(60);
    const MetricLogView again = trainer.latest()->runs[wgan].metrics;
    REQUIRE(again.size() == 3);
    CHECK(again.step(2) == 50);
    CHECK(again.value("w1", 2) == first);  // the same training, bit for bit

    // Lesson 8's step 5 sets the weak D's learning rate; going back to step 4 sets it back.
    const SceneSpec balance = loadSceneFile(lessonPath("08-balance.toml"));
    Trainer small(balance, options);
    LessonPlayer steps(balance.lesson, balance);
    const size_t weak = runIndex(balance, "D too weak");
    for (const Command& c : steps.jump(4, 0).commands) small.apply(c);
    CHECK(toyOf(small.scene().runs[weak])->d_opt.lr == doctest::Approx(2e-4));
    for (const Command& c : steps.previous(0).commands) small.apply(c);
    CHECK(steps.index() == 3);
    CHECK(toyOf(small.scene().runs[weak])->d_opt.lr == doctest::Approx(1e-6));
}

TEST_CASE("lessons play through at the recorder's pace: every advance rule holds in time") {
    checkPlaysThrough("09-dirac-gan.toml", 1);
    checkPlaysThrough("02-the-algorithm.toml", 1);
    checkPlaysThrough("03-disjoint-supports.toml", 1);
    checkPlaysThrough("01-what-g-and-d-do.toml", 1);
    checkPlaysThrough("04-generator-losses.toml", 1);
    checkPlaysThrough("05-lipschitz.toml", 1);
    checkPlaysThrough("06-mode-collapse.toml", 1);
    checkPlaysThrough("07-mode-dropping.toml", 1);
    checkPlaysThrough("08-balance.toml", 1);
}
