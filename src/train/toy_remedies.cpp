// toy_remedies.cpp — the remedy helpers, and a GanRun's D and G steps when a
// remedy is on (autograd through D's torch forward; see toy_remedies.h).
#include "train/toy_remedies.h"

#include <algorithm>
#include <cmath>

#include "train/gan_run.h"
#include "train/objectives.h"

namespace ganarium {

int criticInputWidth(const ToyGanSpec& run, int dim) { return dim * std::max(1, run.pack); }

double instanceNoiseSigma(const ToyGanSpec& run, int64_t step) {
    if (run.instance_noise <= 0 || run.instance_noise_steps <= 0) return 0.0;
    const double left = 1.0 - static_cast<double>(step) / static_cast<double>(run.instance_noise_steps);
    return run.instance_noise * std::max(0.0, left);
}

torch::Tensor addInstanceNoise(const torch::Tensor& x, double sigma, at::Generator& gen) {
    if (sigma <= 0) return x;
    return x + sigma * torch::randn(x.sizes(), gen);
}

torch::Tensor packSamples(const torch::Tensor& x, int pack) {
    if (pack <= 1) return x;
    return x.reshape({x.size(0) / pack, pack * x.size(1)});
}

torch::Tensor repeatForPack(const torch::Tensor& x, int pack) { return pack <= 1 ? x : x.repeat({1, pack}); }

torch::Tensor featureMatchingLoss(const torch::Tensor& real_mean, const torch::Tensor& fake_features) {
    return (real_mean - fake_features.mean(0)).pow(2).sum();
}

torch::Tensor GanRun::remedyCritic(const torch::Tensor& x, torch::Tensor* features) {
    const torch::Tensor h = d_->hidden(x);
    if (features) *features = h;
    torch::Tensor f = d_->head(h);
    if (mbd_) f = f + mbd_->scores(h);
    return f;
}

void GanRun::stepDRemedies(const Distribution& data) {
    const ToyGanSpec& o = options();
    const int64_t rows = static_cast<int64_t>(o.batch) * o.pack;
    const double sigma = instanceNoiseSigma(o, step_);
    torch::Tensor real = packSamples(addInstanceNoise(sampleReal(data, rows, data_rng_), sigma, penalty_gen_), o.pack);
    const torch::Tensor fake_points = sampleFake(rows, latent_gen_, fixed_rng_);
    const torch::Tensor fake = packSamples(addInstanceNoise(fake_points, sigma, penalty_gen_), o.pack);
    if (d_->spectralNorm()) d_->powerIterate();
    const bool r1 = o.r1_gamma > 0;
    if (r1) real.requires_grad_(true);
    torch::Tensor real_features;
    const torch::Tensor f_real = remedyCritic(real, &real_features);
    const torch::Tensor f_fake = remedyCritic(fake);
    // Feature matching's target: the real features of this step (Salimans et al. take them from the same pass).
    if (o.feature_matching) real_feature_mean_ = real_features.detach().mean(0);
    const torch::Tensor loss = discriminatorLoss(o.objective, f_real, f_fake);
    const CriticFn critic = [this](const torch::Tensor& x) { return remedyCritic(x); };
    const torch::Tensor total = withCriticPenalties(loss, critic, real.detach(), fake, f_real, r1);
    has_gp_ = has_gp_ && o.pack == 1;  // the GP view draws the pairs as points: packs are not points
    std::vector<torch::Tensor> params = d_->parameters();
    const size_t d_count = params.size();
    if (mbd_) {
        for (const torch::Tensor& p : mbd_->parameters()) params.push_back(p);
    }
    const auto grads = torch::autograd::grad({total}, params);
    storeCriticGradients(grads);
    if (mbd_) {
        torch::NoGradGuard no_grad;
        mbd_->step({grads[d_count], grads[d_count + 1]});
    }
    finishStepD(loss.item<double>(), total.item<double>());
}

void GanRun::stepGRemedies() {
    const ToyGanSpec& o = options();
    const int64_t rows = static_cast<int64_t>(o.batch) * o.pack;
    const torch::Tensor z = sampleLatent(rows, latent_gen_);
    const torch::Tensor x = addInstanceNoise(g_->forward(z), instanceNoiseSigma(o, step_), penalty_gen_);
    torch::Tensor features;
    const torch::Tensor f = remedyCritic(packSamples(x, o.pack), &features);
    // Feature matching needs a D step first (its real target); until then G takes the objective's loss.
    const bool matching = o.feature_matching && real_feature_mean_.defined() &&
                          real_feature_mean_.numel() == features.size(1);
    const torch::Tensor loss = matching ? featureMatchingLoss(real_feature_mean_, features) : generatorLoss(o.objective, f);
    const auto params = g_->parameters();
    const auto grads = torch::autograd::grad({loss}, params);
    {
        torch::NoGradGuard no_grad;
        for (size_t i = 0; i < params.size(); ++i) {
            const size_t layer = i / 2;
            torch::Tensor slot = i % 2 == 0 ? g_->weightGradient(layer) : g_->biasGradient(layer);
            slot.copy_(grads[i]);
        }
        g_opt_->step(g_->flatParameters(), g_->flatGradients());
    }
    const double value = loss.item<double>();
    if (!std::isfinite(value)) return diverge("loss_g", value);
    loss_g_sum_ += value;
    ++loss_g_count_;
}

void GanRun::stepGUnrolled(const Distribution& data) {
    // D (and its minibatch layer) takes unrolled_steps more steps; G's update reads that D; then D returns
    // to where it was. First order: G's gradient does not flow back through D's updates.
    const MlpImpl::State d_saved = d_->saveState();
    const FlatOptimizer::State opt_saved = d_opt_->saveState();
    MinibatchDiscrimination::State mbd_saved;
    if (mbd_) mbd_saved = mbd_->saveState();
    const torch::Tensor real_feature_mean = real_feature_mean_;
    const double loss_d_sum = loss_d_sum_;
    const int64_t loss_d_count = loss_d_count_;
    for (int i = 0; i < options().unrolled_steps && status_ != RunStatus::Diverged; ++i) stepDRemedies(data);
    if (status_ != RunStatus::Diverged) stepGRemedies();
    d_->restoreState(d_saved);
    d_opt_->restoreState(opt_saved);
    if (mbd_) mbd_->restoreState(mbd_saved);
    real_feature_mean_ = real_feature_mean;
    loss_d_sum_ = loss_d_sum;
    loss_d_count_ = loss_d_count;
}

}  // namespace ganarium
