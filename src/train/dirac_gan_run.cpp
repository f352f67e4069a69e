// dirac_gan_run.cpp — stepping the Dirac-GAN, its metrics and its snapshot
// (vector field, trajectory, start and equilibrium markers).
#include "train/dirac_gan_run.h"
#include "core/snapshot_header.h"

#include <algorithm>
#include <cmath>
#include <cstdio>


namespace ganarium {
namespace {

// Smallest half-width of the plane shown, and the largest it grows to follow a diverging path.
constexpr double kMinHalfWidth = 2.0;
constexpr double kMaxHalfWidth = 50.0;

// Half-width of the square view around the equilibrium: room for the path, in steps of 0.5.
double halfWidthFor(const std::vector<float>& xy) {
    double reach = 0;
    for (float v : xy) {
        if (std::isfinite(v)) reach = std::max(reach, static_cast<double>(std::fabs(v)));
    }
    const double wanted = std::max(kMinHalfWidth, std::ceil(reach * 1.15 * 2.0) / 2.0);
    return std::min(wanted, kMaxHalfWidth);
}

VectorField sampleField(const DiracGanSpec& spec, const Bounds& box) {
    VectorField field;
    field.box = box;
    field.nx = field.ny = kDiracFieldSide;
    field.u.resize(static_cast<size_t>(field.nx * field.ny));
    field.v.resize(field.u.size());
    for (int iy = 0; iy < field.ny; ++iy) {
        for (int ix = 0; ix < field.nx; ++ix) {
            const double theta = box.x0 + (ix + 0.5) * (box.x1 - box.x0) / field.nx;
            const double psi = box.y0 + (iy + 0.5) * (box.y1 - box.y0) / field.ny;
            const PlaneVector v = diracField(spec, theta, psi);
            field.u[static_cast<size_t>(iy * field.nx + ix)] = static_cast<float>(v.theta);
            field.v[static_cast<size_t>(iy * field.nx + ix)] = static_cast<float>(v.psi);
        }
    }
    return field;
}

}  // namespace

DiracGanRun::DiracGanRun(const RunSpec& spec) : spec_(spec) { reinitialize(); }

void DiracGanRun::reinitialize() {
    point_ = diracProject(dirac(), {dirac().theta0, dirac().psi0});
    step_ = 0;
    trail_xy_.clear();
    trail_steps_.clear();
    metrics_ = std::make_shared<MetricLog>();
    moveTo(point_, false);
}

void DiracGanRun::moveTo(PlaneVector next, bool counts) {
    point_ = next;
    if (counts) ++step_;
    if (trail_steps_.size() >= kDiracTrajectoryCap) {
        // Keep every other point (the first and the newest always stay).
        size_t kept = 0;
        for (size_t i = 0; i < trail_steps_.size(); i += 2, ++kept) {
            trail_steps_[kept] = trail_steps_[i];
            trail_xy_[2 * kept] = trail_xy_[2 * i];
            trail_xy_[2 * kept + 1] = trail_xy_[2 * i + 1];
        }
        trail_steps_.resize(kept);
        trail_xy_.resize(2 * kept);
    }
    trail_xy_.push_back(static_cast<float>(point_.theta));
    trail_xy_.push_back(static_cast<float>(point_.psi));
    trail_steps_.push_back(step_);
    checkState();
}

void DiracGanRun::iterate(const Distribution*) {
    if (status_ != RunStatus::Running) return;
    moveTo(diracStep(dirac(), point_), true);
}

void DiracGanRun::stepD(const Distribution*) {
    if (status_ == RunStatus::Diverged) return;
    moveTo(diracStepD(dirac(), point_), false);
}

void DiracGanRun::stepG() {
    if (status_ == RunStatus::Diverged) return;
    moveTo(diracStepG(dirac(), point_), false);
}

void DiracGanRun::applySpec(const RunSpec& spec) {
    const DiracGanSpec& next = std::get<DiracGanSpec>(spec.options);
    const bool new_start = next.theta0 != dirac().theta0 || next.psi0 != dirac().psi0;
    spec_ = spec;
    if (new_start) {
        reinitialize();
    } else {
        point_ = diracProject(dirac(), point_);  // e.g. a smaller clip applies at once
    }
}

void DiracGanRun::restartFrom(double theta, double psi) {
    dirac().theta0 = theta;
    dirac().psi0 = psi;
    reinitialize();
    resume();
}

void DiracGanRun::evaluate(const MetricContext&) {
    metrics_->append(step_, {{"theta", point_.theta}, {"psi", point_.psi}, {"distance", diracDistance(point_)}});
}

RunSnapshot DiracGanRun::snapshot(const SnapshotContext&, bool full) {
    RunSnapshot out = runSnapshotHeader(spec_, status_, reason_, step_);
    out.metrics = MetricLogView(metrics_);
    if (!full) return out;
    const double half = halfWidthFor(trail_xy_);
    const Bounds box{-half, half, -half, half};
    out.parts.push_back({quantity_names::kPhaseField, sampleField(dirac(), box)});
    out.parts.push_back({quantity_names::kTrajectory, Trajectory{trail_xy_, trail_steps_}});
    out.parts.push_back({quantity_names::kEquilibrium, PointSet{2, {0.0f, 0.0f}}});
    out.parts.push_back(
        {quantity_names::kStart,
         PointSet{2, {static_cast<float>(dirac().theta0), static_cast<float>(dirac().psi0)}}});
    return out;
}

void DiracGanRun::pause() {
    if (status_ == RunStatus::Running) status_ = RunStatus::Paused;
}

void DiracGanRun::resume() {
    status_ = RunStatus::Running;
    reason_.clear();
}

void DiracGanRun::fail(const std::string& reason) {
    status_ = RunStatus::Diverged;
    reason_ = reason;
}

bool DiracGanRun::checkState() {
    if (std::isfinite(point_.theta) && std::isfinite(point_.psi)) return true;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s at step %lld", std::isfinite(point_.theta) ? "NaN/Inf in psi" : "NaN/Inf in theta",
                  static_cast<long long>(step_));
    fail(buf);
    return false;
}

}  // namespace ganarium
