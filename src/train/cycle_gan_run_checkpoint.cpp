// cycle_gan_run_checkpoint.cpp — a toy CycleGAN's checkpoint: the four
// networks (flat parameters and spectral-norm vectors) and their optimizers'
// state, the training streams (data, G's noise, penalty), the step, the running loss
// sums and the metric history length. Metric and display streams are
// reseeded from the step or fixed, so they need no saving.
#include <array>

#include "core/errors.h"
#include "train/checkpoint_state.h"
#include "train/cycle_gan_run.h"

namespace ganarium {
namespace {

// The networks in checkpoint order, with their entry prefixes.
constexpr std::array<const char*, 4> kNetNames = {"g_xy", "g_yx", "d_x", "d_y"};

// Everything a CycleGanRun needs to continue from one step.
struct CycleGanCheckpoint final : RunCheckpoint {
    std::array<MlpImpl::State, 4> nets;
    std::array<FlatOptimizer::State, 4> optimizers;
    Rng data_rng;
    Rng latent_rng;
    torch::Tensor penalty_state;
    double loss_d_sum = 0, loss_g_sum = 0;
    int64_t loss_d_count = 0, loss_g_count = 0;

    void write(CheckpointState& out) const override;
};

size_t tensorBytes(const torch::Tensor& t) { return t.defined() ? static_cast<size_t>(t.nbytes()) : 0; }

size_t checkpointBytes(const CycleGanCheckpoint& c) {
    size_t bytes = sizeof(CycleGanCheckpoint) + tensorBytes(c.penalty_state);
    for (const auto& net : c.nets) {
        bytes += tensorBytes(net.parameters);
        for (const auto& t : net.sn_u) bytes += tensorBytes(t);
        for (const auto& t : net.sn_v) bytes += tensorBytes(t);
    }
    for (const auto& opt : c.optimizers) bytes += tensorBytes(opt.first) + tensorBytes(opt.second);
    return bytes;
}

void CycleGanCheckpoint::write(CheckpointState& out) const {
    for (size_t i = 0; i < kNetNames.size(); ++i) {
        const std::string net = kNetNames[i], opt = net + "_opt";
        out.put(net + "_parameters", nets[i].parameters);
        out.putList(net + "_sn_u", nets[i].sn_u);
        out.putList(net + "_sn_v", nets[i].sn_v);
        out.putInt(opt + "_kind", static_cast<int64_t>(optimizers[i].kind));
        out.put(opt + "_first", optimizers[i].first);
        out.put(opt + "_second", optimizers[i].second);
        out.putInt(opt + "_steps", optimizers[i].steps);
    }
    out.putText("data_rng", data_rng.state());
    out.putText("latent_rng", latent_rng.state());
    out.put("penalty_state", penalty_state);
    out.putDouble("loss_d_sum", loss_d_sum);
    out.putDouble("loss_g_sum", loss_g_sum);
    out.putInt("loss_d_count", loss_d_count);
    out.putInt("loss_g_count", loss_g_count);
}

}  // namespace

std::shared_ptr<const RunCheckpoint> CycleGanRun::checkpoint() const {
    auto out = std::make_shared<CycleGanCheckpoint>();
    out->step = step_;
    out->metric_count = metrics_->size();
    out->history = MetricLogView(metrics_);
    const std::array<const Mlp*, 4> nets = {&g_xy_, &g_yx_, &d_x_, &d_y_};
    const std::array<const FlatOptimizer*, 4> opts = {g_xy_opt_.get(), g_yx_opt_.get(), d_x_opt_.get(), d_y_opt_.get()};
    for (size_t i = 0; i < nets.size(); ++i) {
        out->nets[i] = (*nets[i])->saveState();
        out->optimizers[i] = opts[i]->saveState();
    }
    out->data_rng = data_rng_;
    out->latent_rng = latent_rng_;
    out->penalty_state = penalty_gen_.get_state();
    out->loss_d_sum = loss_d_sum_;
    out->loss_g_sum = loss_g_sum_;
    out->loss_d_count = loss_d_count_;
    out->loss_g_count = loss_g_count_;
    out->bytes = checkpointBytes(*out);
    return out;
}

std::string CycleGanRun::restore(const RunCheckpoint& checkpoint) {
    const auto* saved = dynamic_cast<const CycleGanCheckpoint*>(&checkpoint);
    if (!saved) return "the checkpoint belongs to another kind of run";
    const std::array<Mlp*, 4> nets = {&g_xy_, &g_yx_, &d_x_, &d_y_};
    std::array<MlpImpl::State, 4> now;
    for (size_t i = 0; i < nets.size(); ++i) now[i] = (*nets[i])->saveState();
    for (size_t i = 0; i < nets.size(); ++i) {
        if ((*nets[i])->restoreState(saved->nets[i])) continue;
        for (size_t j = 0; j < i; ++j) (*nets[j])->restoreState(now[j]);
        return std::string("network ") + kNetNames[i] + "'s architecture changed since step " + std::to_string(saved->step);
    }
    const std::array<FlatOptimizer*, 4> opts = {g_xy_opt_.get(), g_yx_opt_.get(), d_x_opt_.get(), d_y_opt_.get()};
    for (size_t i = 0; i < opts.size(); ++i) opts[i]->restoreState(saved->optimizers[i]);
    data_rng_ = saved->data_rng;
    latent_rng_ = saved->latent_rng;
    penalty_gen_.set_state(saved->penalty_state);
    loss_d_sum_ = saved->loss_d_sum;
    loss_g_sum_ = saved->loss_g_sum;
    loss_d_count_ = saved->loss_d_count;
    loss_g_count_ = saved->loss_g_count;
    step_ = saved->step;
    status_ = RunStatus::Running;
    reason_.clear();
    // A new log with the history up to the checkpoint: snapshots already published keep the old one.
    metrics_ = metricLogPrefix(saved->history, saved->metric_count);
    return "";
}

std::shared_ptr<const RunCheckpoint> CycleGanRun::readCheckpoint(const CheckpointState& in, int64_t step,
                                                                 MetricLogView history) const {
    auto out = std::make_shared<CycleGanCheckpoint>();
    out->step = step;
    out->metric_count = history.size();
    out->history = std::move(history);
    for (size_t i = 0; i < kNetNames.size(); ++i) {
        const std::string net = kNetNames[i], opt = net + "_opt";
        out->nets[i].parameters = in.get(net + "_parameters");
        out->nets[i].sn_u = in.getList(net + "_sn_u");
        out->nets[i].sn_v = in.getList(net + "_sn_v");
        out->optimizers[i].kind = static_cast<OptimizerKind>(in.getInt(opt + "_kind"));
        if (in.has(opt + "_first")) out->optimizers[i].first = in.get(opt + "_first");
        if (in.has(opt + "_second")) out->optimizers[i].second = in.get(opt + "_second");
        out->optimizers[i].steps = in.getInt(opt + "_steps");
    }
    if (!out->data_rng.setState(in.getText("data_rng")))
        throw UserError(in.source() + ": entry 'data_rng' is not a random stream's state; the file is damaged. Pick another step.");
    // Files written before G had a noise input lack the latent stream; the default one is right for them.
    if (in.has("latent_rng") && !out->latent_rng.setState(in.getText("latent_rng")))
        throw UserError(in.source() + ": entry 'latent_rng' is not a random stream's state; the file is damaged. Pick another step.");
    out->penalty_state = in.get("penalty_state");
    out->loss_d_sum = in.getDouble("loss_d_sum");
    out->loss_g_sum = in.getDouble("loss_g_sum");
    out->loss_d_count = in.getInt("loss_d_count");
    out->loss_g_count = in.getInt("loss_g_count");
    out->bytes = checkpointBytes(*out);
    return out;
}

}  // namespace ganarium
