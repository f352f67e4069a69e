// gan_run_steps.cpp — a run's D and G updates: the manual pass (mlp_pass.h)
// over the run's reused buffers, the hand-written penalties, the flat
// optimizers; the autograd D step for penalties on smooth activations.
#include <cmath>

#include "train/gan_run.h"
#include "train/objectives.h"
#include "train/score_gradients.h"
#include "train/toy_remedies.h"
#include "train/work_buffer.h"

namespace ganarium {

void GanRun::drawLatent(torch::Tensor& z, at::Generator& gen) const {
    ensureBuffer(z, options().batch, options().latent_dim);
    // The same draws as sampleLatent(): randn is normal_(0, 1), rand * 2 - 1 is uniform_(-1, 1).
    if (options().latent == LatentKind::Uniform) {
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
    if (options().lipschitz == Lipschitz::GradientPenalty) {
        const torch::Tensor& g = work_.d.inputGradient(2 * n, n);
        const torch::Tensor norms = emptyBuffer({n});
        const double penalty = gradientPenaltyFromGradients(g.data_ptr<float>(), n, dim, options().gp_lambda,
                                                            options().gp_one_sided, norms.data_ptr<float>(), grad);
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
    if (options().r1_gamma > 0) {
        const torch::Tensor& g = work_.d.inputGradient(0, n);
        total += r1PenaltyFromGradients(g.data_ptr<float>(), n, dim, options().r1_gamma, grad);
        work_.d.penaltyBackward(work_.penalty_grad);
    }
    return total;
}

void GanRun::stepD(const Distribution& data) {
    if (status_ == RunStatus::Diverged) return;
    if (conditionCount() > 0) return stepDConditional(data);  // toy_condition_steps.cpp
    if (remediesActive(options())) return stepDRemedies(data);
    const bool gp = options().lipschitz == Lipschitz::GradientPenalty;
    const bool penalised = gp || options().r1_gamma > 0;
    if (penalised && !work_.d.piecewiseLinear()) return stepDAutograd(data);
    // Before InferenceMode: the power-iteration vectors are used later by autograd (snapshots, metrics).
    if (d_->spectralNorm()) d_->powerIterate();
    c10::InferenceMode inference;
    const int64_t n = options().batch, dim = dim_;
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
    const double loss = discriminatorLossGradient(options().objective, f.data_ptr<float>(), n, n,
                                                  work_.d_score_grad.data_ptr<float>());
    work_.d.backward(work_.d_score_grad, /*weights=*/true, /*input=*/false);
    const double total = penalised ? loss + criticPenalties(x, n) : loss;
    work_.d.finishGradients();
    finishStepD(loss, total);
}

// The original autograd step, kept for gradient penalties on a D with a smooth activation (whose double
// backward also reaches the biases through the activation's curvature).
void GanRun::stepDAutograd(const Distribution& data) {
    torch::Tensor real = sampleReal(data, options().batch, data_rng_);
    const torch::Tensor fake = sampleFake(options().batch, latent_gen_, fixed_rng_);
    if (d_->spectralNorm()) d_->powerIterate();
    const bool r1 = options().r1_gamma > 0;
    if (r1) real.requires_grad_(true);
    const torch::Tensor f_both = d_->forward(torch::cat({real, fake}, 0));
    const torch::Tensor f_real = f_both.slice(0, 0, real.size(0));
    const torch::Tensor f_fake = f_both.slice(0, real.size(0));
    const torch::Tensor loss = discriminatorLoss(options().objective, f_real, f_fake);
    const torch::Tensor total = withCriticPenalties(loss, asCritic(d_), real, fake, f_real, r1);
    storeCriticGradients(torch::autograd::grad({total}, d_->parameters()));
    finishStepD(loss.item<double>(), total.item<double>());
}

torch::Tensor GanRun::withCriticPenalties(const torch::Tensor& loss, const CriticFn& critic, const torch::Tensor& real,
                                          const torch::Tensor& fake, const torch::Tensor& f_real, bool r1) {
    torch::Tensor total = loss;
    if (options().lipschitz == Lipschitz::GradientPenalty) {
        last_gp_ = gradientPenalty(critic, real, fake, options().gp_lambda, options().gp_one_sided, penalty_gen_);
        has_gp_ = true;
        total = total + last_gp_.penalty;
    }
    if (r1) total = total + r1Penalty(f_real, real, options().r1_gamma);
    return total;
}

void GanRun::storeCriticGradients(const std::vector<torch::Tensor>& grads) {
    torch::NoGradGuard no_grad;
    const size_t count = d_->parameters().size();
    for (size_t i = 0; i < count && i < grads.size(); ++i) {
        const size_t layer = i / 2;
        torch::Tensor slot = i % 2 == 0 ? d_->weightGradient(layer) : d_->biasGradient(layer);
        slot.copy_(grads[i]);
    }
}

// Applies D's gradients, clips, and checks the step's loss values.
void GanRun::finishStepD(double loss, double total) {
    {
        c10::InferenceMode inference;
        d_opt_->step(d_->flatParameters(), d_->flatGradients());
        if (options().lipschitz == Lipschitz::WeightClip) d_->flatParameters().clamp_(-options().clip, options().clip);
    }
    if (!std::isfinite(loss)) return diverge("loss_d", loss);
    if (!std::isfinite(total)) return diverge("loss_d (with penalty)", total);
    loss_d_sum_ += loss;
    ++loss_d_count_;
}

void GanRun::stepG() {
    if (fixed_ || status_ == RunStatus::Diverged) return;
    if (conditionCount() > 0) return stepGConditional();  // toy_condition_steps.cpp
    if (remediesActive(options())) return stepGRemedies();
    c10::InferenceMode inference;
    drawLatent(work_.z_g, latent_gen_);
    work_.g.load();
    const torch::Tensor& x = work_.g.forward(work_.z_g);
    work_.d_in_g_step.load();
    const torch::Tensor& f = work_.d_in_g_step.forward(x);
    ensureBuffer(work_.g_score_grad, options().batch, 1);
    const double loss =
        generatorLossGradient(options().objective, f.data_ptr<float>(), options().batch, work_.g_score_grad.data_ptr<float>());
    // D's weight gradients are not needed: only dLoss/dx flows back into G.
    const torch::Tensor dx = work_.d_in_g_step.backward(work_.g_score_grad, /*weights=*/false, /*input=*/true);
    work_.g.backward(dx, /*weights=*/true, /*input=*/false);
    g_opt_->step(g_->flatParameters(), g_->flatGradients());
    if (!std::isfinite(loss)) return diverge("loss_g", loss);
    loss_g_sum_ += loss;
    ++loss_g_count_;
}

}  // namespace ganarium
