// cycle_gan_run.h — the toy CycleGAN (lecture section 9) as a Run: two
// unpaired 2D domains X and Y (CycleGanSpec::domain_x / domain_y, each a toy
// family), generators G_XY and G_YX (MLPs 2 + g_noise_dim -> 2: the point and,
// when g_noise_dim > 0, standard normal noise z, as in augmented CycleGAN)
// and critics D_X
// and D_Y (MLPs 2 -> 1) under one objective of the objective table, with the
// toy runs' regularizers (GP, R1, clipping, spectral norm) and optimizers.
// G's loss adds lambda_cyc times the cycle loss (L1 or L2 of
// G_YX(G_XY(x)) - x and G_XY(G_YX(y)) - y) and lambda_id times the identity
// loss. Gradients come from autograd; the flat optimizers of the toy runs
// apply them. Metrics: loss_d, loss_g, cycle_error_x/y, w1_xy/yx and
// mapping_mi (cycle_gan_metrics.cpp); picture: cycle paths, mode markers and
// the mode-to-mode mapping matrix (cycle_gan_snapshot.cpp).
#pragma once

#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/distribution.h"
#include "core/metric_log.h"
#include "core/rng.h"
#include "train/mlp.h"
#include "train/optimizers.h"
#include "train/run.h"

namespace ganarium {

// Points per domain drawn for a snapshot's picture, and paths per side drawn as lines.
constexpr int kCycleDisplaySamples = 400;
// Points per domain for the cycle errors and mapping_mi of an evaluation.
constexpr int kCycleMetricSamples = 2000;

class CycleGanRun final : public Run {
public:
    // Builds both domains and the four networks from `seed` (G_XY and G_YX from the generator-init stream).
    CycleGanRun(const RunSpec& spec, uint64_t seed);

    bool needsData() const override { return false; }
    void iterate(const Distribution* data) override;
    void stepD(const Distribution* data) override;
    void stepG() override;
    void applySpec(const RunSpec& spec) override;
    void dataChanged(const Distribution&) override {}
    void restartFrom(double, double) override {}
    void evaluate(const MetricContext& context) override;                    // cycle_gan_metrics.cpp
    RunSnapshot snapshot(const SnapshotContext& context, bool full) override;  // cycle_gan_snapshot.cpp

    int64_t step() const override { return step_; }
    RunStatus status() const override { return status_; }
    const std::string& statusReason() const override { return reason_; }
    const RunSpec& spec() const override { return spec_; }
    void pause() override;
    void resume() override;
    void fail(const std::string& reason) override;
    bool checkState() override;
    void reinitialize() override;
    void injectNaN() override;
    std::shared_ptr<const RunCheckpoint> checkpoint() const override;  // cycle_gan_run_checkpoint.cpp
    std::string restore(const RunCheckpoint& checkpoint) override;     // cycle_gan_run_checkpoint.cpp
    std::shared_ptr<const RunCheckpoint> readCheckpoint(const CheckpointState& in, int64_t step,
                                                        MetricLogView history) const override;

    // The CycleGAN options of spec() (a CycleGanRun always holds a CycleGanSpec).
    const CycleGanSpec& options() const { return std::get<CycleGanSpec>(spec_.options); }
    const Distribution& domainX() const { return *x_data_; }
    const Distribution& domainY() const { return *y_data_; }
    // G_XY / G_YX of n x 2 points (row-major), without a graph; noise z (when g_noise_dim > 0) from `noise`.
    std::vector<float> translateXY(const std::vector<float>& x, Rng& noise);
    std::vector<float> translateYX(const std::vector<float>& y, Rng& noise);
    // The same with noise from a fixed stream (the same z for the same call order).
    std::vector<float> translateXY(const std::vector<float>& x);
    std::vector<float> translateYX(const std::vector<float>& y);
    // Every parameter of G_XY, G_YX, D_X and D_Y, concatenated (a copy; tests compare runs with it).
    torch::Tensor flatWeights() const;
    // The metrics of this moment (what evaluate() appends, the loss means excepted).
    std::map<std::string, double> currentMetrics();  // cycle_gan_metrics.cpp

private:
    // One critic update of D_X and D_Y; one generator update of G_XY and G_YX.
    void updateCritics();
    void updateGenerators();
    // n points of a domain, n x 2 tensor, drawn from the training stream.
    torch::Tensor sampleDomain(const Distribution& domain, int n);
    // `net` of n x 2 points (row-major) with noise from `noise`, without a graph.
    std::vector<float> translate(Mlp& net, const std::vector<float>& points, Rng& noise);
    // `points` (n x 2) with g_noise_dim standard normal columns from `noise` appended (unchanged when 0).
    torch::Tensor withNoise(const torch::Tensor& points, Rng& noise) const;
    // Marks the run Diverged when `loss` is not finite; returns false then.
    bool checkLoss(double loss, const char* which);
    // Builds the domains (and, when `networks`, fresh networks and optimizers) from the spec.
    void build(bool networks);

    RunSpec spec_;
    uint64_t seed_;
    std::unique_ptr<Distribution> x_data_, y_data_;
    Mlp g_xy_{nullptr}, g_yx_{nullptr}, d_x_{nullptr}, d_y_{nullptr};
    std::unique_ptr<FlatOptimizer> g_xy_opt_, g_yx_opt_, d_x_opt_, d_y_opt_;
    Rng data_rng_;
    Rng latent_rng_;  // G's noise z in training steps
    at::Generator penalty_gen_;
    int64_t step_ = 0;
    RunStatus status_ = RunStatus::Running;
    std::string reason_;
    double loss_d_sum_ = 0, loss_g_sum_ = 0;
    int64_t loss_d_count_ = 0, loss_g_count_ = 0;
    std::shared_ptr<MetricLog> metrics_;
};

}  // namespace ganarium
