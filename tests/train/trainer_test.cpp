// trainer_test.cpp — the Trainer facade: determinism, identical starting
// weights, divergence handling, snapshots and the threaded mode.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "scene_fixtures.h"
#include "train/gan_run.h"
#include "core/errors.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

TEST_CASE("same scene, seed and threads give identical metric series") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty)}, 20);
    scene.threads = 2;
    TrainerOptions one_thread;
    one_thread.threads = 1;
    Trainer a(scene), b(scene), c(scene, one_thread);
    a.advance(60);
    b.advance(25);
    b.advance(35);
    c.advance(60);
    const auto sa = a.snapshot(), sb = b.snapshot(), sc = c.snapshot();
    // Runs never share state, so even the thread count does not change the numbers.
    for (size_t r = 0; r < 2; ++r) CHECK(sa->runs[r].metrics.columnCopy("w1") == sc->runs[r].metrics.columnCopy("w1"));
    REQUIRE(sa->runs.size() == 2);
    for (size_t r = 0; r < 2; ++r) {
        const MetricLogView& ha = sa->runs[r].metrics;
        const MetricLogView& hb = sb->runs[r].metrics;
        CHECK(ha.steps() == hb.steps());
        CHECK(ha.size() == 4);  // steps 0, 20, 40, 60
        CHECK(ha.keys() == hb.keys());
        for (const std::string& name : ha.keys()) {
            const std::vector<double> series = ha.columnCopy(name), other = hb.columnCopy(name);
            REQUIRE(series.size() == other.size());
            for (size_t i = 0; i < series.size(); ++i) {
                if (std::isnan(series[i])) {
                    CHECK(std::isnan(other[i]));
                } else {
                    CHECK(series[i] == other[i]);
                }
            }
        }
        CHECK(sa->runs[r].fake == sb->runs[r].fake);
    }
}

TEST_CASE("runs of one scene start from identical weights") {
    GanRun a(smallRun(Objective::NonSaturating), 2, 11), b(smallRun(Objective::Wasserstein, Lipschitz::WeightClip), 2, 11);
    const auto pa = a.generator()->parameters(), pb = b.generator()->parameters();
    REQUIRE(pa.size() == pb.size());
    for (size_t i = 0; i < pa.size(); ++i) CHECK(torch::equal(pa[i], pb[i]));
    const auto da = a.critic()->parameters(), db = b.critic()->parameters();
    for (size_t i = 0; i < da.size(); ++i) CHECK(torch::equal(da[i], db[i]));
    GanRun c(smallRun(Objective::NonSaturating), 2, 12);
    CHECK_FALSE(torch::equal(c.generator()->parameters()[0], pa[0]));
}

TEST_CASE("a NaN pauses only its run, with a reason") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Hinge)}, 10);
    Trainer trainer(scene);
    trainer.advance(5);
    trainer.injectNaN(0);
    trainer.advance(10);
    const auto snap = trainer.snapshot();
    CHECK(snap->runs[0].status == RunStatus::Diverged);
    CHECK(snap->runs[0].status_reason == "NaN in loss_d at step 5");
    CHECK(snap->runs[0].step == 5);
    CHECK(snap->runs[1].status == RunStatus::Running);
    CHECK(snap->runs[1].step == 15);
    // Resuming redraws the NaN weights and continues.
    Command resume;
    resume.kind = Command::Kind::ResumeRun;
    resume.run = 0;
    trainer.apply(resume);
    trainer.advance(3);
    const auto after = trainer.snapshot();
    CHECK(after->runs[0].status == RunStatus::Running);
    CHECK(after->runs[0].step == 8);
}

TEST_CASE("a full snapshot fills every field") {
    auto scene = makeScene(ring(), {smallRun(Objective::Wasserstein, Lipschitz::WeightClip), smallRun(Objective::NonSaturating)}, 10);
    TrainerOptions options;
    options.display_samples = 200;
    Trainer trainer(scene, options);
    trainer.advance(10);
    const auto snap = trainer.snapshot();
    CHECK(snap->dim == 2);
    CHECK(snap->view.x0 < -2.0);
    CHECK(snap->view.x1 > 2.0);
    for (const auto& run : snap->runs) {
        CHECK(run.real.size() == 400);
        CHECK(run.fake.size() == 400);
        CHECK(run.latent.size() == 400);
        CHECK(run.fake_push.size() == 400);
        CHECK(run.d_field.nx == 64);
        CHECK(run.d_field.values.size() == 64 * 64);
        CHECK(run.d_optimal.values.size() == 64 * 64);
        CHECK(run.p_data.values.size() == 64 * 64);
        CHECK(run.p_g.values.size() == 64 * 64);
        CHECK(run.manifold_nu == 24);
        CHECK(run.manifold_nv == 24);
        CHECK(run.manifold.size() == 24 * 24 * 2);
        CHECK(run.gp_real.size() == 128);
        CHECK(run.gp_interp.size() == 128);
        CHECK(run.gp_grad_norm.size() == 64);
        CHECK(run.d_weights.counts.size() == 64);
        CHECK(run.gp_norms.counts.size() == 64);
        CHECK(run.modes.size() == 8);
        CHECK(run.mode_covered.size() == 8);
        CHECK(run.metrics.size() == 2);
        CHECK(run.metrics.latest().count("js") == 1);
        CHECK(run.metrics.latest().count("modes_covered") == 1);
    }
    CHECK(snap->runs[0].critic);
    CHECK(snap->runs[0].clip == doctest::Approx(0.01));
    CHECK(snap->runs[0].d_weights.hi == doctest::Approx(0.011));
    CHECK_FALSE(snap->runs[1].critic);
    // D* is a probability where there is mass and undefined (NaN) in the empty corners of the field box.
    size_t defined = 0, undefined = 0;
    for (float v : snap->runs[1].d_optimal.values) {
        if (std::isnan(v)) {
            ++undefined;
            continue;
        }
        ++defined;
        REQUIRE(v >= 0.0f);
        REQUIRE(v <= 1.0f);
    }
    CHECK(defined >= 32);  // cells around each of the 8 modes and the fakes
    CHECK(undefined > 0);
    CHECK(std::isnan(snap->runs[1].d_optimal.values[0]));  // the far corner
    // JS-type D is shown as a probability.
    for (float v : snap->runs[1].d_field.values) {
        REQUIRE(v >= 0.0f);
        REQUIRE(v <= 1.0f);
    }
}

TEST_CASE("snapshots of 3+ runs use fewer dots and a coarser D field, unless asked otherwise") {
    auto four = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Hinge),
                                   smallRun(Objective::LeastSquares), smallRun(Objective::Minimax)}, 10);
    TrainerOptions by_count;
    by_count.display_samples = 0;  // what the GUI and the recorder use
    const auto small_panels = Trainer(four, by_count).snapshot();
    for (const auto& run : small_panels->runs) {
        CHECK(run.fake.size() == 512 * 2);
        CHECK(run.d_field.nx == 48);
        CHECK(run.d_field.ny == 48);
        CHECK(run.d_optimal.values.size() == 48 * 48);
        CHECK(run.p_g.values.size() == 48 * 48);
    }
    TrainerOptions explicit_grid = by_count;
    explicit_grid.field_resolution = 80;
    CHECK(Trainer(four, explicit_grid).snapshot()->runs[0].d_field.nx == 80);
    auto two = four;
    two.runs.resize(2);
    const auto big_panels = Trainer(two, by_count).snapshot();
    CHECK(big_panels->runs[0].fake.size() == 1024 * 2);
    CHECK(big_panels->runs[0].d_field.nx == 64);
}

TEST_CASE("threaded mode: commands apply, versions increase, stop joins") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1),
                                    smallRun(Objective::LeastSquares, Lipschitz::None, 16, 1)}, 25);
    scene.threads = 2;
    Trainer trainer(scene);
    const uint64_t v0 = trainer.latest()->version;
    trainer.start(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto s1 = trainer.latest();
    CHECK(s1->version > v0);
    CHECK(s1->playing);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto s2 = trainer.latest();
    CHECK(s2->version > s1->version);
    CHECK(s2->runs[0].step > s1->runs[0].step);

    Command pause;
    pause.kind = Command::Kind::Pause;
    trainer.post(pause);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto paused = trainer.latest();
    CHECK_FALSE(paused->playing);
    Command step;
    step.kind = Command::Kind::StepIteration;
    step.count = 3;
    trainer.post(step);
    RunSpec edited = scene.runs[1];
    edited.d_opt.lr = 5e-4;
    edited.objective = Objective::Hinge;
    Command set_run;
    set_run.kind = Command::Kind::SetRun;
    set_run.run = 1;
    set_run.run_spec = edited;
    trainer.post(set_run);
    Command set_data;
    set_data.kind = Command::Kind::SetData;
    set_data.data = ring(1.5, 0.05);
    trainer.post(set_data);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto stepped = trainer.latest();
    CHECK(stepped->runs[0].step == paused->runs[0].step + 3);
    CHECK(stepped->runs[1].objective == "hinge");
    CHECK(stepped->runs[1].modes.front().x == doctest::Approx(1.5).epsilon(0.01));
    trainer.stop();
    CHECK(trainer.latest()->version >= stepped->version);
}

TEST_CASE("drawn custom data: blobs, points, clearing, and bad edits") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1)}, 5);
    Trainer trainer(scene);
    trainer.advance(5);
    const auto before = trainer.snapshot();
    Command clear;
    clear.kind = Command::Kind::ClearData;
    trainer.apply(clear);
    trainer.advance(5);  // no data: nothing trains
    CHECK(trainer.snapshot()->runs[0].step == 5);
    CHECK(trainer.snapshot()->runs[0].real.empty());
    Command blob;
    blob.kind = Command::Kind::AddBlob;
    blob.x = 1.0;
    blob.y = -1.0;
    blob.std = 0.1;
    trainer.apply(blob);
    blob.x = -1.0;
    trainer.apply(blob);
    trainer.advance(5);
    auto snap = trainer.snapshot();
    CHECK(snap->runs[0].step == 10);
    CHECK(trainer.scene().data.family == DataFamily::Blobs2D);
    CHECK(snap->runs[0].modes.size() == 2);
    // Weights were kept across the data switch: the generator's manifold did not jump back to its start.
    CHECK(snap->runs[0].manifold.size() == before->runs[0].manifold.size());
    Command points;
    points.kind = Command::Kind::AddPoints;
    points.points = {0.0, 0.0, 0.5, 0.5, -0.5, 0.5};
    trainer.apply(points);
    trainer.advance(5);
    snap = trainer.snapshot();
    CHECK(snap->runs[0].step == 15);
    // Painted points join the blobs: the two blobs stay the modes, the points are data around them.
    CHECK(trainer.scene().data.family == DataFamily::Blobs2D);
    CHECK(trainer.scene().data.means.size() == 4);
    CHECK(trainer.scene().data.points.size() == 6);
    CHECK(snap->runs[0].modes.size() == 2);
    CHECK(std::isfinite(snap->runs[0].metrics.latest().at("js")));  // drawn points are jittered: a Gaussian mixture
    CHECK(std::isfinite(snap->runs[0].metrics.latest().at("w1")));
    // A fixed generator of the wrong dimension is a user error, not a crash.
    Command bad;
    bad.kind = Command::Kind::SetRun;
    bad.run = 0;
    bad.run_spec = fixedGeneratorRun(Objective::NonSaturating, gaussian1D(0, 1));
    CHECK_THROWS_AS(trainer.apply(bad), UserError);
}

TEST_CASE("threaded mode: SetSpeed paces training per published frame") {
    auto scene = makeScene(gaussian1D(0, 1), {smallRun(Objective::NonSaturating, Lipschitz::None, 8, 1)}, 1000);
    Trainer trainer(scene);
    Command speed;
    speed.kind = Command::Kind::SetSpeed;
    speed.count = 1;
    trainer.post(speed);
    trainer.start(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto a = trainer.latest();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    const auto b = trainer.latest();
    trainer.stop();
    const int64_t steps = b->runs[0].step - a->runs[0].step;
    MESSAGE("paced at 1 iteration per frame: " << steps << " iterations in 0.4 s");
    CHECK(b->steps_per_frame == 1);
    CHECK(steps > 0);
    CHECK(steps <= 20);  // ~30 frames per second at most, one iteration each
    CHECK(b->version > a->version);
}

TEST_CASE("SetRun keeps weights when the architecture matches and redraws them when it does not") {
    RunSpec spec = smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1);
    Trainer trainer(makeScene(ring(), {spec}, 10));
    const auto initial = trainer.snapshot();
    trainer.advance(10);
    const auto trained = trainer.snapshot();
    CHECK(trained->runs[0].manifold != initial->runs[0].manifold);

    Command edit;
    edit.kind = Command::Kind::SetRun;
    edit.run = 0;
    edit.run_spec = spec;
    edit.run_spec.g_opt.lr = 1e-4;
    edit.run_spec.d_opt.kind = OptimizerKind::RMSprop;
    edit.run_spec.lipschitz = Lipschitz::SpectralNorm;
    trainer.apply(edit);
    const auto kept = trainer.snapshot();
    CHECK(kept->runs[0].manifold == trained->runs[0].manifold);  // G untouched
    CHECK(kept->runs[0].lipschitz == "sn");
    trainer.advance(2);
    CHECK(trainer.snapshot()->runs[0].status == RunStatus::Running);

    edit.run_spec.g_net.hidden = {16, 16};
    trainer.apply(edit);
    const auto rebuilt = trainer.snapshot();
    CHECK(rebuilt->runs[0].manifold != trained->runs[0].manifold);
    CHECK(rebuilt->runs[0].step == 12);  // the run's clock keeps going
}

TEST_CASE("Reset replays the same run from the same seed; Reseed starts a different one; single steps count") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating)}, 10);
    Trainer trainer(scene);
    const auto start = trainer.snapshot();
    trainer.advance(20);
    const auto after20 = trainer.snapshot();
    CHECK(after20->runs[0].fake != start->runs[0].fake);

    Command reset;
    reset.kind = Command::Kind::Reset;
    trainer.apply(reset);
    const auto again = trainer.snapshot();
    CHECK(again->runs[0].step == 0);
    CHECK(again->runs[0].fake == start->runs[0].fake);   // same initial weights, same display latents
    trainer.advance(20);
    CHECK(trainer.snapshot()->runs[0].fake == after20->runs[0].fake);  // and the same training path

    Command reseed;
    reseed.kind = Command::Kind::Reseed;
    reseed.seed = scene.seed + 1;
    trainer.apply(reseed);
    const auto reseeded = trainer.snapshot();
    CHECK(reseeded->runs[0].step == 0);
    CHECK(reseeded->runs[0].fake != start->runs[0].fake);

    // One D step moves only D: G's samples stay; one G step then moves them; an iteration counts as a step.
    Command step;
    step.kind = Command::Kind::StepD;
    trainer.apply(step);
    const auto d_only = trainer.snapshot();
    CHECK(d_only->runs[0].fake == reseeded->runs[0].fake);
    CHECK(d_only->runs[0].d_field.values != reseeded->runs[0].d_field.values);
    step.kind = Command::Kind::StepG;
    trainer.apply(step);
    CHECK(trainer.snapshot()->runs[0].fake != d_only->runs[0].fake);
    const int64_t before = trainer.snapshot()->runs[0].step;
    step.kind = Command::Kind::StepIteration;
    step.count = 3;
    trainer.apply(step);
    CHECK(trainer.snapshot()->runs[0].step == before + 3);
}
