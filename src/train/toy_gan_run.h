// toy_gan_run.h — the toy GAN as a Run: two MLPs on the scene's 1D or 2D
// points (GanRun holds the networks and steps; metric_evaluator.h and
// snapshot_builder.h read it). Its snapshot holds the toy quantities
// (samples, fields, manifold, GP lines, histograms, modes) and, for JS-type
// objectives, the D(G(z)) samples of its display batch for the loss-shape view.
#pragma once

#include "train/gan_run.h"
#include "train/run.h"

namespace ganarium {

class ToyGanRun final : public Run {
public:
    // Builds G and D for `dim`-dimensional data from `seed` (same weights for the same architecture).
    ToyGanRun(const RunSpec& spec, int dim, uint64_t seed, int display_samples);

    bool needsData() const override { return true; }
    void iterate(const Distribution* data) override;
    void stepD(const Distribution* data) override;
    void stepG() override;
    void applySpec(const RunSpec& spec) override { gan_.applySpec(spec); }
    void dataChanged(const Distribution& data) override { gan_.resetDisplay(data); }
    void restartFrom(double, double) override {}
    void evaluate(const MetricContext& context) override;
    RunSnapshot snapshot(const SnapshotContext& context, bool full) override;

    int64_t step() const override { return gan_.step(); }
    RunStatus status() const override { return gan_.status(); }
    const std::string& statusReason() const override { return gan_.statusReason(); }
    const RunSpec& spec() const override { return gan_.spec(); }
    void pause() override { gan_.pause(); }
    void resume() override { gan_.resume(); }
    void fail(const std::string& reason) override { gan_.fail(reason); }
    bool checkState() override { return gan_.checkWeights(); }
    void reinitialize() override { gan_.reinitialize(); }
    void injectNaN() override { gan_.injectNaN(); }
    std::shared_ptr<const RunCheckpoint> checkpoint() const override { return gan_.checkpoint(); }
    std::string restore(const RunCheckpoint& checkpoint) override { return gan_.restore(checkpoint); }
    std::shared_ptr<const RunCheckpoint> readCheckpoint(const CheckpointState& in, int64_t step,
                                                        MetricLogView history) const override {
        return gan_.readCheckpoint(in, step, std::move(history));
    }

    // The underlying networks and streams (benchmarks and tests).
    GanRun& gan() { return gan_; }

private:
    GanRun gan_;
};

}  // namespace ganarium
