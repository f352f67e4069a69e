// conditional_image_gan_test.cpp — the class-conditional image GAN (lecture
// section 8): G(z, y) and the projection D(x, y) have the right shapes and
// depend on y, every regularizer still trains (the GP critic carries the
// labels), wrong labels of mismatched pairs are other classes, the grid has
// one row per class with the same z down each column, a checkpoint repeats a
// conditional run with mismatched pairs bit for bit, and a short seeded run
// on three classes lifts label_agreement far above chance (judged by the
// quick classifier of classifier_fixture.h).
#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <doctest/doctest.h>

#include "classifier_fixture.h"
#include "core/objective_table.h"
#include "core/quantity.h"
#include "train/image_gan_run.h"
#include "train/label_agreement.h"
#include "train/metric_evaluator.h"
#include "train/snapshot_builder.h"
#include "module_state.h"

using namespace ganarium;
using ganarium::test::flatState;

namespace {

// A small conditional run on trousers, sneakers and bags.
RunSpec conditionalRun(Lipschitz lipschitz = Lipschitz::None, bool mismatched = false) {
    RunSpec spec;
    ImageGanSpec& image = spec.options.emplace<ImageGanSpec>();
    image.conditional = true;
    image.mismatched_pairs = mismatched;
    image.lipschitz = lipschitz;
    image.width = 4;
    image.latent_dim = 8;
    image.batch = 8;
    image.classes = {1, 7, 8};
    image.subset = 600;
    return spec;
}

std::shared_ptr<const ImageDataset> threeClasses(int subset) {
    return std::make_shared<const ImageDataset>(loadImageDataset({1, 7, 8}, subset, /*train=*/false));
}

}  // namespace

TEST_CASE("conditional G and D: shapes, and both depend on the label") {
    DcganOptions shape;
    shape.width = 4;
    shape.latent_dim = 8;
    shape.conditional = true;
    for (bool sn : {false, true}) {
        shape.spectral_norm = sn;
        CAPTURE(sn);
        DcganGenerator g(shape);
        DcganDiscriminator d(shape);
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(3);
        g->initialize(gen);
        d->initialize(gen);
        torch::NoGradGuard no_grad;
        const torch::Tensor z = torch::randn({5, 8}, gen);
        const torch::Tensor y = torch::tensor(std::vector<int64_t>{0, 1, 7, 8, 9}, torch::kLong);
        const torch::Tensor x = g->sample(z, y);
        CHECK(x.sizes() == torch::IntArrayRef({5, 1, 28, 28}));
        CHECK(x.abs().max().item<double>() <= 1.0);
        const torch::Tensor scores = d->forward(x, y);
        CHECK(scores.sizes() == torch::IntArrayRef({5, 1}));
        const torch::Tensor other = (y + 1).remainder(kLabelCount);
        CHECK((g->sample(z, other) - x).abs().mean().item<double>() > 1e-4);
        CHECK((d->forward(x, other) - scores).abs().max().item<double>() > 1e-6);
        CHECK(d->spectralVectors().size() == (sn ? 2u * 4u : 0u));  // 2 convs, the head and the class embedding V
        CHECK_THROWS(d->forward(x));  // a conditional D without labels is an error, not a silent unconditional score
    }
}

TEST_CASE("conditional runs train every objective and regularizer without NaN; mismatched labels are other classes") {
    const auto images = threeClasses(300);
    torch::manual_seed(0);
    for (const ObjectiveInfo& row : objectiveTable()) {
        for (Lipschitz lipschitz : {Lipschitz::None, Lipschitz::WeightClip, Lipschitz::GradientPenalty, Lipschitz::SpectralNorm}) {
            RunSpec spec = conditionalRun(lipschitz, /*mismatched=*/true);
            imageOf(spec)->objective = row.id;
            imageOf(spec)->r1_gamma = lipschitz == Lipschitz::None ? 1.0 : 0.0;
            CAPTURE(runLabel(spec));
            ImageGanRun run(spec, 5, images);
            for (int i = 0; i < 2; ++i) run.iterate(nullptr);
            CHECK(run.status() == RunStatus::Running);
            CHECK(run.checkState());
            run.evaluate(MetricContext{});
            const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, false);
            CHECK(std::isfinite(snapshot.metrics.last("loss_d")));
            CHECK(std::isfinite(snapshot.metrics.last("d_score_fake")));
        }
    }
}

TEST_CASE("a conditional grid has one row per class, the same z down each column, real rows of their class") {
    const auto images = threeClasses(300);
    ImageGanRun run(conditionalRun(), 4, images);
    CHECK(run.gridRowClasses() == std::vector<int>{1, 7, 8});
    const RunSnapshot snapshot = run.snapshot(SnapshotContext{}, true);
    const ImageGrid* samples = findQuantity<ImageGrid>(snapshot.parts, quantity_names::kImageSamples);
    const ImageGrid* real = findQuantity<ImageGrid>(snapshot.parts, quantity_names::kImageReal);
    REQUIRE(samples != nullptr);
    REQUIRE(real != nullptr);
    CHECK(samples->rows == 3);
    CHECK(samples->cols == kImageGridSide);
    CHECK(samples->row_classes == std::vector<int>{1, 7, 8});
    CHECK(samples->pixels.size() == 3u * 8u * 28u * 28u);
    CHECK(real->row_classes == samples->row_classes);
    CHECK(real->pixels.size() == samples->pixels.size());
    // Same z down each column: with G's class codes zeroed, the rows are identical.
    torch::NoGradGuard no_grad;
    for (auto& p : run.generator()->named_parameters())
        if (p.key().find("label_embedding") != std::string::npos) p.value().zero_();
    const torch::Tensor fixed = run.fixedSamples();
    REQUIRE(fixed.size(0) == 24);
    CHECK(torch::allclose(fixed.slice(0, 0, 8), fixed.slice(0, 8, 16), 1e-5, 1e-6));
    CHECK(torch::allclose(fixed.slice(0, 0, 8), fixed.slice(0, 16, 24), 1e-5, 1e-6));
    CHECK_FALSE(torch::allclose(fixed[0], fixed[1], 1e-3, 1e-3));  // columns differ
    // The real grid's row r holds images of class r: trousers (row 0) are tall and narrow, bags (row 2) wide.
    auto inkWidth = [&](int row) {
        const size_t tile = 28 * 28;
        double width = 0;
        for (int c = 0; c < 8; ++c) {
            const float* px = real->pixels.data() + (static_cast<size_t>(row) * 8 + c) * tile;
            int lo = 28, hi = -1;
            for (int y = 0; y < 28; ++y)
                for (int x = 0; x < 28; ++x)
                    if (px[y * 28 + x] > 0.3f) lo = std::min(lo, x), hi = std::max(hi, x);
            width += hi - lo;
        }
        return width / 8;
    };
    CHECK(inkWidth(0) < inkWidth(2));
}

TEST_CASE("mismatched pairs: wrong labels are uniform over the other classes") {
    const auto images = threeClasses(300);
    ImageGanRun run(conditionalRun(Lipschitz::None, true), 4, images);
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(2);
    torch::Tensor labels;
    run.sampleReal(3000, gen, &labels);
    CHECK(((labels == 1) | (labels == 7) | (labels == 8)).all().item<bool>());
    torch::Tensor generated;
    run.generate(600, gen, &generated);
    for (int64_t c : {1, 7, 8}) CHECK(generated.eq(c).sum().item<int64_t>() > 150);  // about 200 each
}

TEST_CASE("a conditional run with mismatched pairs restored from a checkpoint repeats the same steps bit for bit") {
    const auto images = threeClasses(300);
    for (Lipschitz lipschitz : {Lipschitz::None, Lipschitz::GradientPenalty, Lipschitz::SpectralNorm}) {
        CAPTURE(static_cast<int>(lipschitz));
        ImageGanRun run(conditionalRun(lipschitz, true), 7, images);
        for (int i = 0; i < 3; ++i) run.iterate(nullptr);
        const auto checkpoint = run.checkpoint();
        for (int i = 0; i < 3; ++i) run.iterate(nullptr);
        const torch::Tensor g_first = flatState(*run.generator()), d_first = flatState(*run.critic());
        CHECK(run.restore(*checkpoint) == "");
        for (int i = 0; i < 3; ++i) run.iterate(nullptr);
        CHECK(torch::equal(flatState(*run.generator()), g_first));
        CHECK(torch::equal(flatState(*run.critic()), d_first));
    }
}

TEST_CASE("a conditional run and the same with mismatched pairs draw the same z and labels (only D's negatives differ)") {
    const auto images = threeClasses(300);
    ImageGanRun plain(conditionalRun(), 3, images);
    ImageGanRun mismatched(conditionalRun(Lipschitz::None, true), 3, images);
    CHECK(torch::equal(flatState(*plain.generator()), flatState(*mismatched.generator())));
    CHECK(torch::equal(flatState(*plain.critic()), flatState(*mismatched.critic())));
    // An unconditional D of the same seed shares every weight but the class embedding V (registered last).
    RunSpec unconditional = conditionalRun();
    imageOf(unconditional)->conditional = false;
    ImageGanRun base(unconditional, 3, images);
    const auto conditional_d = plain.critic()->parameters(), base_d = base.critic()->parameters();
    REQUIRE(conditional_d.size() == base_d.size() + 1);
    for (size_t i = 0; i < base_d.size(); ++i) CHECK(torch::equal(conditional_d[i], base_d[i]));
}

TEST_CASE("a short seeded conditional run lifts label_agreement far above chance") {
    test::QuickClassifier& q = test::quickClassifier();
    const auto images = threeClasses(3000);
    // Hinge + SN with a projection D at Adam 1e-3 (0, 0.9): measured over seeds 11-13, at least 0.92 from step 700.
    RunSpec spec = conditionalRun(Lipschitz::SpectralNorm);
    ImageGanSpec& o = *imageOf(spec);
    o.objective = Objective::Hinge;
    o.width = 8;
    o.latent_dim = 16;
    o.batch = 32;
    o.subset = 3000;
    o.g_opt.lr = o.d_opt.lr = 1e-3;
    o.g_opt.beta1 = o.d_opt.beta1 = 0.0;
    o.g_opt.beta2 = o.d_opt.beta2 = 0.9;
    ImageGanRun run(spec, 11, images);
    auto agreement = [&]() {
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(21);
        torch::Tensor labels;
        const torch::Tensor fake = run.generate(600, gen, &labels);
        return labelAgreement(q.model, fake, labels);
    };
    const double before = agreement();
    for (int i = 0; i < 800; ++i) run.iterate(nullptr);
    const double after = agreement();
    MESSAGE("label_agreement over 3 classes (chance 1/3): step 0 " << before << ", step 800 " << after);
    CHECK(run.status() == RunStatus::Running);
    CHECK(before < 0.7);
    CHECK(after > 0.85);
    CHECK(after > before + 0.3);
}
