// image_gan_run.cpp — stepping an image GAN, its metrics and its snapshot.
#include "train/image_gan_run.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/errors.h"
#include "core/snapshot_header.h"
#include "train/image_evaluator.h"
#include "train/image_remedies.h"
#include "train/metric_evaluator.h"
#include "train/objectives.h"
#include "train/regularizers.h"
#include "train/seeds.h"
#include "train/snapshot_builder.h"
#include "train/toy_remedies.h"

namespace ganarium {

namespace {

at::Generator makeGenerator(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }

// Adam with the spec's learning rate and betas.
std::unique_ptr<torch::optim::Adam> makeAdam(const std::vector<torch::Tensor>& parameters, const OptimSpec& spec) {
    return std::make_unique<torch::optim::Adam>(
        parameters, torch::optim::AdamOptions(spec.lr).betas(std::make_tuple(spec.beta1, spec.beta2)));
}

// Sets the learning rate and betas of every group of `adam`.
void setAdamOptions(torch::optim::Adam& adam, const OptimSpec& spec) {
    for (auto& group : adam.param_groups()) {
        auto& options = static_cast<torch::optim::AdamOptions&>(group.options());
        options.lr(spec.lr).betas(std::make_tuple(spec.beta1, spec.beta2));
    }
}

// Images n x 1 x 28 x 28 in [-1, 1] -> an ImageGrid of brightness in [0, 1] (ink bright), kImageGridSide columns;
// `row_classes` labels the rows of a conditional run's grid (empty: an 8x8 grid without labels).
ImageGrid toImageGrid(const torch::Tensor& images, const std::vector<int>& row_classes = {}) {
    ImageGrid grid;
    grid.cols = kImageGridSide;
    grid.rows = row_classes.empty() ? kImageGridSide : static_cast<int>(row_classes.size());
    grid.row_classes = row_classes;
    grid.side = kImageSide;
    const torch::Tensor t = ((images.detach().to(torch::kFloat32) + 1.0) * 0.5).clamp(0.0, 1.0).contiguous();
    grid.pixels.assign(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
    return grid;
}

// Counts of `scores` in kImageScoreBins equal bins over [lo, hi] (values outside fall in the end bins).
Histogram scoreHistogram(const torch::Tensor& scores, double lo, double hi) {
    Histogram out{lo, hi, std::vector<float>(kImageScoreBins, 0.0f)};
    const torch::Tensor c = scores.detach().to(torch::kFloat64).reshape({-1}).contiguous();
    const double* v = c.data_ptr<double>();
    for (int64_t i = 0; i < c.numel(); ++i) {
        if (!std::isfinite(v[i])) continue;
        const int bin = static_cast<int>(std::floor((v[i] - lo) / (hi - lo) * kImageScoreBins));
        out.counts[static_cast<size_t>(std::clamp(bin, 0, kImageScoreBins - 1))] += 1.0f;
    }
    return out;
}

bool sameArchitecture(const ImageGanSpec& a, const ImageGanSpec& b) {
    return dcganOptionsOf(a).latent_dim == dcganOptionsOf(b).latent_dim && a.width == b.width && a.depth == b.depth &&
           a.batch_norm == b.batch_norm && a.upsample == b.upsample && a.conditional == b.conditional &&
           (a.lipschitz == Lipschitz::SpectralNorm) == (b.lipschitz == Lipschitz::SpectralNorm) && a.pack == b.pack &&
           a.minibatch_stddev == b.minibatch_stddev;
}

}  // namespace

ImageGanRun::ImageGanRun(const RunSpec& spec, uint64_t seed)
    : ImageGanRun(spec, seed,
                  std::make_shared<const ImageDataset>(loadImageDataset(std::get<ImageGanSpec>(spec.options).classes,
                                                                        std::get<ImageGanSpec>(spec.options).subset))) {}

ImageGanRun::ImageGanRun(const RunSpec& spec, uint64_t seed, std::shared_ptr<const ImageDataset> dataset)
    : spec_(spec),
      seed_(seed),
      data_gen_(makeGenerator(deriveSeed(seed, SeedStream::Data))),
      latent_gen_(makeGenerator(deriveSeed(seed, SeedStream::Latent))),
      penalty_gen_(makeGenerator(deriveSeed(seed, SeedStream::Penalty))),
      label_gen_(makeGenerator(deriveSeed(seed, SeedStream::Labels))),
      mismatch_gen_(makeGenerator(deriveSeed(seed, SeedStream::Mismatch))) {
    useDataset(std::move(dataset));
    reinitialize();
}

void ImageGanRun::useDataset(std::shared_ptr<const ImageDataset> dataset) {
    dataset_ = std::move(dataset);
    images_ = torch::from_blob(const_cast<uint8_t*>(dataset_->pixels.data()),
                               {dataset_->count, 1, dataset_->rows, dataset_->cols}, torch::kUInt8);
    labels_ = torch::tensor(std::vector<int64_t>(dataset_->labels.begin(), dataset_->labels.end()), torch::kLong);
    std::vector<int64_t> ids(options().classes.begin(), options().classes.end());
    if (ids.empty())
        for (int64_t c = 0; c < kLabelCount; ++c) ids.push_back(c);
    class_ids_ = torch::tensor(ids, torch::kLong);
    data_class_mix_ = Histogram{0, 10, std::vector<float>(10, 0.0f)};
    for (uint8_t label : dataset_->labels)
        if (label < 10) data_class_mix_.counts[label] += 100.0f / static_cast<float>(dataset_->labels.size());
}

void ImageGanRun::buildNetworks() {
    const DcganOptions shape = dcganOptionsOf(options());
    g_ = DcganGenerator(shape);
    d_ = DcganDiscriminator(shape);
    at::Generator g_init = makeGenerator(deriveSeed(seed_, SeedStream::GeneratorInit));
    at::Generator d_init = makeGenerator(deriveSeed(seed_, SeedStream::CriticInit));
    g_->initialize(g_init);
    d_->initialize(d_init);
    g_opt_ = makeAdam(g_->parameters(), options().g_opt);
    d_opt_ = makeAdam(d_->parameters(), options().d_opt);
    at::Generator display = makeGenerator(deriveSeed(seed_, SeedStream::Display));
    fixed_z_ = torch::randn({kImageGridSide * kImageGridSide, options().latent_dim}, display);
}

void ImageGanRun::reinitialize() {
    buildNetworks();
    data_gen_ = makeGenerator(deriveSeed(seed_, SeedStream::Data));
    latent_gen_ = makeGenerator(deriveSeed(seed_, SeedStream::Latent));
    penalty_gen_ = makeGenerator(deriveSeed(seed_, SeedStream::Penalty));
    label_gen_ = makeGenerator(deriveSeed(seed_, SeedStream::Labels));
    mismatch_gen_ = makeGenerator(deriveSeed(seed_, SeedStream::Mismatch));
    step_ = 0;
    loss_d_sum_ = loss_g_sum_ = g_grad_sum_ = 0;
    loss_d_count_ = loss_g_count_ = 0;
    metrics_ = std::make_shared<MetricLog>();
    group_checked_ = false;
    heavy_step_ = -1;
}

torch::Tensor ImageGanRun::sampleReal(int64_t n, at::Generator& gen, torch::Tensor* labels) const {
    const torch::Tensor index = torch::randint(dataset_->count, {n}, gen, torch::kLong);
    if (labels) *labels = labels_.index_select(0, index);
    return images_.index_select(0, index).to(torch::kFloat32).mul_(2.0 / 255.0).sub_(1.0);
}

torch::Tensor ImageGanRun::drawLabels(int64_t n, at::Generator& gen) const {
    return class_ids_.index_select(0, torch::randint(class_ids_.size(0), {n}, gen, torch::kLong));
}

torch::Tensor ImageGanRun::wrongLabels(const torch::Tensor& labels, at::Generator& gen) const {
    const int64_t k = class_ids_.size(0);
    // Each label's position among the classes, shifted by 1..k-1 places: uniform over the other classes.
    const torch::Tensor position = (labels.unsqueeze(1) == class_ids_.unsqueeze(0)).to(torch::kLong).argmax(1);
    const torch::Tensor shift = torch::randint(1, std::max<int64_t>(k, 2), {labels.size(0)}, gen, torch::kLong);
    return class_ids_.index_select(0, (position + shift).remainder(k));
}

torch::Tensor ImageGanRun::generate(int64_t n, at::Generator& gen, torch::Tensor* labels) {
    torch::NoGradGuard no_grad;
    const torch::Tensor z = torch::randn({n, options().latent_dim}, gen);
    if (!options().conditional) return g_->sample(z);
    const torch::Tensor y = drawLabels(n, gen);
    if (labels) *labels = y;
    return g_->sample(z, y);
}

std::vector<int> ImageGanRun::gridRowClasses() const {
    if (!options().conditional) return {};
    const torch::Tensor ids = class_ids_.contiguous();
    return std::vector<int>(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + ids.numel());
}

int ImageGanRun::gridRows() const {
    return options().conditional ? static_cast<int>(class_ids_.size(0)) : kImageGridSide;
}

std::pair<torch::Tensor, torch::Tensor> ImageGanRun::fixedGridInputs() const {
    if (!options().conditional) return {fixed_z_, torch::Tensor()};
    // One row per class, the same z in each column: only the label changes down a column.
    const int64_t rows = class_ids_.size(0);
    return {fixed_z_.slice(0, 0, kImageGridSide).repeat({rows, 1}), class_ids_.repeat_interleave(kImageGridSide)};
}

torch::Tensor ImageGanRun::fixedSamples() {
    torch::NoGradGuard no_grad;
    const auto [z, y] = fixedGridInputs();
    return g_->sample(z, y);
}

torch::Tensor ImageGanRun::realGridImages(at::Generator& gen) const {
    if (!options().conditional) return sampleReal(kImageGridSide * kImageGridSide, gen);
    std::vector<torch::Tensor> rows;
    for (int64_t r = 0; r < class_ids_.size(0); ++r) {
        const torch::Tensor of_class = labels_.eq(class_ids_[r]).nonzero().flatten();
        if (of_class.numel() == 0) {  // a subset may hold no image of a class: a blank row
            rows.push_back(torch::full({kImageGridSide, 1, kImageSide, kImageSide}, -1.0f));
            continue;
        }
        const torch::Tensor pick = of_class.index_select(0, torch::randint(of_class.numel(), {kImageGridSide}, gen, torch::kLong));
        rows.push_back(images_.index_select(0, pick).to(torch::kFloat32).mul_(2.0 / 255.0).sub_(1.0));
    }
    return torch::cat(rows, 0);
}

bool ImageGanRun::checkLoss(const torch::Tensor& loss, const char* which) {
    if (std::isfinite(loss.item<double>())) return true;
    fail(std::string("NaN/Inf in the ") + which + " loss at step " + std::to_string(step_));
    return false;
}

BatchShard ImageGanRun::shard() const {
    const int64_t batch = options().batch;
    return group_ ? batchShard(batch, group_->rank(), group_->worldSize()) : BatchShard{0, batch};
}

void ImageGanRun::joinGroup(std::shared_ptr<DistributedGroup> group) {
    if (group) batchShard(options().batch, group->rank(), group->worldSize());  // refuses a batch that does not split
    group_ = std::move(group);
    group_checked_ = false;
}

void ImageGanRun::checkSameStateOnRanks() {
    std::vector<torch::Tensor> state = g_->parameters();
    for (const auto& p : d_->parameters()) state.push_back(p);
    for (at::Generator* gen : {&data_gen_, &latent_gen_, &penalty_gen_, &label_gen_, &mismatch_gen_})
        state.push_back(gen->get_state().to(torch::kFloat64));
    checkSameOnAllRanks(*group_, {static_cast<double>(step_), tensorFingerprint(state)},
                        "state of run '" + spec_.name + "' (step, weights, random streams)");
    group_checked_ = true;
}

void ImageGanRun::updateD() {
    const ImageGanSpec& o = options();
    const int pack = std::max(1, o.pack);
    // Every rank draws the whole batch's random numbers and keeps its rows: the streams advance alike everywhere.
    // With PacGAN a batch is `batch` packs of `pack` images each; a rank keeps whole packs.
    const BatchShard rows = shard();
    const int64_t first = rows.begin * pack, last = rows.end * pack;
    torch::Tensor batch_labels;
    const torch::Tensor index = torch::randint(dataset_->count, {o.batch * pack}, data_gen_, torch::kLong);
    if (o.conditional) batch_labels = labels_.index_select(0, index);
    torch::Tensor real = images_.index_select(0, index.slice(0, first, last)).to(torch::kFloat32).mul_(2.0 / 255.0).sub_(1.0);
    const torch::Tensor real_labels = o.conditional ? batch_labels.slice(0, rows.begin, rows.end) : torch::Tensor();
    torch::Tensor fake, fake_labels;
    {
        torch::NoGradGuard no_grad;
        const torch::Tensor z = torch::randn({o.batch * pack, o.latent_dim}, latent_gen_).slice(0, first, last);
        if (o.conditional) fake_labels = drawLabels(o.batch, label_gen_).slice(0, rows.begin, rows.end);
        fake = g_->forward(z, fake_labels);
    }
    const double sigma = instanceNoiseSigma(o, step_);
    if (sigma > 0) {  // the whole batch's noise drawn on every rank (same streams), this rank's rows kept
        real = real + sigma * torch::randn({o.batch * pack, 1, kImageSide, kImageSide}, penalty_gen_).slice(0, first, last);
        fake = fake + sigma * torch::randn({o.batch * pack, 1, kImageSide, kImageSide}, penalty_gen_).slice(0, first, last);
    }
    real = packImages(real, pack).detach();
    fake = packImages(fake, pack).detach();
    d_->refreshSpectralNorm();
    const bool r1 = o.r1_gamma > 0;
    if (r1) real.requires_grad_(true);
    // Mismatched pairs (lecture section 8): the real images again, each with a wrong label, as extra negatives.
    const bool mismatched = o.conditional && o.mismatched_pairs && class_ids_.size(0) > 1;
    std::vector<torch::Tensor> inputs{real, fake}, labels{real_labels, fake_labels};
    if (mismatched) {
        inputs.push_back(real.detach());
        labels.push_back(wrongLabels(batch_labels, mismatch_gen_).slice(0, rows.begin, rows.end));
    }
    const int64_t n = rows.size();
    torch::Tensor f_real, f_fake;
    if (o.minibatch_stddev) {  // batch statistics: the real and the generated batch each on its own
        f_real = d_->forward(real);
        f_fake = d_->forward(fake);
    } else {
        const torch::Tensor f_all =
            d_->forward(torch::cat(inputs, 0), o.conditional ? torch::cat(labels, 0) : torch::Tensor());
        f_real = f_all.slice(0, 0, n);
        // The negatives: generated images, then the mismatched pairs (each objective averages them, so both count half).
        f_fake = f_all.slice(0, n);
    }
    const torch::Tensor loss = discriminatorLoss(o.objective, f_real, f_fake);
    torch::Tensor total = loss;
    if (o.lipschitz == Lipschitz::GradientPenalty) {
        DcganDiscriminator d = d_;
        // The critic at interpolates between real and generated images, conditioned on the real images' labels.
        const CriticFn critic = [d, real_labels](const torch::Tensor& x) mutable { return d->forward(x, real_labels); };
        const torch::Tensor mix = torch::rand({o.batch}, penalty_gen_).slice(0, rows.begin, rows.end);
        total = total + gradientPenaltyWithMix(critic, real, fake, o.gp_lambda, o.gp_one_sided, mix).penalty;
    }
    if (r1) total = total + r1Penalty(f_real, real, o.r1_gamma);
    if (!group_ && !checkLoss(total, "D")) return;
    d_opt_->zero_grad();
    total.backward();
    std::vector<double> losses{loss.item<double>(), total.item<double>()};
    if (group_) {  // every rank sees the same averaged losses, so all take (or all skip) this step
        averageOverRanks(*group_, d_->parameters(), {}, losses);
        if (!checkLoss(torch::tensor(losses[1]), "D")) return;
    }
    d_opt_->step();
    if (o.lipschitz == Lipschitz::WeightClip) clipWeights(d_->parameters(), o.clip);
    loss_d_sum_ += losses[0];
    ++loss_d_count_;
}

torch::Tensor ImageGanRun::criticScores(const torch::Tensor& images, const torch::Tensor& labels) {
    return d_->forward(repeatImagesForPack(images, std::max(1, options().pack)), labels);
}

torch::Tensor ImageGanRun::generatorObjective(const torch::Tensor& fake_images) {
    const ImageGanSpec& o = options();
    const int pack = std::max(1, o.pack);
    const BatchShard rows = shard();
    const int64_t first = rows.begin * pack, last = rows.end * pack;
    const double sigma = instanceNoiseSigma(o, step_);
    torch::Tensor fake = fake_images;
    if (sigma > 0)
        fake = fake + sigma * torch::randn({o.batch * pack, 1, kImageSide, kImageSide}, penalty_gen_).slice(0, first, last);
    torch::Tensor fake_features;
    const torch::Tensor scores = d_->forward(packImages(fake, pack), {}, &fake_features);
    if (!o.feature_matching) return generatorLoss(o.objective, scores);
    // Feature matching's target: the mean feature of a fresh real batch under the current D (a constant for G).
    torch::Tensor real_features;
    {
        torch::NoGradGuard no_grad;
        const torch::Tensor index = torch::randint(dataset_->count, {o.batch * pack}, data_gen_, torch::kLong);
        torch::Tensor real =
            images_.index_select(0, index.slice(0, first, last)).to(torch::kFloat32).mul_(2.0 / 255.0).sub_(1.0);
        if (sigma > 0)
            real = real + sigma * torch::randn({o.batch * pack, 1, kImageSide, kImageSide}, penalty_gen_).slice(0, first, last);
        d_->forward(packImages(real, pack), {}, &real_features);
    }
    return featureMatchingLoss(real_features.mean(0), fake_features);
}

void ImageGanRun::updateG() {
    const ImageGanSpec& o = options();
    const int pack = std::max(1, o.pack);
    const BatchShard rows = shard();
    const torch::Tensor z =
        torch::randn({o.batch * pack, o.latent_dim}, latent_gen_).slice(0, rows.begin * pack, rows.end * pack);
    const torch::Tensor labels =
        o.conditional ? drawLabels(o.batch, label_gen_).slice(0, rows.begin, rows.end) : torch::Tensor();
    const torch::Tensor fake = g_->forward(z, labels);
    // D's weights are constants here: no gradient is computed for them.
    const std::vector<torch::Tensor> d_parameters = d_->parameters();
    for (const auto& p : d_parameters) p.requires_grad_(false);
    const torch::Tensor loss = remediesActive(o) ? generatorObjective(fake)
                                                 : generatorLoss(o.objective, d_->forward(fake, labels));
    for (const auto& p : d_parameters) p.requires_grad_(true);
    if (!group_ && !checkLoss(loss, "G")) return;
    g_opt_->zero_grad();
    loss.backward();
    std::vector<double> losses{loss.item<double>()};
    if (group_) {  // G's batch-norm running statistics too: each rank normalised with its own shard's statistics
        averageOverRanks(*group_, g_->parameters(), g_->buffers(), losses);
        if (!checkLoss(torch::tensor(losses[0]), "G")) return;
    }
    double squared = 0;
    for (const auto& p : g_->parameters()) {
        if (p.grad().defined()) squared += p.grad().pow(2).sum().item<double>();
    }
    g_opt_->step();
    loss_g_sum_ += losses[0];
    g_grad_sum_ += std::sqrt(squared);
    ++loss_g_count_;
}

void ImageGanRun::iterate(const Distribution*) {
    if (status_ != RunStatus::Running) return;
    if (group_ && !group_checked_) checkSameStateOnRanks();
    for (int i = 0; i < options().k_d && status_ == RunStatus::Running; ++i) updateD();
    for (int i = 0; i < options().k_g && status_ == RunStatus::Running; ++i) updateG();
    if (status_ != RunStatus::Diverged) {
        ++step_;
        captureProgress();
    }
}

void ImageGanRun::stepD(const Distribution*) {
    if (status_ != RunStatus::Diverged) updateD();
}

void ImageGanRun::stepG() {
    if (status_ != RunStatus::Diverged) updateG();
}

void ImageGanRun::applySpec(const RunSpec& spec) {
    const ImageGanSpec& next = std::get<ImageGanSpec>(spec.options);
    const bool rebuild = !sameArchitecture(options(), next) || next.classes != options().classes ||
                         next.subset != options().subset;
    const bool new_data = next.classes != options().classes || next.subset != options().subset;
    spec_ = spec;
    heavy_step_ = -1;  // an edit (objective, clip) shows in the next snapshot's slow parts
    if (new_data) {
        useDataset(std::make_shared<const ImageDataset>(loadImageDataset(options().classes, options().subset)));
    }
    if (rebuild) {
        reinitialize();
        return;
    }
    setAdamOptions(*g_opt_, options().g_opt);
    setAdamOptions(*d_opt_, options().d_opt);
}

void ImageGanRun::evaluate(const MetricContext& context) {
    torch::NoGradGuard no_grad;
    at::Generator gen = makeGenerator(deriveSeed(seed_ ^ static_cast<uint64_t>(step_), SeedStream::Metrics));
    torch::Tensor real_labels, fake_labels;
    const torch::Tensor real = sampleReal(kImageScoreSamples, gen, &real_labels);
    const torch::Tensor fake = generate(kImageScoreSamples, gen, &fake_labels);
    const bool conditional = options().conditional;
    const Objective objective = options().objective;
    std::map<std::string, double> values;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    values["loss_d"] = loss_d_count_ ? loss_d_sum_ / static_cast<double>(loss_d_count_) : nan;
    values["loss_g"] = loss_g_count_ ? loss_g_sum_ / static_cast<double>(loss_g_count_) : nan;
    values["g_grad_norm"] = loss_g_count_ ? g_grad_sum_ / static_cast<double>(loss_g_count_) : nan;
    loss_d_sum_ = loss_g_sum_ = g_grad_sum_ = 0;
    loss_d_count_ = loss_g_count_ = 0;
    values["d_score_real"] =
        displayedDiscriminator(objective, criticScores(real, conditional ? real_labels : torch::Tensor())).mean().item<double>();
    values["d_score_fake"] =
        displayedDiscriminator(objective, criticScores(fake, conditional ? fake_labels : torch::Tensor())).mean().item<double>();
    // The lecture's evaluation, once the classifier is ready (train/image_evaluator.h; docs/metrics.md).
    if (context.images)
        if (const std::optional<ImageMetricValues> judged = context.images->evaluate(fake, options().classes)) {
            values["classifier_score"] = judged->classifier_score;
            values["fcd"] = judged->fcd;
            values["classes_covered"] = judged->classes_covered;
            values["class_rkl"] = judged->class_rkl;
            values["nn_ratio"] = judged->nn_ratio;
            judged_classes_ = judged->class_histogram;
            if (conditional)
                if (const std::optional<double> agreement = context.images->labelAgreement(fake, fake_labels))
                    values["label_agreement"] = *agreement;
        }
    metrics_->append(step_, values);
}

RunSnapshot ImageGanRun::snapshot(const SnapshotContext& context, bool full) {
    RunSnapshot out = runSnapshotHeader(spec_, status_, reason_, step_);
    out.metrics = MetricLogView(metrics_);
    if (!full) return out;
    torch::NoGradGuard no_grad;
    const std::vector<int> row_classes = gridRowClasses();
    out.parts.push_back({quantity_names::kImageSamples, toImageGrid(fixedSamples(), row_classes)});
    addViewQuantities(out.parts);
    if (judged_classes_) {  // mode collapse and mode dropping as bars: the classifier's verdict against the data's mix
        Histogram generated{0, 10, std::vector<float>(10, 0.0f)};
        for (size_t c = 0; c < 10; ++c) generated.counts[c] = static_cast<float>(100.0 * (*judged_classes_)[c]);
        out.parts.push_back({quantity_names::kClassesGenerated, std::move(generated)});
        out.parts.push_back({quantity_names::kClassesData, data_class_mix_});
    }
    // The slow parts: rebuilt when the trainer asks (snapshot_cadence.h), else those of an earlier step reused.
    const bool reusable = heavy_step_ >= 0 && heavy_step_ <= step_;
    if (context.heavy || !reusable) {
        heavy_parts_ = heavyParts(row_classes);
        heavy_step_ = step_;
        ++heavy_builds_;
    }
    out.parts.insert(out.parts.end(), heavy_parts_.begin(), heavy_parts_.end());
    return out;
}

std::vector<Quantity> ImageGanRun::heavyParts(const std::vector<int>& row_classes) {
    std::vector<Quantity> parts;
    at::Generator display = makeGenerator(deriveSeed(seed_, SeedStream::Display) + 1);
    parts.push_back({quantity_names::kImageReal, toImageGrid(realGridImages(display), row_classes)});
    // D's scores on the real and generated images of this moment (same draws each snapshot: only D and G move).
    const Objective objective = options().objective;
    const bool conditional = options().conditional;
    torch::Tensor real_labels, fake_labels;
    const torch::Tensor real_images = sampleReal(kImageScoreSamples, display, &real_labels);
    const torch::Tensor fake_images = generate(kImageScoreSamples, display, &fake_labels);
    const torch::Tensor real =
        displayedDiscriminator(objective, criticScores(real_images, conditional ? real_labels : torch::Tensor()));
    const torch::Tensor fake =
        displayedDiscriminator(objective, criticScores(fake_images, conditional ? fake_labels : torch::Tensor()));
    const bool probability = isSigmoidObjective(objective);
    double lo = probability ? 0.0 : std::min(real.min().item<double>(), fake.min().item<double>());
    double hi = probability ? 1.0 : std::max(real.max().item<double>(), fake.max().item<double>());
    if (!(hi > lo)) hi = lo + 1.0;
    parts.push_back({quantity_names::kScoresReal, scoreHistogram(real, lo, hi)});
    parts.push_back({quantity_names::kScoresFake, scoreHistogram(fake, lo, hi)});
    // D's weights for the weights panel, as toy runs publish them (clipping: over +-1.1 c, so +-c shows).
    std::vector<float> weights;
    for (const auto& p : d_->parameters()) {
        const std::vector<float> v = toVector(p.detach());
        weights.insert(weights.end(), v.begin(), v.end());
    }
    double range = 1e-3;
    if (options().lipschitz == Lipschitz::WeightClip) {
        range = 1.1 * options().clip;
    } else {
        for (float v : weights) {
            if (std::isfinite(v)) range = std::max(range, static_cast<double>(std::fabs(v)));
        }
    }
    parts.push_back({quantity_names::kWeights, makeHistogram(weights, -range, range, kHistogramBins)});
    return parts;
}

void ImageGanRun::pause() {
    if (status_ == RunStatus::Running) status_ = RunStatus::Paused;
}

void ImageGanRun::resume() {
    status_ = RunStatus::Running;
    reason_.clear();
}

void ImageGanRun::fail(const std::string& reason) {
    status_ = RunStatus::Diverged;
    reason_ = reason;
}

bool ImageGanRun::checkState() {
    torch::NoGradGuard no_grad;
    for (const auto* net : {static_cast<torch::nn::Module*>(g_.get()), static_cast<torch::nn::Module*>(d_.get())}) {
        for (const auto& p : net->parameters()) {
            if (!torch::isfinite(p).all().item<bool>()) {
                fail(std::string("NaN/Inf in ") + (net == g_.get() ? "G" : "D") + " weights at step " +
                     std::to_string(step_));
                return false;
            }
        }
    }
    return true;
}

void ImageGanRun::injectNaN() {
    torch::NoGradGuard no_grad;
    d_->parameters().front().view({-1})[0] = std::numeric_limits<float>::quiet_NaN();
}

}  // namespace ganarium
