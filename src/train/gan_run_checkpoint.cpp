// gan_run_checkpoint.cpp — a toy GAN's checkpoint: both networks (flat
// parameters and spectral-norm vectors), both optimizers' state, the
// training streams (data, fixed generator, latent, penalty, label), the step, the
// running loss sums and the metric history length. The metric streams are
// reseeded from the step at each evaluation, so they need no saving; the
// display stream only picks what is drawn.
#include "train/gan_run.h"

#include "core/errors.h"
#include "train/checkpoint_state.h"
#include "train/seeds.h"

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
    Rng label_rng;  // conditional runs: the wrong labels of mismatched pairs
    // Mode-collapse remedies (absent when off): D's minibatch layer, feature matching's real target.
    bool has_minibatch_layer = false;
    MinibatchDiscrimination::State minibatch_layer;
    torch::Tensor real_feature_mean;

    void write(CheckpointState& out) const override;
};

void writeMlp(CheckpointState& out, const std::string& prefix, const MlpImpl::State& s) {
    out.put(prefix + "_parameters", s.parameters);
    out.putList(prefix + "_sn_u", s.sn_u);
    out.putList(prefix + "_sn_v", s.sn_v);
}

MlpImpl::State readMlp(const CheckpointState& in, const std::string& prefix) {
    MlpImpl::State s;
    s.parameters = in.get(prefix + "_parameters");
    s.sn_u = in.getList(prefix + "_sn_u");
    s.sn_v = in.getList(prefix + "_sn_v");
    return s;
}

void writeOptimizer(CheckpointState& out, const std::string& prefix, const FlatOptimizer::State& s) {
    out.putInt(prefix + "_kind", static_cast<int64_t>(s.kind));
    out.put(prefix + "_first", s.first);
    out.put(prefix + "_second", s.second);
    out.putInt(prefix + "_steps", s.steps);
}

FlatOptimizer::State readOptimizer(const CheckpointState& in, const std::string& prefix) {
    FlatOptimizer::State s;
    s.kind = static_cast<OptimizerKind>(in.getInt(prefix + "_kind"));
    if (in.has(prefix + "_first")) s.first = in.get(prefix + "_first");
    if (in.has(prefix + "_second")) s.second = in.get(prefix + "_second");
    s.steps = in.getInt(prefix + "_steps");
    return s;
}

Rng readRng(const CheckpointState& in, const std::string& key) {
    Rng rng;
    if (!rng.setState(in.getText(key)))
        throw UserError(in.source() + ": entry '" + key + "' is not a random stream's state; the file is damaged. Pick another step.");
    return rng;
}

void ToyGanCheckpoint::write(CheckpointState& out) const {
    writeMlp(out, "g", g);
    writeMlp(out, "d", d);
    writeOptimizer(out, "g_opt", g_opt);
    writeOptimizer(out, "d_opt", d_opt);
    out.putText("data_rng", data_rng.state());
    out.putText("fixed_rng", fixed_rng.state());
    out.put("latent_state", latent_state);
    out.put("penalty_state", penalty_state);
    out.putDouble("loss_d_sum", loss_d_sum);
    out.putDouble("loss_g_sum", loss_g_sum);
    out.putInt("loss_d_count", loss_d_count);
    out.putInt("loss_g_count", loss_g_count);
    torch::Tensor covered = torch::zeros({static_cast<int64_t>(mode_covered.size())}, torch::kUInt8);
    for (size_t i = 0; i < mode_covered.size(); ++i) covered[static_cast<int64_t>(i)] = mode_covered[i] ? 1 : 0;
    out.put("mode_covered", covered);
    out.putText("label_rng", label_rng.state());
    if (has_minibatch_layer) {
        out.put("mbd_parameters", minibatch_layer.parameters);
        writeOptimizer(out, "mbd_opt", minibatch_layer.optimizer);
    }
    if (real_feature_mean.defined()) out.put("real_feature_mean", real_feature_mean);
}

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
    out->history = MetricLogView(metrics_);
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
    out->label_rng = label_rng_;
    if (mbd_) {
        out->has_minibatch_layer = true;
        out->minibatch_layer = mbd_->saveState();
    }
    if (real_feature_mean_.defined()) out->real_feature_mean = real_feature_mean_.clone();
    out->bytes = sizeof(ToyGanCheckpoint) + stateBytes(out->g) + stateBytes(out->d) + tensorBytes(out->g_opt.first) +
                 tensorBytes(out->g_opt.second) + tensorBytes(out->d_opt.first) + tensorBytes(out->d_opt.second) +
                 tensorBytes(out->latent_state) + tensorBytes(out->penalty_state);
    return out;
}

std::string GanRun::restore(const RunCheckpoint& checkpoint) {
    const auto* saved = dynamic_cast<const ToyGanCheckpoint*>(&checkpoint);
    if (!saved) return "the checkpoint belongs to another kind of run";
    const MlpImpl::State g_now = g_->saveState();
    const MlpImpl::State d_now = d_->saveState();
    if (!g_->restoreState(saved->g)) return "the generator's architecture changed since step " + std::to_string(saved->step);
    if (!d_->restoreState(saved->d)) {
        g_->restoreState(g_now);
        return "the discriminator's architecture changed since step " + std::to_string(saved->step);
    }
    if (mbd_ && !(saved->has_minibatch_layer && mbd_->restoreState(saved->minibatch_layer))) {
        g_->restoreState(g_now);
        d_->restoreState(d_now);
        return "the discriminator's minibatch layer changed since step " + std::to_string(saved->step);
    }
    real_feature_mean_ = saved->real_feature_mean.defined() ? saved->real_feature_mean.clone() : torch::Tensor();
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
    label_rng_ = saved->label_rng;
    step_ = saved->step;
    status_ = RunStatus::Running;
    reason_.clear();
    has_gp_ = false;
    // A new log with the history up to the checkpoint: snapshots already published keep the old one.
    metrics_ = metricLogPrefix(saved->history, saved->metric_count);
    return "";
}

std::shared_ptr<const RunCheckpoint> GanRun::readCheckpoint(const CheckpointState& in, int64_t step,
                                                            MetricLogView history) const {
    auto out = std::make_shared<ToyGanCheckpoint>();
    out->step = step;
    out->metric_count = history.size();
    out->history = std::move(history);
    out->g = readMlp(in, "g");
    out->d = readMlp(in, "d");
    out->g_opt = readOptimizer(in, "g_opt");
    out->d_opt = readOptimizer(in, "d_opt");
    out->data_rng = readRng(in, "data_rng");
    out->fixed_rng = readRng(in, "fixed_rng");
    out->latent_state = in.get("latent_state");
    out->penalty_state = in.get("penalty_state");
    out->loss_d_sum = in.getDouble("loss_d_sum");
    out->loss_g_sum = in.getDouble("loss_g_sum");
    out->loss_d_count = in.getInt("loss_d_count");
    out->loss_g_count = in.getInt("loss_g_count");
    const torch::Tensor covered = in.get("mode_covered").to(torch::kUInt8).contiguous();
    for (int64_t i = 0; i < covered.numel(); ++i) out->mode_covered.push_back(covered.data_ptr<uint8_t>()[i] != 0);
    // Files written before conditional runs existed have no label stream: the seed's start is what they used.
    out->label_rng = in.has("label_rng") ? readRng(in, "label_rng") : Rng(deriveSeed(seed_, SeedStream::Labels));
    if (in.has("mbd_parameters")) {
        out->has_minibatch_layer = true;
        out->minibatch_layer.parameters = in.get("mbd_parameters");
        out->minibatch_layer.optimizer = readOptimizer(in, "mbd_opt");
    }
    if (in.has("real_feature_mean")) out->real_feature_mean = in.get("real_feature_mean");
    out->bytes = sizeof(ToyGanCheckpoint) + stateBytes(out->g) + stateBytes(out->d) + tensorBytes(out->g_opt.first) +
                 tensorBytes(out->g_opt.second) + tensorBytes(out->d_opt.first) + tensorBytes(out->d_opt.second) +
                 tensorBytes(out->latent_state) + tensorBytes(out->penalty_state);
    return out;
}

}  // namespace ganarium
