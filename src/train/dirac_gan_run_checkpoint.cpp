// dirac_gan_run_checkpoint.cpp — the Dirac-GAN's checkpoint: its point and
// the trajectory behind it, in memory and in a checkpoint file.
#include "core/errors.h"
#include "train/checkpoint_state.h"
#include "train/dirac_gan_run.h"

namespace ganarium {

namespace {
// The Dirac-GAN's whole state: its point and the trajectory behind it.
struct DiracCheckpoint final : RunCheckpoint {
    PlaneVector point;
    std::vector<float> trail_xy;
    std::vector<int64_t> trail_steps;

    void write(CheckpointState& out) const override {
        out.putDouble("theta", point.theta);
        out.putDouble("psi", point.psi);
        out.put("trail_xy", torch::from_blob(const_cast<float*>(trail_xy.data()), {static_cast<int64_t>(trail_xy.size())},
                                             torch::kFloat32));
        out.put("trail_steps", torch::from_blob(const_cast<int64_t*>(trail_steps.data()),
                                                {static_cast<int64_t>(trail_steps.size())}, torch::kInt64));
    }
};
}  // namespace

std::shared_ptr<const RunCheckpoint> DiracGanRun::checkpoint() const {
    auto out = std::make_shared<DiracCheckpoint>();
    out->step = step_;
    out->metric_count = metrics_->size();
    out->history = MetricLogView(metrics_);
    out->point = point_;
    out->trail_xy = trail_xy_;
    out->trail_steps = trail_steps_;
    out->bytes = sizeof(DiracCheckpoint) + trail_xy_.size() * sizeof(float) + trail_steps_.size() * sizeof(int64_t);
    return out;
}

std::string DiracGanRun::restore(const RunCheckpoint& checkpoint) {
    const auto* saved = dynamic_cast<const DiracCheckpoint*>(&checkpoint);
    if (!saved) return "the checkpoint belongs to another kind of run";
    point_ = saved->point;
    trail_xy_ = saved->trail_xy;
    trail_steps_ = saved->trail_steps;
    step_ = saved->step;
    status_ = RunStatus::Running;
    reason_.clear();
    metrics_ = metricLogPrefix(saved->history, saved->metric_count);
    return "";
}

std::shared_ptr<const RunCheckpoint> DiracGanRun::readCheckpoint(const CheckpointState& in, int64_t step,
                                                               MetricLogView history) const {
    auto out = std::make_shared<DiracCheckpoint>();
    out->step = step;
    out->metric_count = history.size();
    out->history = std::move(history);
    out->point.theta = in.getDouble("theta");
    out->point.psi = in.getDouble("psi");
    const torch::Tensor xy = in.get("trail_xy").to(torch::kFloat32).contiguous();
    const torch::Tensor steps = in.get("trail_steps").to(torch::kInt64).contiguous();
    out->trail_xy.assign(xy.data_ptr<float>(), xy.data_ptr<float>() + xy.numel());
    out->trail_steps.assign(steps.data_ptr<int64_t>(), steps.data_ptr<int64_t>() + steps.numel());
    if (out->trail_xy.size() != 2 * out->trail_steps.size())
        throw UserError(in.source() + ": the trajectory has " + std::to_string(out->trail_xy.size()) + " coordinates for " +
                        std::to_string(out->trail_steps.size()) + " steps; the file is damaged. Pick another step.");
    out->bytes = sizeof(DiracCheckpoint) + out->trail_xy.size() * sizeof(float) + out->trail_steps.size() * sizeof(int64_t);
    return out;
}

}  // namespace ganarium
