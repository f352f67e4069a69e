// dirac_gan_run.h — the Dirac-GAN (core/dirac_gan.h) as a Run: two scalar
// parameters stepped along the method's vector field. It publishes the
// field over the (theta, psi) plane, the trajectory so far, the start point
// and the equilibrium, and the metrics theta, psi and distance. Plain
// arithmetic: it never slows the toy runs beside it.
#pragma once

#include <limits>
#include <map>
#include <memory>
#include <vector>

#include "core/dirac_gan.h"
#include "train/run.h"

namespace ganarium {

// Most trajectory points kept; past it every other point is dropped (the path keeps its shape).
constexpr size_t kDiracTrajectoryCap = 4096;
// Arrows per axis of the published vector field.
constexpr int kDiracFieldSide = 21;

class DiracGanRun final : public Run {
public:
    explicit DiracGanRun(const RunSpec& spec);

    bool needsData() const override { return false; }
    void iterate(const Distribution* data) override;
    void stepD(const Distribution* data) override;
    void stepG() override;
    void applySpec(const RunSpec& spec) override;
    void dataChanged(const Distribution&) override {}
    void restartFrom(double theta, double psi) override;
    void evaluate(const MetricContext& context) override;
    RunSnapshot snapshot(const SnapshotContext& context, bool full) override;

    int64_t step() const override { return step_; }
    RunStatus status() const override { return status_; }
    const std::string& statusReason() const override { return reason_; }
    const RunSpec& spec() const override { return spec_; }
    void pause() override;
    void resume() override;
    void fail(const std::string& reason) override;
    bool checkState() override;
    void reinitialize() override;
    void injectNaN() override { point_.psi = std::numeric_limits<double>::quiet_NaN(); }
    std::shared_ptr<const RunCheckpoint> checkpoint() const override;
    std::string restore(const RunCheckpoint& checkpoint) override;
    std::shared_ptr<const RunCheckpoint> readCheckpoint(const CheckpointState& in, int64_t step,
                                                        MetricLogView history) const override;

    // Current (theta, psi).
    PlaneVector point() const { return point_; }

private:
    // Moves to `next`, records it on the trajectory and counts a step when `counts`.
    void moveTo(PlaneVector next, bool counts);
    // The Dirac-GAN options of spec_ (a DiracGanRun always holds a DiracGanSpec).
    DiracGanSpec& dirac() { return std::get<DiracGanSpec>(spec_.options); }
    const DiracGanSpec& dirac() const { return std::get<DiracGanSpec>(spec_.options); }

    RunSpec spec_;
    PlaneVector point_;
    int64_t step_ = 0;
    RunStatus status_ = RunStatus::Running;
    std::string reason_;
    std::vector<float> trail_xy_;
    std::vector<int64_t> trail_steps_;
    std::shared_ptr<MetricLog> metrics_;  // a new one at each reinitialize (old snapshots keep theirs)
};

}  // namespace ganarium
