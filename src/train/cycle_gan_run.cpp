// cycle_gan_run.cpp — building the toy CycleGAN, its critic and generator
// updates (autograd, then the toy runs' flat optimizers), live edits and status.
#include "train/cycle_gan_run.h"

#include <cmath>
#include <limits>
#include <string>

#include "train/objectives.h"
#include "train/regularizers.h"
#include "train/seeds.h"

namespace ganarium {
namespace {

at::Generator makeGenerator(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }

// Moves autograd's gradients of `net` into its flat gradient buffer (zeros where none) and clears them.
void collectGradients(MlpImpl& net) {
    for (size_t i = 0; i < net.layers().size(); ++i) {
        const auto& layer = net.layers()[i];
        for (auto [param, slot] : {std::pair<torch::Tensor, torch::Tensor>{layer->weight, net.weightGradient(i)},
                                   {layer->bias, net.biasGradient(i)}}) {
            torch::Tensor grad = param.grad();
            if (grad.defined()) {
                slot.copy_(grad);
                param.mutable_grad() = torch::Tensor();
            } else {
                slot.zero_();
            }
        }
    }
}

// Clears autograd's gradients of `net` (a network that a loss reached but that this update does not move).
void dropGradients(MlpImpl& net) {
    for (const auto& layer : net.layers()) {
        layer->weight.mutable_grad() = torch::Tensor();
        layer->bias.mutable_grad() = torch::Tensor();
    }
}

// Per-sample L1 (sum of |d|) or L2 (sum of d^2) distance of two n x 2 batches, averaged.
torch::Tensor cycleDistance(const torch::Tensor& a, const torch::Tensor& b, CycleNorm norm) {
    const torch::Tensor d = a - b;
    return (norm == CycleNorm::L1 ? d.abs() : d * d).sum(1).mean();
}

// D's regularized loss on one domain: the objective's loss, plus GP / R1 when set.
torch::Tensor criticLoss(const CycleGanSpec& o, Mlp& d, const torch::Tensor& real, const torch::Tensor& fake,
                         at::Generator& penalty_gen) {
    torch::Tensor real_in = o.r1_gamma > 0 ? real.detach().requires_grad_(true) : real;
    const torch::Tensor f_real = d->forward(real_in).squeeze(1);
    const torch::Tensor f_fake = d->forward(fake).squeeze(1);
    torch::Tensor loss = discriminatorLoss(o.objective, f_real, f_fake);
    if (o.lipschitz == Lipschitz::GradientPenalty)
        loss = loss + gradientPenalty(asCritic(d), real, fake, o.gp_lambda, o.gp_one_sided, penalty_gen).penalty;
    if (o.r1_gamma > 0) loss = loss + r1Penalty(f_real, real_in, o.r1_gamma);
    return loss;
}

}  // namespace

CycleGanRun::CycleGanRun(const RunSpec& spec, uint64_t seed)
    : spec_(spec), seed_(seed), data_rng_(deriveSeed(seed, SeedStream::Data)),
      latent_rng_(deriveSeed(seed, SeedStream::Latent)),
      penalty_gen_(makeGenerator(deriveSeed(seed, SeedStream::Penalty))) {
    build(true);
}

void CycleGanRun::build(bool networks) {
    const CycleGanSpec& o = options();
    x_data_ = makeDistribution(o.domain_x);
    y_data_ = makeDistribution(o.domain_y);
    if (!networks) return;
    g_xy_ = Mlp(2 + o.g_noise_dim, 2, o.g_net);
    g_yx_ = Mlp(2 + o.g_noise_dim, 2, o.g_net);
    d_x_ = Mlp(2, 1, o.d_net);
    d_y_ = Mlp(2, 1, o.d_net);
    at::Generator g_gen = makeGenerator(deriveSeed(seed_, SeedStream::GeneratorInit));
    g_xy_->initialize(g_gen);
    g_yx_->initialize(g_gen);
    at::Generator d_gen = makeGenerator(deriveSeed(seed_, SeedStream::CriticInit));
    d_x_->initialize(d_gen);
    d_y_->initialize(d_gen);
    for (Mlp* d : {&d_x_, &d_y_}) (*d)->setSpectralNorm(o.lipschitz == Lipschitz::SpectralNorm);
    g_xy_opt_ = std::make_unique<FlatOptimizer>(o.g_opt, g_xy_->flatParameters().numel());
    g_yx_opt_ = std::make_unique<FlatOptimizer>(o.g_opt, g_yx_->flatParameters().numel());
    d_x_opt_ = std::make_unique<FlatOptimizer>(o.d_opt, d_x_->flatParameters().numel());
    d_y_opt_ = std::make_unique<FlatOptimizer>(o.d_opt, d_y_->flatParameters().numel());
    metrics_ = std::make_shared<MetricLog>();
}

torch::Tensor CycleGanRun::sampleDomain(const Distribution& domain, int n) {
    torch::Tensor out = torch::empty({n, 2});
    domain.sample(n, data_rng_, out.data_ptr<float>());
    return out;
}

torch::Tensor CycleGanRun::withNoise(const torch::Tensor& points, Rng& noise) const {
    const int dim = options().g_noise_dim;
    if (dim <= 0) return points;
    torch::Tensor z = torch::empty({points.size(0), dim});
    float* out = z.data_ptr<float>();
    for (int64_t i = 0; i < z.numel(); ++i) out[i] = static_cast<float>(noise.normal());
    return torch::cat({points, z}, 1);
}

void CycleGanRun::updateCritics() {
    const CycleGanSpec& o = options();
    const torch::Tensor x = sampleDomain(*x_data_, o.batch);
    const torch::Tensor y = sampleDomain(*y_data_, o.batch);
    torch::Tensor fake_x, fake_y;
    {
        torch::NoGradGuard no_grad;
        fake_y = g_xy_->forward(withNoise(x, latent_rng_));
        fake_x = g_yx_->forward(withNoise(y, latent_rng_));
    }
    if (o.lipschitz == Lipschitz::SpectralNorm) d_x_->powerIterate(), d_y_->powerIterate();
    const torch::Tensor loss = criticLoss(o, d_x_, x, fake_x, penalty_gen_) + criticLoss(o, d_y_, y, fake_y, penalty_gen_);
    const double value = loss.item<double>();
    if (!checkLoss(value, "the critics' loss")) return;
    loss.backward();
    for (auto [net, opt] : {std::pair<Mlp*, FlatOptimizer*>{&d_x_, d_x_opt_.get()}, {&d_y_, d_y_opt_.get()}}) {
        collectGradients(**net);
        opt->step((*net)->flatParameters(), (*net)->flatGradients());
        if (o.lipschitz == Lipschitz::WeightClip) clipWeights((*net)->parameters(), o.clip);
    }
    loss_d_sum_ += value;
    ++loss_d_count_;
}

void CycleGanRun::updateGenerators() {
    const CycleGanSpec& o = options();
    const torch::Tensor x = sampleDomain(*x_data_, o.batch);
    const torch::Tensor y = sampleDomain(*y_data_, o.batch);
    const torch::Tensor fake_y = g_xy_->forward(withNoise(x, latent_rng_));
    const torch::Tensor fake_x = g_yx_->forward(withNoise(y, latent_rng_));
    torch::Tensor f_real_x, f_real_y;
    {
        torch::NoGradGuard no_grad;
        f_real_x = d_x_->forward(x).squeeze(1);
        f_real_y = d_y_->forward(y).squeeze(1);
    }
    torch::Tensor loss = generatorLoss(o.objective, d_y_->forward(fake_y).squeeze(1), f_real_y) +
                         generatorLoss(o.objective, d_x_->forward(fake_x).squeeze(1), f_real_x);
    if (o.lambda_cyc > 0) {
        const torch::Tensor cycle = cycleDistance(g_yx_->forward(withNoise(fake_y, latent_rng_)), x, o.cycle_norm) +
                                    cycleDistance(g_xy_->forward(withNoise(fake_x, latent_rng_)), y, o.cycle_norm);
        loss = loss + o.lambda_cyc * cycle;
    }
    if (o.lambda_id > 0) {
        const torch::Tensor identity =
            cycleDistance(g_xy_->forward(withNoise(y, latent_rng_)), y, o.cycle_norm) +
            cycleDistance(g_yx_->forward(withNoise(x, latent_rng_)), x, o.cycle_norm);
        loss = loss + o.lambda_id * identity;
    }
    const double value = loss.item<double>();
    if (!checkLoss(value, "the generators' loss")) return;
    loss.backward();
    dropGradients(*d_x_);
    dropGradients(*d_y_);
    collectGradients(*g_xy_);
    g_xy_opt_->step(g_xy_->flatParameters(), g_xy_->flatGradients());
    collectGradients(*g_yx_);
    g_yx_opt_->step(g_yx_->flatParameters(), g_yx_->flatGradients());
    loss_g_sum_ += value;
    ++loss_g_count_;
}

void CycleGanRun::iterate(const Distribution*) {
    if (status_ != RunStatus::Running) return;
    for (int i = 0; i < options().k_d && status_ == RunStatus::Running; ++i) updateCritics();
    for (int i = 0; i < options().k_g && status_ == RunStatus::Running; ++i) updateGenerators();
    if (status_ == RunStatus::Diverged) return;
    ++step_;
    checkState();
}

void CycleGanRun::stepD(const Distribution*) {
    if (status_ == RunStatus::Diverged) return;
    updateCritics();
}

void CycleGanRun::stepG() {
    if (status_ == RunStatus::Diverged) return;
    updateGenerators();
}

void CycleGanRun::applySpec(const RunSpec& spec) {
    const CycleGanSpec& next = std::get<CycleGanSpec>(spec.options);
    const CycleGanSpec& now = options();
    const bool same_nets = next.g_net.hidden == now.g_net.hidden && next.d_net.hidden == now.d_net.hidden &&
                           next.g_noise_dim == now.g_noise_dim;
    const bool same_domains = next.domain_x == now.domain_x && next.domain_y == now.domain_y;
    spec_ = spec;
    if (!same_nets) {
        build(true);
        step_ = 0;
        return;
    }
    if (!same_domains) build(false);
    g_xy_->setActivation(next.g_net.activation);
    g_yx_->setActivation(next.g_net.activation);
    for (Mlp* d : {&d_x_, &d_y_}) {
        (*d)->setActivation(next.d_net.activation);
        (*d)->setSpectralNorm(next.lipschitz == Lipschitz::SpectralNorm);
    }
    for (FlatOptimizer* opt : {g_xy_opt_.get(), g_yx_opt_.get()}) opt->update(next.g_opt);
    for (FlatOptimizer* opt : {d_x_opt_.get(), d_y_opt_.get()}) opt->update(next.d_opt);
}

std::vector<float> CycleGanRun::translate(Mlp& net, const std::vector<float>& points, Rng& noise) {
    torch::NoGradGuard no_grad;
    const int64_t n = static_cast<int64_t>(points.size() / 2);
    const torch::Tensor in = torch::from_blob(const_cast<float*>(points.data()), {n, 2}).clone();
    const torch::Tensor out = net->forward(withNoise(in, noise)).contiguous();
    return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
}

std::vector<float> CycleGanRun::translateXY(const std::vector<float>& x, Rng& noise) {
    return translate(g_xy_, x, noise);
}

std::vector<float> CycleGanRun::translateYX(const std::vector<float>& y, Rng& noise) {
    return translate(g_yx_, y, noise);
}

std::vector<float> CycleGanRun::translateXY(const std::vector<float>& x) {
    Rng noise(deriveSeed(seed_, SeedStream::FixedFake));
    return translateXY(x, noise);
}

std::vector<float> CycleGanRun::translateYX(const std::vector<float>& y) {
    Rng noise(deriveSeed(seed_ + 1, SeedStream::FixedFake));
    return translateYX(y, noise);
}

torch::Tensor CycleGanRun::flatWeights() const {
    return torch::cat({g_xy_->flatParameters(), g_yx_->flatParameters(), d_x_->flatParameters(), d_y_->flatParameters()})
        .clone();
}

bool CycleGanRun::checkLoss(double loss, const char* which) {
    if (std::isfinite(loss)) return true;
    fail(std::string("NaN/Inf in ") + which + " at step " + std::to_string(step_));
    return false;
}

void CycleGanRun::pause() {
    if (status_ == RunStatus::Running) status_ = RunStatus::Paused;
}

void CycleGanRun::resume() {
    status_ = RunStatus::Running;
    reason_.clear();
}

void CycleGanRun::fail(const std::string& reason) {
    status_ = RunStatus::Diverged;
    reason_ = reason;
}

bool CycleGanRun::checkState() {
    for (const Mlp* net : {&g_xy_, &g_yx_, &d_x_, &d_y_}) {
        if (!torch::isfinite((*net)->flatParameters()).all().item<bool>()) {
            fail("NaN/Inf in the weights at step " + std::to_string(step_));
            return false;
        }
    }
    return true;
}

void CycleGanRun::reinitialize() {
    data_rng_ = Rng(deriveSeed(seed_, SeedStream::Data));
    latent_rng_ = Rng(deriveSeed(seed_, SeedStream::Latent));
    penalty_gen_ = makeGenerator(deriveSeed(seed_, SeedStream::Penalty));
    build(true);
    step_ = 0;
    loss_d_sum_ = loss_g_sum_ = 0;
    loss_d_count_ = loss_g_count_ = 0;
}

void CycleGanRun::injectNaN() {
    torch::NoGradGuard no_grad;
    g_xy_->flatParameters().fill_(std::numeric_limits<float>::quiet_NaN());
}

}  // namespace ganarium
