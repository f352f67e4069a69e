// gan_run.cpp — one run: construction, sampling, live edits, divergence (the D and G steps: gan_run_steps.cpp).
#include "train/gan_run.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "train/seeds.h"
#include "train/toy_remedies.h"

namespace ganarium {

namespace {
at::Generator makeGenerator(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Rows per G forward pass when sampling many fakes: 2500 rows at once cost page faults for the big
// activations on every call (toy G, measured: 4 ms at once vs 1.7 ms in chunks of 512).
constexpr int64_t kSampleChunkRows = 512;

// True when every element of `t` is finite (a plain loop over float storage: 16 small tensors per metric
// evaluation cost ~0.25 ms as isfinite/all/item ops, ~0.02 ms this way).
bool allFinite(const torch::Tensor& t) {
    if (t.scalar_type() != torch::kFloat || !t.is_contiguous()) return torch::isfinite(t).all().item<bool>();
    const float* values = t.data_ptr<float>();
    const int64_t n = t.numel();
    for (int64_t i = 0; i < n; ++i) {
        if (!std::isfinite(values[i])) return false;
    }
    return true;
}
}  // namespace

GanRun::GanRun(const RunSpec& spec, int dim, uint64_t seed, int display_samples)
    : spec_(spec),
      dim_(dim),
      seed_(seed),
      display_samples_(display_samples),
      data_rng_(deriveSeed(seed, SeedStream::Data)),
      fixed_rng_(deriveSeed(seed, SeedStream::FixedFake)),
      metric_rng_(deriveSeed(seed, SeedStream::Metrics)),
      latent_gen_(makeGenerator(deriveSeed(seed, SeedStream::Latent))),
      penalty_gen_(makeGenerator(deriveSeed(seed, SeedStream::Penalty))),
      metric_gen_(makeGenerator(deriveSeed(seed, SeedStream::Metrics))),
      display_gen_(makeGenerator(deriveSeed(seed, SeedStream::Display))),
      label_rng_(deriveSeed(seed, SeedStream::Labels)) {
    buildNetworks(false, false);
    if (options().fixed_generator) fixed_ = makeDistribution(options().fixed_data);
}

void GanRun::buildNetworks(bool keep_g, bool keep_d) {
    if (!keep_g) {
        g_ = Mlp(options().latent_dim + conditionCount(), dim_, options().g_net);
        at::Generator gen = makeGenerator(deriveSeed(seed_, SeedStream::GeneratorInit));
        g_->initialize(gen);
        g_opt_ = std::make_unique<FlatOptimizer>(options().g_opt, g_->flatParameters().numel());
    }
    if (!keep_d) {
        d_ = Mlp(criticInputWidth(options(), dim_) + conditionCount(), 1, options().d_net);
        at::Generator gen = makeGenerator(deriveSeed(seed_, SeedStream::CriticInit));
        d_->initialize(gen);
        d_opt_ = std::make_unique<FlatOptimizer>(options().d_opt, d_->flatParameters().numel());
    }
    buildMinibatchLayer(keep_d);
    d_->setSpectralNorm(options().lipschitz == Lipschitz::SpectralNorm);
    if (options().lipschitz == Lipschitz::SpectralNorm) {
        // Converge the persistent power-iteration vectors before the first use.
        for (int i = 0; i < 10; ++i) d_->powerIterate();
    }
    bindPasses();
}

void GanRun::buildMinibatchLayer(bool keep_d) {
    if (!options().minibatch_discrimination) {
        mbd_.reset();
        return;
    }
    const int features = options().d_net.hidden.empty() ? d_->inFeatures() : options().d_net.hidden.back();
    if (keep_d && mbd_ && mbd_->features() == features) {
        mbd_->setOptimizer(options().d_opt);
        return;
    }
    // Its own draws, after D's: D's initial weights stay those of the same run without the layer.
    at::Generator gen = makeGenerator(deriveSeed(seed_, SeedStream::CriticInit) + 1);
    mbd_ = std::make_unique<MinibatchDiscrimination>(features, options().d_opt, gen);
}

void GanRun::bindPasses() {
    work_.g.bind(*g_);
    work_.d.bind(*d_);
    work_.d_in_g_step.bind(*d_);
}

torch::Tensor GanRun::sampleLatent(int64_t n, at::Generator& gen) const {
    torch::Tensor z = options().latent == LatentKind::Uniform ? torch::rand({n, options().latent_dim}, gen) * 2.0 - 1.0
                                                              : torch::randn({n, options().latent_dim}, gen);
    if (conditionCount() > 0) return condition_.withOneHot(z, condition_.drawLabels(n, gen));
    return z;
}

torch::Tensor GanRun::sampleReal(const Distribution& data, int64_t n, Rng& rng) const {
    torch::Tensor out = torch::empty({n, data.dim()});
    data.sample(static_cast<int>(n), rng, out.data_ptr<float>());
    return out;
}

torch::Tensor GanRun::sampleFake(int64_t n, at::Generator& gen, Rng& rng, torch::Tensor* labels) {
    if (labels) *labels = torch::Tensor();
    if (fixed_) return sampleReal(*fixed_, n, rng);
    torch::NoGradGuard no_grad;
    const torch::Tensor z = sampleLatent(n, gen);
    if (labels && conditionCount() > 0) *labels = condition_.labelsOf(z);
    if (n <= kSampleChunkRows) return g_->forward(z);
    std::vector<torch::Tensor> parts;
    for (int64_t i = 0; i < n; i += kSampleChunkRows) {
        parts.push_back(g_->forward(z.slice(0, i, std::min(n, i + kSampleChunkRows))));
    }
    return torch::cat(parts, 0);
}

void GanRun::diverge(const char* what, double value) {
    status_ = RunStatus::Diverged;
    reason_ = std::string(std::isnan(value) ? "NaN" : "Inf") + " in " + what + " at step " + std::to_string(step_);
}

void GanRun::iterate(const Distribution& data) {
    if (status_ == RunStatus::Diverged) return;
    for (int i = 0; i < options().k_d && status_ != RunStatus::Diverged; ++i) stepD(data);
    for (int i = 0; i < options().k_g && status_ != RunStatus::Diverged; ++i) {
        if (options().unrolled_steps > 0 && !fixed_) {
            stepGUnrolled(data);
        } else {
            stepG();
        }
    }
    if (status_ == RunStatus::Diverged) return;
    ++step_;
}

void GanRun::applySpec(const RunSpec& next_spec) {
    const ToyGanSpec& next = std::get<ToyGanSpec>(next_spec.options);
    const int labels = next.conditional ? condition_.labelCount() : 0;
    const bool keep_g = sameArchitecture(g_, next.latent_dim + labels, dim_, next.g_net);
    const bool keep_d = sameArchitecture(d_, criticInputWidth(next, dim_) + labels, 1, next.d_net);
    spec_ = next_spec;
    buildNetworks(keep_g, keep_d);
    if (keep_g) {
        g_->setActivation(next.g_net.activation);
        if (!g_opt_->update(next.g_opt))
            g_opt_ = std::make_unique<FlatOptimizer>(next.g_opt, g_->flatParameters().numel());
    }
    if (keep_d) {
        d_->setActivation(next.d_net.activation);
        if (!d_opt_->update(next.d_opt))
            d_opt_ = std::make_unique<FlatOptimizer>(next.d_opt, d_->flatParameters().numel());
    }
    if (next.lipschitz != Lipschitz::GradientPenalty) has_gp_ = false;
    fixed_.reset();
    if (options().fixed_generator) {
        fixed_ = makeDistribution(options().fixed_data);
        Rng rng(deriveSeed(seed_, SeedStream::FixedFake) + 1);
        display_fixed_fake_ = sampleReal(*fixed_, display_samples_, rng);
    }
    if (!keep_g) display_z_ = sampleLatent(display_samples_, display_gen_);
}

void GanRun::resetDisplay(const Distribution& data) {
    condition_.setData(data);
    // A conditional run whose data now has another number of components needs new input layers.
    if (g_->inFeatures() != options().latent_dim + conditionCount() || d_->inFeatures() != dim_ + conditionCount())
        buildNetworks(false, false);
    display_z_ = sampleLatent(display_samples_, display_gen_);
    Rng rng(deriveSeed(seed_, SeedStream::Display));
    display_real_ = sampleRealLabelled(data, display_samples_, rng, &display_real_labels_);
    if (fixed_) display_fixed_fake_ = sampleReal(*fixed_, display_samples_, rng);
}

void GanRun::injectNaN() {
    torch::NoGradGuard no_grad;
    d_->layers().front()->weight.view(-1)[0] = std::numeric_limits<float>::quiet_NaN();
}

bool GanRun::checkWeights() {
    torch::NoGradGuard no_grad;
    for (Mlp* net : {&g_, &d_}) {
        for (const auto& p : (*net)->parameters()) {
            if (!allFinite(p)) {
                status_ = RunStatus::Diverged;
                reason_ = std::string("NaN/Inf in ") + (net == &g_ ? "G" : "D") + " weights at step " +
                          std::to_string(step_);
                return false;
            }
        }
    }
    return true;
}

void GanRun::resume() {
    status_ = RunStatus::Running;
    reason_.clear();
}

void GanRun::fail(const std::string& reason) {
    status_ = RunStatus::Diverged;
    reason_ = reason;
}

void GanRun::reinitialize() {
    buildNetworks(false, false);
    has_gp_ = false;
    real_feature_mean_ = torch::Tensor();
}

void GanRun::pause() {
    if (status_ == RunStatus::Running) status_ = RunStatus::Paused;
}

void GanRun::reseedMetricStreams() {
    // SplitMix64-style mixing of the step into the stream's seed (deriveSeed mixes its inputs the same way).
    const uint64_t seed = deriveSeed(deriveSeed(seed_, SeedStream::Metrics) + static_cast<uint64_t>(step_),
                                     SeedStream::Metrics);
    metric_rng_ = Rng(seed);
    metric_gen_.set_current_seed(seed);
}

std::pair<double, double> GanRun::takeLossMeans() {
    const double d = loss_d_count_ > 0 ? loss_d_sum_ / static_cast<double>(loss_d_count_) : kNaN;
    const double g = loss_g_count_ > 0 ? loss_g_sum_ / static_cast<double>(loss_g_count_) : kNaN;
    loss_d_sum_ = loss_g_sum_ = 0;
    loss_d_count_ = loss_g_count_ = 0;
    return {d, g};
}

void GanRun::recordMetrics(const std::map<std::string, double>& values) {
    metrics_->append(step_, values);
}

}  // namespace ganarium
