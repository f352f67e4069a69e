// trainer_test.cpp — the Trainer facade: determinism, identical starting
// weights, divergence handling, snapshots and the threaded mode.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "snapshot_parts.h"
#include "scene_fixtures.h"
#include "train/gan_run.h"
#include "core/errors.h"
#include "core/metrics.h"
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
        CHECK(coordsOf(sa->runs[r], quantity_names::kFake) == coordsOf(sb->runs[r], quantity_names::kFake));
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

TEST_CASE("a full toy snapshot holds every named quantity, each once and with its size") {
    auto scene = makeScene(ring(), {smallRun(Objective::Wasserstein, Lipschitz::WeightClip), smallRun(Objective::NonSaturating)}, 10);
    TrainerOptions options;
    options.display_samples = 200;
    Trainer trainer(scene, options);
    trainer.advance(10);
    const auto snap = trainer.snapshot();
    CHECK(snap->dim == 2);
    CHECK(snap->view.x0 < -2.0);
    CHECK(snap->view.x1 > 2.0);
    namespace q = quantity_names;
    for (const auto& run : snap->runs) {
        CAPTURE(run.name);
        // Samples and where G is pushed: 200 points of 2D data; the latent codes have latent_dim = 2.
        for (const char* name : {q::kReal, q::kFake, q::kLatent, q::kGeneratorPush}) {
            CAPTURE(name);
            CHECK(part<PointSet>(run, name).dim == 2);
            CHECK(part<PointSet>(run, name).size() == 200);
        }
        for (const char* name : {q::kDiscriminator, q::kOptimalDiscriminator, q::kDataDensity, q::kGeneratorDensity}) {
            CAPTURE(name);
            const FieldGrid& field = part<FieldGrid>(run, name);
            CHECK(field.nx == 64);
            CHECK(field.ny == 64);
            CHECK(field.values.size() == 64 * 64);
        }
        const PointGrid& manifold = part<PointGrid>(run, q::kManifold);
        CHECK(manifold.nu == 24);
        CHECK(manifold.nv == 24);
        CHECK(manifold.dim == 2);
        CHECK(manifold.coords.size() == 24 * 24 * 2);
        CHECK(part<Segments>(run, q::kGpPairs).size() == 64);
        CHECK(part<Segments>(run, q::kGpPairs).from.size() == 128);
        CHECK(part<PointSet>(run, q::kGpInterpolates).coords.size() == 128);
        CHECK(part<ScalarSamples>(run, q::kGpGradNorm).values.size() == 64);
        CHECK(part<Histogram>(run, q::kWeights).counts.size() == 64);
        CHECK(part<Histogram>(run, q::kGpNorms).counts.size() == 64);
        const ModeMarkers& modes = part<ModeMarkers>(run, q::kModes);
        CHECK(modes.dim == 2);
        CHECK(modes.modes.size() == 8);
        CHECK(modes.covered.size() == 8);
        // Each name once: a view finds the one the producer meant.
        for (const Quantity& quantity : run.parts) {
            CAPTURE(quantity.name);
            CHECK(std::count_if(run.parts.begin(), run.parts.end(), [&](const Quantity& o) { return o.name == quantity.name; }) == 1);
        }
        CHECK(run.metrics.size() == 2);
        CHECK(run.metrics.latest().count("js") == 1);
        CHECK(run.metrics.latest().count("modes_covered") == 1);
    }
    // D(G(z)) only for the JS-type run, one score per displayed fake.
    CHECK(findQuantity<ScalarSamples>(snap->runs[0].parts, q::kGeneratorScores) == nullptr);
    CHECK(part<ScalarSamples>(snap->runs[1], q::kGeneratorScores).values.size() == 200);
    CHECK(snap->runs[0].critic);
    CHECK(snap->runs[0].clip == doctest::Approx(0.01));
    CHECK(part<Histogram>(snap->runs[0], q::kWeights).hi == doctest::Approx(0.011));
    CHECK_FALSE(snap->runs[1].critic);
    // D* is a probability where there is mass and undefined (NaN) in the empty corners of the field box.
    size_t defined = 0, undefined = 0;
    for (float v : part<FieldGrid>(snap->runs[1], quantity_names::kOptimalDiscriminator).values) {
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
    CHECK(std::isnan(part<FieldGrid>(snap->runs[1], quantity_names::kOptimalDiscriminator).values[0]));  // the far corner
    // JS-type D is shown as a probability.
    for (float v : part<FieldGrid>(snap->runs[1], quantity_names::kDiscriminator).values) {
        REQUIRE(v >= 0.0f);
        REQUIRE(v <= 1.0f);
    }
}

TEST_CASE("mode markers describe the fakes on screen; metrics-only snapshots keep the last evaluation's verdict") {
    namespace q = quantity_names;
    // Metrics every 10 steps, snapshot after 15: the last evaluation (step 10) judged other samples.
    auto scene = makeScene(ring(2.0, 0.05), {smallRun(Objective::NonSaturating)}, 10);
    TrainerOptions options;
    options.display_samples = 300;
    Trainer trainer(scene, options);
    trainer.advance(15);
    const auto snap = trainer.snapshot();
    const RunSnapshot& run = snap->runs[0];
    const ModeMarkers& markers = part<ModeMarkers>(run, q::kModes);
    const ModeStats drawn = modeStatistics(markers.modes, {}, coordsOf(run, q::kFake), 2);
    REQUIRE(markers.modes.size() == 8);
    CHECK(markers.covered == drawn.covered);
    CHECK(markers.coveredCount() == drawn.modes_covered);
    CHECK(markers.hq_share == doctest::Approx(drawn.hq_share));
    CHECK(std::isfinite(markers.hq_share));
    // Without a picture there are no dots to judge: the markers say what the last metric evaluation said.
    trainer.advance(10);
    const auto metrics_only = trainer.latest();
    const RunSnapshot& numbers = metrics_only->runs[0];
    REQUIRE(numbers.parts.size() == 1);
    const ModeMarkers& verdict = part<ModeMarkers>(numbers, q::kModes);
    CHECK(verdict.coveredCount() == doctest::Approx(numbers.metrics.last("modes_covered")));
    CHECK(verdict.hq_share == doctest::Approx(numbers.metrics.last("hq_share")));
}

TEST_CASE("a 1D toy snapshot: samples of dimension 1, a manifold line, fields one cell high; metrics-only ones keep the modes") {
    namespace q = quantity_names;
    RunSpec run = smallRun(Objective::NonSaturating);
    toyOf(run)->latent_dim = 3;
    TrainerOptions options;
    options.display_samples = 100;
    Trainer trainer(makeScene(gaussian1D(0.0, 1.0), {run}, 10), options);
    const auto snap = trainer.snapshot();
    const RunSnapshot& toy = snap->runs[0];
    for (const char* name : {q::kReal, q::kFake, q::kGeneratorPush}) {
        CAPTURE(name);
        CHECK(part<PointSet>(toy, name).dim == 1);
        CHECK(part<PointSet>(toy, name).size() == 100);
    }
    CHECK(part<PointSet>(toy, q::kLatent).dim == 3);
    CHECK(part<PointSet>(toy, q::kLatent).coords.size() == 300);
    const PointGrid& line = part<PointGrid>(toy, q::kManifold);
    CHECK(line.nv == 1);
    CHECK(line.dim == 1);
    CHECK(line.coords.size() == static_cast<size_t>(line.nu));
    CHECK(part<FieldGrid>(toy, q::kDiscriminator).ny == 1);
    CHECK(part<FieldGrid>(toy, q::kDataDensity).ny == 1);
    CHECK(part<ScalarSamples>(toy, q::kGeneratorScores).values.size() == 100);  // non-saturating: JS-type
    CHECK(part<ModeMarkers>(toy, q::kModes).dim == 1);
    CHECK(part<ModeMarkers>(toy, q::kModes).covered.size() == part<ModeMarkers>(toy, q::kModes).modes.size());
    // Training without snapshots in train publishes metrics-only snapshots: the modes (they carry the
    // dimension for the view registry), no pictures.
    trainer.advance(5);
    const auto metrics_only = trainer.latest();
    REQUIRE(metrics_only->runs.size() == 1);
    const std::vector<Quantity>& parts = metrics_only->runs[0].parts;
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].name == q::kModes);
    CHECK(part<ModeMarkers>(metrics_only->runs[0], q::kModes).dim == 1);
}

TEST_CASE("snapshots of 3+ runs use fewer dots and a coarser D field, unless asked otherwise") {
    auto four = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Hinge),
                                   smallRun(Objective::LeastSquares), smallRun(Objective::Minimax)}, 10);
    TrainerOptions by_count;
    by_count.display_samples = 0;  // what the GUI and the recorder use
    const auto small_panels = Trainer(four, by_count).snapshot();
    for (const auto& run : small_panels->runs) {
        CHECK(coordsOf(run, quantity_names::kFake).size() == 512 * 2);
        CHECK(part<FieldGrid>(run, quantity_names::kDiscriminator).nx == 48);
        CHECK(part<FieldGrid>(run, quantity_names::kDiscriminator).ny == 48);
        CHECK(part<FieldGrid>(run, quantity_names::kOptimalDiscriminator).values.size() == 48 * 48);
        CHECK(part<FieldGrid>(run, quantity_names::kGeneratorDensity).values.size() == 48 * 48);
    }
    TrainerOptions explicit_grid = by_count;
    explicit_grid.field_resolution = 80;
    CHECK(part<FieldGrid>(Trainer(four, explicit_grid).snapshot()->runs[0], quantity_names::kDiscriminator).nx == 80);
    auto two = four;
    two.runs.resize(2);
    const auto big_panels = Trainer(two, by_count).snapshot();
    CHECK(coordsOf(big_panels->runs[0], quantity_names::kFake).size() == 1024 * 2);
    CHECK(part<FieldGrid>(big_panels->runs[0], quantity_names::kDiscriminator).nx == 64);
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
    toyOf(edited)->d_opt.lr = 5e-4;
    toyOf(edited)->objective = Objective::Hinge;
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
    CHECK(part<ModeMarkers>(stepped->runs[1], quantity_names::kModes).modes.front().x == doctest::Approx(1.5).epsilon(0.01));
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
    CHECK(findQuantity<PointSet>(trainer.snapshot()->runs[0].parts, quantity_names::kReal) == nullptr);  // no samples to show
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
    CHECK(part<ModeMarkers>(snap->runs[0], quantity_names::kModes).modes.size() == 2);
    // Weights were kept across the data switch: the generator's manifold did not jump back to its start.
    CHECK(part<PointGrid>(snap->runs[0], quantity_names::kManifold).coords.size() == part<PointGrid>(before->runs[0], quantity_names::kManifold).coords.size());
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
    CHECK(part<ModeMarkers>(snap->runs[0], quantity_names::kModes).modes.size() == 2);
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
    CHECK(part<PointGrid>(trained->runs[0], quantity_names::kManifold).coords != part<PointGrid>(initial->runs[0], quantity_names::kManifold).coords);

    Command edit;
    edit.kind = Command::Kind::SetRun;
    edit.run = 0;
    edit.run_spec = spec;
    toyOf(edit.run_spec)->g_opt.lr = 1e-4;
    toyOf(edit.run_spec)->d_opt.kind = OptimizerKind::RMSprop;
    toyOf(edit.run_spec)->lipschitz = Lipschitz::SpectralNorm;
    trainer.apply(edit);
    const auto kept = trainer.snapshot();
    CHECK(part<PointGrid>(kept->runs[0], quantity_names::kManifold).coords == part<PointGrid>(trained->runs[0], quantity_names::kManifold).coords);  // G untouched
    CHECK(kept->runs[0].lipschitz == "sn");
    trainer.advance(2);
    CHECK(trainer.snapshot()->runs[0].status == RunStatus::Running);

    toyOf(edit.run_spec)->g_net.hidden = {16, 16};
    trainer.apply(edit);
    const auto rebuilt = trainer.snapshot();
    CHECK(part<PointGrid>(rebuilt->runs[0], quantity_names::kManifold).coords != part<PointGrid>(trained->runs[0], quantity_names::kManifold).coords);
    CHECK(rebuilt->runs[0].step == 12);  // the run's clock keeps going
}

TEST_CASE("Reset replays the same run from the same seed; Reseed starts a different one; single steps count") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating)}, 10);
    Trainer trainer(scene);
    const auto start = trainer.snapshot();
    trainer.advance(20);
    const auto after20 = trainer.snapshot();
    CHECK(coordsOf(after20->runs[0], quantity_names::kFake) != coordsOf(start->runs[0], quantity_names::kFake));

    Command reset;
    reset.kind = Command::Kind::Reset;
    trainer.apply(reset);
    const auto again = trainer.snapshot();
    CHECK(again->runs[0].step == 0);
    CHECK(coordsOf(again->runs[0], quantity_names::kFake) == coordsOf(start->runs[0], quantity_names::kFake));   // same initial weights, same display latents
    trainer.advance(20);
    CHECK(coordsOf(trainer.snapshot()->runs[0], quantity_names::kFake) == coordsOf(after20->runs[0], quantity_names::kFake));  // and the same training path

    Command reseed;
    reseed.kind = Command::Kind::Reseed;
    reseed.seed = scene.seed + 1;
    trainer.apply(reseed);
    const auto reseeded = trainer.snapshot();
    CHECK(reseeded->runs[0].step == 0);
    CHECK(coordsOf(reseeded->runs[0], quantity_names::kFake) != coordsOf(start->runs[0], quantity_names::kFake));

    // One D step moves only D: G's samples stay; one G step then moves them; an iteration counts as a step.
    Command step;
    step.kind = Command::Kind::StepD;
    trainer.apply(step);
    const auto d_only = trainer.snapshot();
    CHECK(coordsOf(d_only->runs[0], quantity_names::kFake) == coordsOf(reseeded->runs[0], quantity_names::kFake));
    CHECK(part<FieldGrid>(d_only->runs[0], quantity_names::kDiscriminator).values != part<FieldGrid>(reseeded->runs[0], quantity_names::kDiscriminator).values);
    step.kind = Command::Kind::StepG;
    trainer.apply(step);
    CHECK(coordsOf(trainer.snapshot()->runs[0], quantity_names::kFake) != coordsOf(d_only->runs[0], quantity_names::kFake));
    const int64_t before = trainer.snapshot()->runs[0].step;
    step.kind = Command::Kind::StepIteration;
    step.count = 3;
    trainer.apply(step);
    CHECK(trainer.snapshot()->runs[0].step == before + 3);
}
