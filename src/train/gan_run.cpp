// gan_run.cpp — one run: construction, D and G steps, live edits, divergence.
#include "train/gan_run.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "train/objectives.h"
#include "train/score_gradients.h"
#include "train/seeds.h"
#include "train/work_buffer.h"

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
      display_gen_(makeGenerator(deriveSeed(seed, SeedStream::Display))) {
    buildNetworks(false, false);
    if (spec_.fixed_generator) fixed_ = makeDistribution(spec_.fixed_data);
}

void GanRun::buildNetworks(bool keep_g, bool keep_d) {
    if (!keep_g) {
        g_ = Mlp(spec_.latent_dim, dim_, spec_.g_net);
        at::Generator gen = makeGenerator(deriveSeed(seed_, SeedStream::GeneratorInit));
        g_->initialize(gen);
        g_opt_ = std::make_unique<FlatOptimizer>(spec_.g_opt, g_->flatParameters().numel());
    }
    if (!keep_d) {
        d_ = Mlp(dim_, 1, spec_.d_net);
        at::Generator gen = makeGenerator(deriveSeed(seed_, SeedStream::CriticInit));
        d_->initialize(gen);
        d_opt_ = std::make_unique<FlatOptimizer>(spec_.d_opt, d_->flatParameters().numel());
    }
    d_->setSpectralNorm(spec_.lipschitz == Lipschitz::SpectralNorm);
    if (spec_.lipschitz == Lipschitz::SpectralNorm) {
        // Converge the persistent power-iteration vectors before the first use.
        for (int i = 0; i < 10; ++i) d_->powerIterate();
    }
    bindPasses();
}

void GanRun::bindPasses() {
    work_.g.bind(*g_);
    work_.d.bind(*d_);
    work_.d_in_g_step.bind(*d_);
}

torch::Tensor GanRun::sampleLatent(int64_t n, at::Generator& gen) const {
    if (spec_.latent == LatentKind::Uniform) return torch::rand({n, spec_.latent_dim}, gen) * 2.0 - 1.0;
    return torch::randn({n, spec_.latent_dim}, gen);
}

torch::Tensor GanRun::sampleReal(const Distribution& data, int64_t n, Rng& rng) const {
    torch::Tensor out = torch::empty({n, data.dim()});
    data.sample(static_cast<int>(n), rng, out.data_ptr<float>());
    return out;
}

torch::Tensor GanRun::sampleFake(int64_t n, at::Generator& gen, Rng& rng) {
    if (fixed_) return sampleReal(*fixed_, n, rng);
    torch::NoGradGuard no_grad;
    const torch::Tensor z = sampleLatent(n, gen);
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

void GanRun::drawLatent(torch::Tensor& z, at::Generator& gen) const {
    ensureBuffer(z, spec_.batch, spec_.latent_dim);
    // The same draws as sampleLatent(): randn is normal_(0, 1), rand * 2 - 1 is uniform_(-1, 1).
    if (spec_.latent == LatentKind::Uniform) {
        z.uniform_(-1.0, 1.0, gen);
    } else {
        z.normal_(0.0, 1.0, gen);
    }
}

void GanRun::drawFake(const torch::Tensor& out) {
    if (fixed_) {
        fixed_->sample(static_cast<int>(out.size(0)), fixed_rng_, out.data_ptr<float>());
        return;
    }
    drawLatent(work_.z_d, latent_gen_);
    work_.g.load();
    work_.g.forward(work_.z_d, out);
}

// Adds the gradient penalty and R1 (their value is returned) to D's gradients. `input` holds the real, fake
// and (GP) interpolate rows of the last forward pass, n each.
double GanRun::criticPenalties(const torch::Tensor& input, int64_t n) {
    double total = 0;
    const int64_t dim = input.size(1);
    ensureBuffer(work_.penalty_grad, n, dim);
    float* grad = work_.penalty_grad.data_ptr<float>();
    if (spec_.lipschitz == Lipschitz::GradientPenalty) {
        const torch::Tensor& g = work_.d.inputGradient(2 * n, n);
        const torch::Tensor norms = emptyBuffer({n});
        const double penalty = gradientPenaltyFromGradients(g.data_ptr<float>(), n, dim, spec_.gp_lambda,
                                                            spec_.gp_one_sided, norms.data_ptr<float>(), grad);
        work_.d.penaltyBackward(work_.penalty_grad);
        {
            c10::InferenceMode ordinary(false);  // views usable anywhere, like the autograd path's tensors
            last_gp_.penalty = emptyBuffer({}).fill_(penalty);
            last_gp_.real = input.narrow(0, 0, n);
            last_gp_.fake = input.narrow(0, n, n);
            last_gp_.interp = input.narrow(0, 2 * n, n);
            last_gp_.grad_norm = norms;
        }
        has_gp_ = true;
        total += penalty;
    }
    if (spec_.r1_gamma > 0) {
        const torch::Tensor& g = work_.d.inputGradient(0, n);
        total += r1PenaltyFromGradients(g.data_ptr<float>(), n, dim, spec_.r1_gamma, grad);
        work_.d.penaltyBackward(work_.penalty_grad);
    }
    return total;
}

void GanRun::stepD(const Distribution& data) {
    if (status_ == RunStatus::Diverged) return;
    const bool gp = spec_.lipschitz == Lipschitz::GradientPenalty;
    const bool penalised = gp || spec_.r1_gamma > 0;
    if (penalised && !work_.d.piecewiseLinear()) return stepDAutograd(data);
    // Before InferenceMode: the power-iteration vectors are used later by autograd (snapshots, metrics).
    if (d_->spectralNorm()) d_->powerIterate();
    c10::InferenceMode inference;
    const int64_t n = spec_.batch, dim = dim_;
    // Rows: real, fake, then the GP interpolates. A fresh tensor under GP: lastPenalty() keeps views of it.
    torch::Tensor& x = work_.d_input;
    if (gp) {
        x = emptyBuffer({3 * n, dim});
    } else {
        ensureBuffer(x, 2 * n, dim);
    }
    float* rows = x.data_ptr<float>();
    data.sample(static_cast<int>(n), data_rng_, rows);
    drawFake(x.narrow(0, n, n));
    if (gp) {
        ensureBuffer(work_.mix, n, 1);
        work_.mix.uniform_(0.0, 1.0, penalty_gen_);  // the draws of torch::rand({n, 1}, gen)
        const float* a = work_.mix.data_ptr<float>();
        for (int64_t i = 0; i < n; ++i) {
            for (int64_t k = 0; k < dim; ++k) {
                rows[(2 * n + i) * dim + k] = a[i] * rows[i * dim + k] + (1.0f - a[i]) * rows[(n + i) * dim + k];
            }
        }
    }
    work_.d.load();
    const torch::Tensor& f = work_.d.forward(x);
    ensureBuffer(work_.d_score_grad, 2 * n, 1);
    const double loss = discriminatorLossGradient(spec_.objective, f.data_ptr<float>(), n, n,
                                                  work_.d_score_grad.data_ptr<float>());
    work_.d.backward(work_.d_score_grad, /*weights=*/true, /*input=*/false);
    const double total = penalised ? loss + criticPenalties(x, n) : loss;
    work_.d.finishGradients();
    finishStepD(loss, total);
}

// The original autograd step, kept for gradient penalties on a D with a smooth activation (whose double
// backward also reaches the biases through the activation's curvature).
void GanRun::stepDAutograd(const Distribution& data) {
    torch::Tensor real = sampleReal(data, spec_.batch, data_rng_);
    const torch::Tensor fake = sampleFake(spec_.batch, latent_gen_, fixed_rng_);
    if (d_->spectralNorm()) d_->powerIterate();
    const bool r1 = spec_.r1_gamma > 0;
    if (r1) real.requires_grad_(true);
    const torch::Tensor f_both = d_->forward(torch::cat({real, fake}, 0));
    const torch::Tensor f_real = f_both.slice(0, 0, real.size(0));
    const torch::Tensor f_fake = f_both.slice(0, real.size(0));
    const torch::Tensor loss = discriminatorLoss(spec_.objective, f_real, f_fake);
    torch::Tensor total = loss;
    if (spec_.lipschitz == Lipschitz::GradientPenalty) {
        last_gp_ = gradientPenalty(d_, real, fake, spec_.gp_lambda, spec_.gp_one_sided, penalty_gen_);
        has_gp_ = true;
        total = total + last_gp_.penalty;
    }
    if (r1) total = total + r1Penalty(f_real, real, spec_.r1_gamma);
    const auto params = d_->parameters();
    const auto grads = torch::autograd::grad({total}, params);
    {
        torch::NoGradGuard no_grad;
        for (size_t i = 0; i < params.size(); ++i) {
            const size_t layer = i / 2;
            torch::Tensor slot = i % 2 == 0 ? d_->weightGradient(layer) : d_->biasGradient(layer);
            slot.copy_(grads[i]);
        }
    }
    finishStepD(loss.item<double>(), total.item<double>());
}

// Applies D's gradients, clips, and checks the step's loss values.
void GanRun::finishStepD(double loss, double total) {
    {
        c10::InferenceMode inference;
        d_opt_->step(d_->flatParameters(), d_->flatGradients());
        if (spec_.lipschitz == Lipschitz::WeightClip) d_->flatParameters().clamp_(-spec_.clip, spec_.clip);
    }
    if (!std::isfinite(loss)) return diverge("loss_d", loss);
    if (!std::isfinite(total)) return diverge("loss_d (with penalty)", total);
    loss_d_sum_ += loss;
    ++loss_d_count_;
}

void GanRun::stepG() {
    if (fixed_ || status_ == RunStatus::Diverged) return;
    c10::InferenceMode inference;
    drawLatent(work_.z_g, latent_gen_);
    work_.g.load();
    const torch::Tensor& x = work_.g.forward(work_.z_g);
    work_.d_in_g_step.load();
    const torch::Tensor& f = work_.d_in_g_step.forward(x);
    ensureBuffer(work_.g_score_grad, spec_.batch, 1);
    const double loss =
        generatorLossGradient(spec_.objective, f.data_ptr<float>(), spec_.batch, work_.g_score_grad.data_ptr<float>());
    // D's weight gradients are not needed: only dLoss/dx flows back into G.
    const torch::Tensor dx = work_.d_in_g_step.backward(work_.g_score_grad, /*weights=*/false, /*input=*/true);
    work_.g.backward(dx, /*weights=*/true, /*input=*/false);
    g_opt_->step(g_->flatParameters(), g_->flatGradients());
    if (!std::isfinite(loss)) return diverge("loss_g", loss);
    loss_g_sum_ += loss;
    ++loss_g_count_;
}

void GanRun::iterate(const Distribution& data) {
    if (status_ == RunStatus::Diverged) return;
    for (int i = 0; i < spec_.k_d && status_ != RunStatus::Diverged; ++i) stepD(data);
    for (int i = 0; i < spec_.k_g && status_ != RunStatus::Diverged; ++i) stepG();
    if (status_ == RunStatus::Diverged) return;
    ++step_;
}

void GanRun::applySpec(const RunSpec& next) {
    const bool keep_g = sameArchitecture(g_, next.latent_dim, dim_, next.g_net);
    const bool keep_d = sameArchitecture(d_, dim_, 1, next.d_net);
    spec_ = next;
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
    if (spec_.fixed_generator) {
        fixed_ = makeDistribution(spec_.fixed_data);
        Rng rng(deriveSeed(seed_, SeedStream::FixedFake) + 1);
        display_fixed_fake_ = sampleReal(*fixed_, display_samples_, rng);
    }
    if (!keep_g) display_z_ = sampleLatent(display_samples_, display_gen_);
}

void GanRun::resetDisplay(const Distribution& data) {
    display_z_ = sampleLatent(display_samples_, display_gen_);
    Rng rng(deriveSeed(seed_, SeedStream::Display));
    display_real_ = sampleReal(data, display_samples_, rng);
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
}

void GanRun::pause() {
    if (status_ == RunStatus::Running) status_ = RunStatus::Paused;
}

std::pair<double, double> GanRun::takeLossMeans() {
    const double d = loss_d_count_ > 0 ? loss_d_sum_ / static_cast<double>(loss_d_count_) : kNaN;
    const double g = loss_g_count_ > 0 ? loss_g_sum_ / static_cast<double>(loss_g_count_) : kNaN;
    loss_d_sum_ = loss_g_sum_ = 0;
    loss_d_count_ = loss_g_count_ = 0;
    return {d, g};
}

void GanRun::recordMetrics(const std::map<std::string, double>& values) {
    history_.steps.push_back(step_);
    const size_t n = history_.steps.size();
    for (const auto& [name, value] : values) {
        auto& series = history_.series[name];
        series.resize(n - 1, kNaN);
        series.push_back(value);
        latest_[name] = value;
    }
    for (auto& [name, series] : history_.series) series.resize(n, kNaN);
}

}  // namespace ganarium
