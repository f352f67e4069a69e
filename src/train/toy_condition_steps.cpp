// toy_condition_steps.cpp — the conditional toy GAN's D and G steps
// (lecture section 8): G(z, y) and D(x, y), y a one-hot of the data's
// mixture component. Real batches carry the component each sample came
// from; G's labels are drawn from the component weights with the latent
// stream; with mismatched pairs, real x under a wrong y (from the run's
// label stream) join the fakes as negatives, so the fake side of D's loss
// is the mean over generated and mismatched rows (GAN-CLS weighting: 1/2
// each). Penalised steps (GP, R1) take the autograd path; the penalties
// judge x under the real sample's label.
#include <cmath>

#include "train/gan_run.h"
#include "train/objectives.h"
#include "train/score_gradients.h"
#include "train/toy_remedies.h"
#include "train/work_buffer.h"

namespace ganarium {

torch::Tensor GanRun::criticScores(const torch::Tensor& x, const torch::Tensor& labels) {
    if (conditionCount() == 0) return d_->forward(repeatForPack(x, options().pack));
    const torch::Tensor y = labels.defined() ? labels : condition_.nearestLabels(x);
    return d_->forward(condition_.withOneHot(x, y));
}

CriticFn GanRun::pointCritic() {
    return [this](const torch::Tensor& x) { return criticScores(x); };
}

torch::Tensor GanRun::sampleRealLabelled(const Distribution& data, int64_t n, Rng& rng, torch::Tensor* labels) const {
    if (labels) *labels = torch::Tensor();
    if (conditionCount() == 0 || !labels) return sampleReal(data, n, rng);
    torch::Tensor out = torch::empty({n, data.dim()});
    std::vector<int> components(static_cast<size_t>(n));
    data.sampleLabelled(static_cast<int>(n), rng, out.data_ptr<float>(), components.data());
    *labels = torch::tensor(std::vector<int64_t>(components.begin(), components.end()), torch::kLong);
    return out;
}

int64_t GanRun::mismatchedRows() const { return options().mismatched_pairs ? options().batch : 0; }

void GanRun::stepDConditional(const Distribution& data) {
    if (options().lipschitz == Lipschitz::GradientPenalty || options().r1_gamma > 0) return stepDConditionalAutograd(data);
    if (d_->spectralNorm()) d_->powerIterate();
    c10::InferenceMode inference;
    ConditionBuffers& w = condition_work_;
    const int64_t n = options().batch, m = mismatchedRows(), k = conditionCount(), width = dim_ + k;
    const int latent_dim = options().latent_dim;
    // Real rows and their components (the same draws as an unconditional run's batch).
    ensureBuffer(w.real, n, dim_);
    w.sampled.resize(static_cast<size_t>(n));
    data.sampleLabelled(static_cast<int>(n), data_rng_, w.real.data_ptr<float>(), w.sampled.data());
    const std::vector<int64_t> real_labels(w.sampled.begin(), w.sampled.end());
    // Fake rows G(z, y), y from the component weights.
    drawLatent(work_.z_d, latent_gen_);
    const torch::Tensor fake_labels = condition_.drawLabels(n, latent_gen_);
    ensureBuffer(w.g_input, n, latent_dim + k);
    condition_.writeRows(work_.z_d.data_ptr<float>(), fake_labels.data_ptr<int64_t>(), n, latent_dim,
                         w.g_input.data_ptr<float>());
    ensureBuffer(w.fake, n, dim_);
    work_.g.load();
    work_.g.forward(w.g_input, w.fake);
    // D's rows: [real, y], [G(z, y), y], then [real, wrong y].
    ensureBuffer(w.d_input, 2 * n + m, width);
    float* rows = w.d_input.data_ptr<float>();
    condition_.writeRows(w.real.data_ptr<float>(), real_labels.data(), n, dim_, rows);
    condition_.writeRows(w.fake.data_ptr<float>(), fake_labels.data_ptr<int64_t>(), n, dim_, rows + n * width);
    if (m > 0) {
        std::vector<int64_t> wrong(real_labels.size());
        for (size_t i = 0; i < wrong.size(); ++i) wrong[i] = condition_.wrongLabel(real_labels[i], label_rng_);
        condition_.writeRows(w.real.data_ptr<float>(), wrong.data(), n, dim_, rows + 2 * n * width);
    }
    work_.d.load();
    const torch::Tensor& f = work_.d.forward(w.d_input);
    ensureBuffer(work_.d_score_grad, 2 * n + m, 1);
    const double loss = discriminatorLossGradient(options().objective, f.data_ptr<float>(), n, n + m,
                                                  work_.d_score_grad.data_ptr<float>());
    work_.d.backward(work_.d_score_grad, /*weights=*/true, /*input=*/false);
    work_.d.finishGradients();
    finishStepD(loss, loss);
}

// The penalised conditional D step through autograd: GP interpolates and R1 are judged under the real labels.
void GanRun::stepDConditionalAutograd(const Distribution& data) {
    const int64_t n = options().batch, m = mismatchedRows();
    torch::Tensor real_labels;
    torch::Tensor real = sampleRealLabelled(data, n, data_rng_, &real_labels);
    const torch::Tensor g_input = sampleLatent(n, latent_gen_);
    const torch::Tensor fake_labels = condition_.labelsOf(g_input);
    torch::Tensor fake;
    {
        torch::NoGradGuard no_grad;
        fake = g_->forward(g_input);
    }
    if (d_->spectralNorm()) d_->powerIterate();
    const bool r1 = options().r1_gamma > 0;
    if (r1) real.requires_grad_(true);
    const torch::Tensor f_real = criticScores(real, real_labels);
    torch::Tensor f_fake = criticScores(fake, fake_labels);
    if (m > 0) {
        torch::Tensor wrong = torch::empty({n}, torch::kLong);
        const int64_t* y = real_labels.data_ptr<int64_t>();
        int64_t* out = wrong.data_ptr<int64_t>();
        for (int64_t i = 0; i < n; ++i) out[i] = condition_.wrongLabel(y[i], label_rng_);
        f_fake = torch::cat({f_fake, criticScores(real.detach(), wrong)}, 0);
    }
    const torch::Tensor loss = discriminatorLoss(options().objective, f_real, f_fake);
    const CriticFn critic = [this, real_labels](const torch::Tensor& x) { return criticScores(x, real_labels); };
    const torch::Tensor total = withCriticPenalties(loss, critic, real, fake, f_real, r1);
    storeCriticGradients(torch::autograd::grad({total}, d_->parameters()));
    finishStepD(loss.item<double>(), total.item<double>());
}

void GanRun::stepGConditional() {
    if (fixed_ || status_ == RunStatus::Diverged) return;
    c10::InferenceMode inference;
    ConditionBuffers& w = condition_work_;
    const int64_t n = options().batch, k = conditionCount();
    const int latent_dim = options().latent_dim;
    drawLatent(work_.z_g, latent_gen_);
    const torch::Tensor labels = condition_.drawLabels(n, latent_gen_);
    const int64_t* y = labels.data_ptr<int64_t>();
    ensureBuffer(w.g_input, n, latent_dim + k);
    condition_.writeRows(work_.z_g.data_ptr<float>(), y, n, latent_dim, w.g_input.data_ptr<float>());
    work_.g.load();
    const torch::Tensor& x = work_.g.forward(w.g_input);
    ensureBuffer(w.d_input_g_step, n, dim_ + k);
    condition_.writeRows(x.data_ptr<float>(), y, n, dim_, w.d_input_g_step.data_ptr<float>());
    work_.d_in_g_step.load();
    const torch::Tensor& f = work_.d_in_g_step.forward(w.d_input_g_step);
    ensureBuffer(work_.g_score_grad, n, 1);
    const double loss = generatorLossGradient(options().objective, f.data_ptr<float>(), n, work_.g_score_grad.data_ptr<float>());
    // dLoss/d[x, y]: only the x columns flow back into G.
    const torch::Tensor dxy = work_.d_in_g_step.backward(work_.g_score_grad, /*weights=*/false, /*input=*/true);
    ensureBuffer(w.g_output_grad, n, dim_);
    w.g_output_grad.copy_(dxy.narrow(1, 0, dim_));
    work_.g.backward(w.g_output_grad, /*weights=*/true, /*input=*/false);
    g_opt_->step(g_->flatParameters(), g_->flatGradients());
    if (!std::isfinite(loss)) return diverge("loss_g", loss);
    loss_g_sum_ += loss;
    ++loss_g_count_;
}

}  // namespace ganarium
