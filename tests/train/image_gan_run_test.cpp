// image_gan_run_test.cpp — the image GAN run kind on a small slice of
// Fashion-MNIST: every objective and regularizer steps without NaN, a short
// seeded run moves D's scores apart and changes the grid, two runs of one
// scene start equal and see the same batches, a restored checkpoint repeats
// the same steps bit for bit, and the snapshot holds the 8x8 grids.
#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <numeric>

#include "core/objective_table.h"
#include "core/quantity.h"
#include "tiny_image_run.h"
#include "train/image_gan_run.h"
#include "train/metric_evaluator.h"
#include "train/snapshot_builder.h"
#include "module_state.h"

using namespace ganarium;
using ganarium::test::flatState;
using ganarium::test::tinyImages;
using ganarium::test::tinyImageSpec;

namespace {

// A tiny image run (narrow nets, small batch) on two classes.
RunSpec tinyImageRun(Objective objective, Lipschitz lipschitz = Lipschitz::None, double r1 = 0.0) {
    RunSpec spec = tinyImageSpec();
    ImageGanSpec& image = std::get<ImageGanSpec>(spec.options);
    image.objective = objective;
    image.lipschitz = lipschitz;
    image.r1_gamma = r1;
    return spec;
}


const ImageGrid* gridOf(const RunSnapshot& snapshot, const char* name) {
    return findQuantity<ImageGrid>(snapshot.parts, name);
}

}  // namespace

TEST_CASE("a spectrally normalised critic gives sane scores before its first step (sigma estimated at construction)") {
    ImageGanRun run(tinyImageRun(Objective::Hinge, Lipschitz::SpectralNorm), 5, tinyImages());
    run.evaluate(MetricContext{});  // step 0, as the trainer does on construction
    const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, false);
    MESSAGE("step-0 scores: real " << snapshot.metrics.last("d_score_real") << ", fake "
                                   << snapshot.metrics.last("d_score_fake"));
    CHECK(std::fabs(snapshot.metrics.last("d_score_real")) < 10.0);  // random u, v alone gave about 1e6
    CHECK(std::fabs(snapshot.metrics.last("d_score_fake")) < 10.0);
}

TEST_CASE("every objective and regularizer trains a step on images without NaN") {
    const auto images = tinyImages();
    torch::manual_seed(0);
    for (const ObjectiveInfo& row : objectiveTable()) {
        for (Lipschitz lipschitz : {Lipschitz::None, Lipschitz::WeightClip, Lipschitz::GradientPenalty, Lipschitz::SpectralNorm}) {
            const RunSpec spec = tinyImageRun(row.id, lipschitz, lipschitz == Lipschitz::None ? 1.0 : 0.0);
            CAPTURE(runLabel(spec));
            ImageGanRun run(spec, 5, images);
            for (int i = 0; i < 2; ++i) run.iterate(nullptr);
            CHECK(run.status() == RunStatus::Running);
            CHECK(run.step() == 2);
            CHECK(run.checkState());
            run.evaluate(MetricContext{});
            const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, false);
            CHECK(std::isfinite(snapshot.metrics.last("loss_d")));
            CHECK(std::isfinite(snapshot.metrics.last("loss_g")));
            CHECK(std::isfinite(snapshot.metrics.last("d_score_fake")));
            if (lipschitz == Lipschitz::WeightClip) {
                for (const auto& p : run.critic()->parameters()) CHECK(p.abs().max().item<double>() <= 0.01 + 1e-7);
            }
        }
    }
}

TEST_CASE("a NaN in D pauses the run as diverged with the reason") {
    const auto images = tinyImages();
    ImageGanRun run(tinyImageRun(Objective::NonSaturating), 5, images);
    run.injectNaN();
    run.iterate(nullptr);
    CHECK(run.status() == RunStatus::Diverged);
    CHECK(run.statusReason().find("NaN") != std::string::npos);
    CHECK(run.step() == 0);
    run.resume();
    CHECK_FALSE(run.checkState());
    run.reinitialize();
    CHECK(run.checkState());
}

TEST_CASE("a short seeded image run separates D's scores and changes the sample grid") {
    const auto images = tinyImages();
    RunSpec spec = tinyImageRun(Objective::NonSaturating);
    imageOf(spec)->width = 8;
    imageOf(spec)->batch = 32;
    ImageGanRun run(spec, 11, images);
    const RunSnapshot before = run.snapshot(SnapshotContext{}, true);
    const ImageGrid* grid0 = gridOf(before, quantity_names::kImageSamples);
    REQUIRE(grid0 != nullptr);
    CHECK(grid0->rows == 8);
    CHECK(grid0->cols == 8);
    CHECK(grid0->side == 28);
    CHECK(grid0->pixels.size() == 64u * 28u * 28u);
    const ImageGrid* real = gridOf(before, quantity_names::kImageReal);
    REQUIRE(real != nullptr);
    CHECK(real->pixels.size() == 64u * 28u * 28u);
    CHECK(*std::max_element(real->pixels.begin(), real->pixels.end()) > 0.9f);  // real images have ink
    const Histogram* scores = findQuantity<Histogram>(before.parts, quantity_names::kScoresFake);
    REQUIRE(scores != nullptr);
    CHECK(scores->counts.size() == static_cast<size_t>(kImageScoreBins));
    CHECK(std::accumulate(scores->counts.begin(), scores->counts.end(), 0.0) == kImageScoreSamples);
    CHECK(scores->lo == 0.0);
    CHECK(scores->hi == 1.0);
    REQUIRE(findQuantity<Histogram>(before.parts, quantity_names::kScoresReal) != nullptr);
    const Histogram* weights = findQuantity<Histogram>(before.parts, quantity_names::kWeights);
    REQUIRE(weights != nullptr);
    CHECK(std::accumulate(weights->counts.begin(), weights->counts.end(), 0.0) ==
          static_cast<double>(flatState(*run.critic()).numel()));  // D has no buffers: every weight counted once

    for (int i = 0; i < 40; ++i) run.iterate(nullptr);
    run.evaluate(MetricContext{});
    const RunSnapshot after = run.snapshot(SnapshotContext{}, true);
    const ImageGrid* grid1 = gridOf(after, quantity_names::kImageSamples);
    REQUIRE(grid1 != nullptr);
    double change = 0;
    for (size_t i = 0; i < grid1->pixels.size(); ++i) change += std::fabs(grid1->pixels[i] - grid0->pixels[i]);
    CHECK(change / static_cast<double>(grid1->pixels.size()) > 0.02);
    CHECK(after.metrics.last("d_score_real") > after.metrics.last("d_score_fake"));
    CHECK(after.metrics.last("loss_d") < std::log(4.0));  // D beats chance on average over the 40 steps
    CHECK(after.metrics.last("g_grad_norm") > 0);
}

TEST_CASE("image runs of one scene start from the same weights and see the same batches") {
    const auto images = tinyImages();
    ImageGanRun a(tinyImageRun(Objective::NonSaturating), 3, images);
    ImageGanRun b(tinyImageRun(Objective::Hinge), 3, images);
    CHECK(torch::equal(flatState(*a.generator()), flatState(*b.generator())));
    CHECK(torch::equal(flatState(*a.critic()), flatState(*b.critic())));
    at::Generator ga = at::make_generator<at::CPUGeneratorImpl>(9), gb = at::make_generator<at::CPUGeneratorImpl>(9);
    CHECK(torch::equal(a.sampleReal(16, ga), b.sampleReal(16, gb)));
    ImageGanRun c(tinyImageRun(Objective::NonSaturating), 4, images);  // another seed
    CHECK_FALSE(torch::equal(flatState(*a.generator()), flatState(*c.generator())));
    a.iterate(nullptr);
    ImageGanRun a2(tinyImageRun(Objective::NonSaturating), 3, images);
    a2.iterate(nullptr);
    CHECK(torch::equal(flatState(*a.generator()), flatState(*a2.generator())));
}

TEST_CASE("an image run restored from a checkpoint repeats the same steps bit for bit") {
    const auto images = tinyImages();
    for (const RunSpec& spec : {tinyImageRun(Objective::NonSaturating), tinyImageRun(Objective::Wasserstein, Lipschitz::GradientPenalty),
                                tinyImageRun(Objective::Hinge, Lipschitz::SpectralNorm)}) {
        CAPTURE(runLabel(spec));
        ImageGanRun run(spec, 7, images);
        for (int i = 0; i < 3; ++i) run.iterate(nullptr);
        run.evaluate(MetricContext{});
        const auto checkpoint = run.checkpoint();
        CHECK(checkpoint->step == 3);
        CHECK(checkpoint->metric_count == 1);
        CHECK(checkpoint->bytes > 0);
        for (int i = 0; i < 3; ++i) run.iterate(nullptr);
        run.evaluate(MetricContext{});
        const torch::Tensor g_first = flatState(*run.generator()), d_first = flatState(*run.critic());
        const RunSnapshot first = run.snapshot(SnapshotContext{}, false);
        const double loss_first = first.metrics.last("loss_d");

        CHECK(run.restore(*checkpoint) == "");
        CHECK(run.step() == 3);
        CHECK(run.snapshot(SnapshotContext{}, false).metrics.size() == 1);
        for (int i = 0; i < 3; ++i) run.iterate(nullptr);
        run.evaluate(MetricContext{});
        CHECK(torch::equal(flatState(*run.generator()), g_first));
        CHECK(torch::equal(flatState(*run.critic()), d_first));
        const RunSnapshot second = run.snapshot(SnapshotContext{}, false);
        CHECK(second.metrics.size() == 2);
        CHECK(second.metrics.last("loss_d") == loss_first);
    }
}

TEST_CASE("a checkpoint of another architecture is refused") {
    const auto images = tinyImages();
    ImageGanRun run(tinyImageRun(Objective::NonSaturating), 7, images);
    const auto checkpoint = run.checkpoint();
    RunSpec wider = tinyImageRun(Objective::NonSaturating);
    imageOf(wider)->width = 6;
    run.applySpec(wider);
    CHECK(run.restore(*checkpoint).find("architecture changed") != std::string::npos);
}
