// image_gan_run_checkpoint.cpp — an image GAN's checkpoint: both networks'
// parameters and buffers (batch-norm statistics), D's power-iteration
// vectors, both Adam states (moments and step counts, deep copies), the
// training streams (data, latent, penalty; labels and mismatch of conditional
// runs), the step, the running sums and
// the metric history length. Metric streams are reseeded from the step at
// each evaluation and the display draws are fixed, so they need no saving.
// The progress strip's captures travel too, so a run loaded from disk (Load,
// --resume, follow) shows the pictures of the steps before it.
#include <torch/torch.h>

#include "train/image_gan_run.h"

#include "core/errors.h"
#include "train/checkpoint_state.h"

namespace ganarium {

namespace {

// A module's parameters then buffers, cloned.
std::vector<torch::Tensor> moduleTensors(const torch::nn::Module& module) {
    std::vector<torch::Tensor> out;
    for (const auto& p : module.parameters()) out.push_back(p.detach().clone());
    for (const auto& b : module.buffers()) out.push_back(b.detach().clone());
    return out;
}

// Copies `saved` back into the module; false (nothing changed) when the shapes differ.
bool restoreModuleTensors(torch::nn::Module& module, const std::vector<torch::Tensor>& saved) {
    std::vector<torch::Tensor> now = module.parameters();
    for (const auto& b : module.buffers()) now.push_back(b);
    if (now.size() != saved.size()) return false;
    for (size_t i = 0; i < now.size(); ++i) {
        if (!now[i].sizes().equals(saved[i].sizes())) return false;
    }
    torch::NoGradGuard no_grad;
    for (size_t i = 0; i < now.size(); ++i) now[i].copy_(saved[i]);
    return true;
}

// One parameter's Adam state, copied deep (torch's own clone() shares the moment tensors).
struct AdamSlot {
    bool present = false;
    int64_t step = 0;
    torch::Tensor exp_avg, exp_avg_sq, max_exp_avg_sq;
};

// The key of a parameter in torch's optimizer state (its TensorImpl address as text, as torch::optim does).
std::string stateKey(const torch::Tensor& parameter) { return c10::guts::to_string(parameter.unsafeGetTensorImpl()); }

std::vector<AdamSlot> adamSlots(torch::optim::Adam& adam) {
    std::vector<AdamSlot> out;
    for (const auto& p : adam.param_groups()[0].params()) {
        AdamSlot slot;
        auto found = adam.state().find(stateKey(p));
        if (found != adam.state().end()) {
            const auto& s = static_cast<const torch::optim::AdamParamState&>(*found->second);
            slot.present = true;
            slot.step = s.step();
            slot.exp_avg = s.exp_avg().clone();
            slot.exp_avg_sq = s.exp_avg_sq().clone();
            if (s.max_exp_avg_sq().defined()) slot.max_exp_avg_sq = s.max_exp_avg_sq().clone();
        }
        out.push_back(std::move(slot));
    }
    return out;
}

void restoreAdamSlots(torch::optim::Adam& adam, const std::vector<AdamSlot>& slots) {
    const auto& params = adam.param_groups()[0].params();
    adam.state().clear();
    for (size_t i = 0; i < params.size() && i < slots.size(); ++i) {
        if (!slots[i].present) continue;
        auto s = std::make_unique<torch::optim::AdamParamState>();
        s->step(slots[i].step);
        s->exp_avg(slots[i].exp_avg.clone());
        s->exp_avg_sq(slots[i].exp_avg_sq.clone());
        if (slots[i].max_exp_avg_sq.defined()) s->max_exp_avg_sq(slots[i].max_exp_avg_sq.clone());
        adam.state()[stateKey(params[i])] = std::move(s);
    }
}

size_t tensorsBytes(const std::vector<torch::Tensor>& tensors) {
    size_t bytes = 0;
    for (const auto& t : tensors) bytes += t.defined() ? static_cast<size_t>(t.nbytes()) : 0;
    return bytes;
}

size_t slotsBytes(const std::vector<AdamSlot>& slots) {
    size_t bytes = 0;
    for (const auto& s : slots) bytes += tensorsBytes({s.exp_avg, s.exp_avg_sq, s.max_exp_avg_sq});
    return bytes;
}

size_t capturesBytes(const std::vector<ProgressCapture>& captures) {
    size_t bytes = 0;
    for (const ProgressCapture& c : captures) bytes += sizeof(ProgressCapture) + c.pixels.size() * sizeof(float);
    return bytes;
}

// Everything an ImageGanRun needs to continue from one step.
struct ImageGanRunState final : RunCheckpoint {
    std::vector<torch::Tensor> g, d, d_spectral;
    std::vector<AdamSlot> g_opt, d_opt;
    torch::Tensor data_state, latent_state, penalty_state, label_state, mismatch_state;
    double loss_d_sum = 0, loss_g_sum = 0, g_grad_sum = 0;
    int64_t loss_d_count = 0, loss_g_count = 0;
    std::vector<ProgressCapture> captures;  // the progress strip's pictures up to the step

    void write(CheckpointState& out) const override;
};

// The captures as two entries: their steps (int64) and their pixels (one float row each).
void writeCaptures(CheckpointState& out, const std::vector<ProgressCapture>& captures) {
    if (captures.empty()) return;
    std::vector<int64_t> steps;
    std::vector<float> pixels;
    for (const ProgressCapture& c : captures) {
        steps.push_back(c.step);
        pixels.insert(pixels.end(), c.pixels.begin(), c.pixels.end());
    }
    const auto n = static_cast<int64_t>(captures.size());
    out.put("progress_steps", torch::tensor(steps, torch::kInt64));
    out.put("progress_pixels", torch::tensor(pixels, torch::kFloat32).reshape({n, -1}));
}

// The captures a checkpoint file holds (none in files written before they were saved).
std::vector<ProgressCapture> readCaptures(const CheckpointState& in) {
    std::vector<ProgressCapture> out;
    if (!in.has("progress_steps") || !in.has("progress_pixels")) return out;
    const torch::Tensor steps = in.get("progress_steps").to(torch::kInt64).contiguous();
    const torch::Tensor pixels = in.get("progress_pixels").to(torch::kFloat32).contiguous();
    if (pixels.dim() != 2 || pixels.size(0) != steps.numel())
        throw UserError(in.source() + ": entries 'progress_steps' and 'progress_pixels' disagree; the file is damaged. Pick another step.");
    for (int64_t i = 0; i < steps.numel(); ++i) {
        const float* row = pixels[i].data_ptr<float>();
        out.push_back({steps[i].item<int64_t>(), std::vector<float>(row, row + pixels.size(1))});
    }
    return out;
}

void writeSlots(CheckpointState& out, const std::string& prefix, const std::vector<AdamSlot>& slots) {
    out.putInt(prefix + "_count", static_cast<int64_t>(slots.size()));
    for (size_t i = 0; i < slots.size(); ++i) {
        const std::string key = prefix + "_" + std::to_string(i);
        out.putInt(key + "_present", slots[i].present ? 1 : 0);
        if (!slots[i].present) continue;
        out.putInt(key + "_step", slots[i].step);
        out.put(key + "_exp_avg", slots[i].exp_avg);
        out.put(key + "_exp_avg_sq", slots[i].exp_avg_sq);
        out.put(key + "_max_exp_avg_sq", slots[i].max_exp_avg_sq);
    }
}

std::vector<AdamSlot> readSlots(const CheckpointState& in, const std::string& prefix) {
    const int64_t count = in.getInt(prefix + "_count");
    if (count < 0 || count > 100000)
        throw UserError(in.source() + ": entry '" + prefix + "_count' is out of range; the file is damaged. Pick another step.");
    std::vector<AdamSlot> slots(static_cast<size_t>(count));
    for (size_t i = 0; i < slots.size(); ++i) {
        const std::string key = prefix + "_" + std::to_string(i);
        slots[i].present = in.getInt(key + "_present") != 0;
        if (!slots[i].present) continue;
        slots[i].step = in.getInt(key + "_step");
        slots[i].exp_avg = in.get(key + "_exp_avg");
        slots[i].exp_avg_sq = in.get(key + "_exp_avg_sq");
        if (in.has(key + "_max_exp_avg_sq")) slots[i].max_exp_avg_sq = in.get(key + "_max_exp_avg_sq");
    }
    return slots;
}

void ImageGanRunState::write(CheckpointState& out) const {
    out.putList("g", g);
    out.putList("d", d);
    out.putList("d_spectral", d_spectral);
    writeSlots(out, "g_opt", g_opt);
    writeSlots(out, "d_opt", d_opt);
    out.put("data_state", data_state);
    out.put("latent_state", latent_state);
    out.put("penalty_state", penalty_state);
    // A conditional run's label streams (fake labels, mismatched labels): its resume is exact only with them.
    if (label_state.defined()) out.put("label_state", label_state);
    if (mismatch_state.defined()) out.put("mismatch_state", mismatch_state);
    out.putDouble("loss_d_sum", loss_d_sum);
    out.putDouble("loss_g_sum", loss_g_sum);
    out.putDouble("g_grad_sum", g_grad_sum);
    out.putInt("loss_d_count", loss_d_count);
    out.putInt("loss_g_count", loss_g_count);
    writeCaptures(out, captures);
}

}  // namespace

std::shared_ptr<const RunCheckpoint> ImageGanRun::checkpoint() const {
    auto out = std::make_shared<ImageGanRunState>();
    out->step = step_;
    out->metric_count = metrics_->size();
    out->history = MetricLogView(metrics_);
    out->g = moduleTensors(*g_);
    out->d = moduleTensors(*d_);
    out->d_spectral = d_->spectralVectors();
    out->g_opt = adamSlots(*g_opt_);
    out->d_opt = adamSlots(*d_opt_);
    out->data_state = data_gen_.get_state();
    out->latent_state = latent_gen_.get_state();
    out->penalty_state = penalty_gen_.get_state();
    out->label_state = label_gen_.get_state();
    out->mismatch_state = mismatch_gen_.get_state();
    out->loss_d_sum = loss_d_sum_;
    out->loss_g_sum = loss_g_sum_;
    out->g_grad_sum = g_grad_sum_;
    out->loss_d_count = loss_d_count_;
    out->loss_g_count = loss_g_count_;
    for (const ProgressCapture& c : views_.captures)
        if (c.step <= step_) out->captures.push_back(c);
    out->bytes = sizeof(ImageGanRunState) + tensorsBytes(out->g) + tensorsBytes(out->d) + tensorsBytes(out->d_spectral) +
                 slotsBytes(out->g_opt) + slotsBytes(out->d_opt) + capturesBytes(out->captures);
    return out;
}

std::string ImageGanRun::restore(const RunCheckpoint& checkpoint) {
    judged_classes_.reset();  // judged again at the next evaluation
    heavy_step_ = -1;         // the slow snapshot parts too
    group_checked_ = false;   // data-parallel ranks compare their states again before the next step
    const auto* saved = dynamic_cast<const ImageGanRunState*>(&checkpoint);
    if (!saved) return "the checkpoint belongs to another kind of run";
    const std::vector<torch::Tensor> g_now = moduleTensors(*g_);
    if (!restoreModuleTensors(*g_, saved->g))
        return "the generator's architecture changed since step " + std::to_string(saved->step);
    if (!restoreModuleTensors(*d_, saved->d)) {
        restoreModuleTensors(*g_, g_now);
        return "the discriminator's architecture changed since step " + std::to_string(saved->step);
    }
    d_->setSpectralVectors(saved->d_spectral);
    restoreAdamSlots(*g_opt_, saved->g_opt);
    restoreAdamSlots(*d_opt_, saved->d_opt);
    data_gen_.set_state(saved->data_state);
    latent_gen_.set_state(saved->latent_state);
    penalty_gen_.set_state(saved->penalty_state);
    if (saved->label_state.defined()) label_gen_.set_state(saved->label_state);
    if (saved->mismatch_state.defined()) mismatch_gen_.set_state(saved->mismatch_state);
    loss_d_sum_ = saved->loss_d_sum;
    loss_g_sum_ = saved->loss_g_sum;
    g_grad_sum_ = saved->g_grad_sum;
    loss_d_count_ = saved->loss_d_count;
    loss_g_count_ = saved->loss_g_count;
    views_.captures = saved->captures;
    step_ = saved->step;
    status_ = RunStatus::Running;
    reason_.clear();
    // A new log with the history up to the checkpoint: snapshots already published keep the old one.
    metrics_ = metricLogPrefix(saved->history, saved->metric_count);
    return "";
}

std::shared_ptr<const RunCheckpoint> ImageGanRun::readCheckpoint(const CheckpointState& in, int64_t step,
                                                                 MetricLogView history) const {
    auto out = std::make_shared<ImageGanRunState>();
    out->step = step;
    out->metric_count = history.size();
    out->history = std::move(history);
    out->g = in.getList("g");
    out->d = in.getList("d");
    out->d_spectral = in.getList("d_spectral");
    out->g_opt = readSlots(in, "g_opt");
    out->d_opt = readSlots(in, "d_opt");
    out->data_state = in.get("data_state");
    out->latent_state = in.get("latent_state");
    out->penalty_state = in.get("penalty_state");
    if (in.has("label_state")) out->label_state = in.get("label_state");
    if (in.has("mismatch_state")) out->mismatch_state = in.get("mismatch_state");
    out->loss_d_sum = in.getDouble("loss_d_sum");
    out->loss_g_sum = in.getDouble("loss_g_sum");
    out->g_grad_sum = in.getDouble("g_grad_sum");
    out->loss_d_count = in.getInt("loss_d_count");
    out->loss_g_count = in.getInt("loss_g_count");
    out->captures = readCaptures(in);
    out->bytes = sizeof(ImageGanRunState) + tensorsBytes(out->g) + tensorsBytes(out->d) + tensorsBytes(out->d_spectral) +
                 slotsBytes(out->g_opt) + slotsBytes(out->d_opt) + capturesBytes(out->captures);
    return out;
}

}  // namespace ganarium
