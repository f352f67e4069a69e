// gan_run_checkpoint.cpp — a toy GAN's checkpoint: both networks (flat
// parameters and spectral-norm vectors), both optimizers' state, the
// training streams (data, fixed generator, latent, penalty), the step, the
// running loss sums and the metric history length. The metric streams are
// reseeded from the step at each evaluation, so they need no saving; the
// display stream only picks what is drawn.
#include "train/gan_run.h"

namespace ganarium {

namespace {

// Everything a GanRun needs to continue from one step.
struct ToyGanCheckpoint final : RunCheckpoint {
    MlpImpl::State g, d;
    FlatOptimizer::State g_opt, d_opt;
    Rng data_rng, fixed_rng;
    torch::Tensor latent_state, penalty_state;
    double loss_d_sum = 0, loss_g_sum = 0;
    int64_t loss_d_count = 0, loss_g_count = 0;
    std::vector<bool> mode_covered;
};

size_t tensorBytes(const torch::Tensor& t) { return t.defined() ? static_cast<size_t>(t.nbytes()) : 0; }

size_t stateBytes(const MlpImpl::State& s) {
    size_t bytes = tensorBytes(s.parameters);
    for (const auto& t : s.sn_u) bytes += tensorBytes(t);
    for (const auto& t : s.sn_v) bytes += tensorBytes(t);
    return bytes;
}

}  // namespace

std::shared_ptr<const RunCheckpoint> GanRun::checkpoint() const {
    auto out = std::make_shared<ToyGanCheckpoint>();
    out->step = step_;
    out->metric_count = metrics_->size();
    out->g = g_->saveState();
    out->d = d_->saveState();
    out->g_opt = g_opt_->saveState();
    out->d_opt = d_opt_->saveState();
    out->data_rng = data_rng_;
    out->fixed_rng = fixed_rng_;
    out->latent_state = latent_gen_.get_state();
    out->penalty_state = penalty_gen_.get_state();
    out->loss_d_sum = loss_d_sum_;
    out->loss_g_sum = loss_g_sum_;
    out->loss_d_count = loss_d_count_;
    out->loss_g_count = loss_g_count_;
    out->mode_covered = mode_covered_;
    out->bytes = sizeof(ToyGanCheckpoint) + stateBytes(out->g) + stateBytes(out->d) + tensorBytes(out->g_opt.first) +
                 tensorBytes(out->g_opt.second) + tensorBytes(out->d_opt.first) + tensorBytes(out->d_opt.second) +
                 tensorBytes(out->latent_state) + tensorBytes(out->penalty_state);
    return out;
}

std::string GanRun::restore(const RunCheckpoint& checkpoint) {
    const auto* saved = dynamic_cast<const ToyGanCheckpoint*>(&checkpoint);
    if (!saved) return "the checkpoint belongs to another kind of run";
    const MlpImpl::State g_now = g_->saveState();
    if (!g_->restoreState(saved->g)) return "the generator's architecture changed since step " + std::to_string(saved->step);
    if (!d_->restoreState(saved->d)) {
        g_->restoreState(g_now);
        return "the discriminator's architecture changed since step " + std::to_string(saved->step);
    }
    g_opt_->restoreState(saved->g_opt);
    d_opt_->restoreState(saved->d_opt);
    data_rng_ = saved->data_rng;
    fixed_rng_ = saved->fixed_rng;
    latent_gen_.set_state(saved->latent_state);
    penalty_gen_.set_state(saved->penalty_state);
    loss_d_sum_ = saved->loss_d_sum;
    loss_g_sum_ = saved->loss_g_sum;
    loss_d_count_ = saved->loss_d_count;
    loss_g_count_ = saved->loss_g_count;
    mode_covered_ = saved->mode_covered;
    step_ = saved->step;
    status_ = RunStatus::Running;
    reason_.clear();
    has_gp_ = false;
    // A new log with the history up to the checkpoint: snapshots already published keep the old one.
    metrics_ = metricLogPrefix(MetricLogView(metrics_), saved->metric_count);
    return "";
}

}  // namespace ganarium
