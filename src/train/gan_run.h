// gan_run.h — one run of a scene: G, D, their optimizers, the run's random
// streams, the D and G step functions, divergence detection and the metric
// log. Metric evaluation (metric_evaluator.h) and snapshot building
// (snapshot_builder.h) read a run; the Trainer owns and schedules runs.
// The D and G steps run a hand-written pass (mlp_pass.h) over reused
// buffers with flat optimizers (optimizers.h); autograd is used only for a
// gradient penalty on a D with a smooth activation (tanh, ELU).
#pragma once

#include <torch/torch.h>

#include <memory>
#include <string>

#include "core/distribution.h"
#include "core/rng.h"
#include "core/scene_spec.h"
#include "core/snapshot.h"
#include "train/minibatch_discrimination.h"
#include "train/mlp.h"
#include "train/optimizers.h"
#include "train/regularizers.h"
#include "train/run_checkpoint.h"
#include "train/step_workspace.h"
#include "train/toy_condition.h"

namespace ganarium {

class GanRun {
public:
    // Builds G (latent_dim -> dim) and D (dim -> 1) with weights drawn from generators seeded by `seed`.
    GanRun(const RunSpec& spec, int dim, uint64_t seed, int display_samples = 1024);

    // One discriminator update on a real batch from `data` and a fake batch.
    void stepD(const Distribution& data);
    // One generator update (no-op for a fixed generator).
    void stepG();
    // One iteration: k_d D steps then k_g G steps; counts as one step. No-op once Diverged.
    void iterate(const Distribution& data);

    // Live edit: new hyperparameters; keeps weights where shapes match, optimizer state where kinds match.
    void applySpec(const RunSpec& spec);
    // Redraws all display samples (after the data changed).
    void resetDisplay(const Distribution& data);

    // Test hook: writes NaN into one D weight so the next D step diverges.
    void injectNaN();
    // Checks every weight for NaN/Inf; marks the run Diverged and returns false when one is found.
    bool checkWeights();
    // Clears a Paused/Diverged status (callers reset diverged weights first).
    void resume();
    // Marks the run Diverged with `reason` (e.g. an exception raised while stepping).
    void fail(const std::string& reason);
    // The whole training state now (see run_checkpoint.h); gan_run_checkpoint.cpp.
    std::shared_ptr<const RunCheckpoint> checkpoint() const;
    // Returns to a checkpoint() of this run; "" or why it cannot (the architecture changed since).
    std::string restore(const RunCheckpoint& checkpoint);
    // A checkpoint read from a checkpoint file's state (see Run::readCheckpoint).
    std::shared_ptr<const RunCheckpoint> readCheckpoint(const CheckpointState& in, int64_t step, MetricLogView history) const;
    // Redraws G and D from the scene seed and fresh optimizers (used to resume a run with NaN weights).
    void reinitialize();
    void pause();

    // z of n samples from the run's latent distribution drawn with `gen`.
    torch::Tensor sampleLatent(int64_t n, at::Generator& gen) const;
    // n fake samples (detached): G(z) or the fixed generator's distribution; a conditional run's labels y
    // (int64) go to *labels when given.
    torch::Tensor sampleFake(int64_t n, at::Generator& gen, Rng& rng, torch::Tensor* labels = nullptr);
    // n real samples from `data` drawn with `rng`.
    torch::Tensor sampleReal(const Distribution& data, int64_t n, Rng& rng) const;

    // Conditional runs (toy_condition_steps.cpp). The labels of a conditional run ride in the last K
    // columns of its latent (sampleLatent returns [z, onehot(y)]); D reads [x, onehot(y)].
    // The run's labels, or null when it is not conditional (or its data has no components yet).
    const ToyCondition* condition() const { return conditionCount() > 0 ? &condition_ : nullptr; }
    // K for a conditional run, 0 otherwise: the extra input columns of G and D.
    int conditionCount() const { return options().conditional ? condition_.labelCount() : 0; }
    // D's raw scores f(x) of points x (n x dim), as the views and metrics read them; a conditional D reads
    // `labels` (int64, n), or when undefined the label of each point's nearest mode; under PacGAN packing each
    // point fills a whole pack and the minibatch-discrimination term is left out. Differentiable in x.
    torch::Tensor criticScores(const torch::Tensor& x, const torch::Tensor& labels = {});
    // D as a critic callable on points (conditional: each point under its nearest mode's label).
    CriticFn pointCritic();
    // n real samples and (conditional runs) their components into *labels (int64).
    torch::Tensor sampleRealLabelled(const Distribution& data, int64_t n, Rng& rng, torch::Tensor* labels) const;

    // Running means of loss_d and loss_g since the last call (NaN when no step ran); resets them.
    std::pair<double, double> takeLossMeans();
    // Appends one metric evaluation (at the current step) to the metric log.
    void recordMetrics(const std::map<std::string, double>& values);

    const RunSpec& spec() const { return spec_; }
    // The toy-GAN options of spec() (a GanRun is always a toy GAN).
    const ToyGanSpec& options() const { return std::get<ToyGanSpec>(spec_.options); }
    int dim() const { return dim_; }
    int64_t step() const { return step_; }
    RunStatus status() const { return status_; }
    const std::string& statusReason() const { return reason_; }
    Mlp& generator() { return g_; }
    Mlp& critic() { return d_; }
    const Distribution* fixedDistribution() const { return fixed_.get(); }
    // The minibatch-discrimination layer of D, or nullptr when that remedy is off.
    const MinibatchDiscrimination* minibatchLayer() const { return mbd_.get(); }
    const GradientPenaltyResult* lastPenalty() const { return has_gp_ ? &last_gp_ : nullptr; }
    // A frozen view of every evaluation so far (shares the log: no copy).
    MetricLogView metrics() const { return MetricLogView(metrics_); }
    const std::vector<bool>& modeCovered() const { return mode_covered_; }
    void setModeCovered(std::vector<bool> covered) { mode_covered_ = std::move(covered); }

    // Streams used by metric evaluation (kept apart from training's).
    Rng& metricRng() { return metric_rng_; }
    at::Generator& metricGen() { return metric_gen_; }
    // Reseeds both metric streams from (scene seed, current step): an evaluation at step s then draws the
    // same samples whatever the evaluation cadence was before it.
    void reseedMetricStreams();
    // Fixed display samples: latent z, real samples (redrawn by resetDisplay).
    const torch::Tensor& displayLatent() const { return display_z_; }
    const torch::Tensor& displayReal() const { return display_real_; }
    const torch::Tensor& displayFixedFake() const { return display_fixed_fake_; }
    // The component of each displayReal() row (int64; undefined unless the run is conditional).
    const torch::Tensor& displayRealLabels() const { return display_real_labels_; }
    at::Generator& displayGen() { return display_gen_; }

private:
    void buildNetworks(bool keep_g, bool keep_d);
    void bindPasses();
    void buildMinibatchLayer(bool keep_d);
    void diverge(const char* what, double value);
    void drawLatent(torch::Tensor& z, at::Generator& gen) const;
    void drawFake(const torch::Tensor& out);
    double criticPenalties(const torch::Tensor& input, int64_t n);
    void stepDAutograd(const Distribution& data);
    // `loss` plus the gradient penalty (through `critic`, kept for the GP view) and R1, as the options say.
    torch::Tensor withCriticPenalties(const torch::Tensor& loss, const CriticFn& critic, const torch::Tensor& real,
                                      const torch::Tensor& fake, const torch::Tensor& f_real, bool r1);
    // Copies grads[0 .. D's parameter count) into D's gradient slots (a later optimizer step applies them).
    void storeCriticGradients(const std::vector<torch::Tensor>& grads);
    void finishStepD(double loss, double total);
    void stepDConditional(const Distribution& data);
    void stepDConditionalAutograd(const Distribution& data);
    void stepGConditional();
    int64_t mismatchedRows() const;
    // The steps with a mode-collapse remedy on (toy_remedies.cpp).
    torch::Tensor remedyCritic(const torch::Tensor& x, torch::Tensor* features = nullptr);
    void stepDRemedies(const Distribution& data);
    void stepGRemedies();
    void stepGUnrolled(const Distribution& data);

    RunSpec spec_;
    int dim_;
    uint64_t seed_;
    int display_samples_;
    Mlp g_{nullptr}, d_{nullptr};
    std::unique_ptr<FlatOptimizer> g_opt_, d_opt_;
    StepWorkspace work_;
    std::unique_ptr<Distribution> fixed_;

    Rng data_rng_, fixed_rng_, metric_rng_;
    at::Generator latent_gen_, penalty_gen_, metric_gen_, display_gen_;

    torch::Tensor display_z_, display_real_, display_fixed_fake_;
    torch::Tensor display_real_labels_;  // conditional runs: the component of each display_real_ row
    GradientPenaltyResult last_gp_;
    bool has_gp_ = false;

    int64_t step_ = 0;
    RunStatus status_ = RunStatus::Running;
    std::string reason_;
    double loss_d_sum_ = 0, loss_g_sum_ = 0;
    int64_t loss_d_count_ = 0, loss_g_count_ = 0;

    std::shared_ptr<MetricLog> metrics_ = std::make_shared<MetricLog>();  // a rebuilt run starts a new one
    std::vector<bool> mode_covered_;

    // Conditional toy GAN: the data's labels, the wrong labels' stream (mismatched pairs; checkpointed as
    // `label_rng`) and the conditional steps' buffers.
    ToyCondition condition_;
    Rng label_rng_;
    ConditionBuffers condition_work_;
    // Mode-collapse remedies (toy_remedies.h): D's minibatch layer and feature matching's real target.
    std::unique_ptr<MinibatchDiscrimination> mbd_;
    torch::Tensor real_feature_mean_;
};

}  // namespace ganarium
