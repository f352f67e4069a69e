// toy_gan_run.cpp — the toy GAN behind the Run interface: stepping, metrics
// at the trainer's request, and its snapshot plus the D(G(z)) samples.
#include "train/toy_gan_run.h"

#include "train/metric_evaluator.h"
#include "train/snapshot_builder.h"

namespace ganarium {

ToyGanRun::ToyGanRun(const RunSpec& spec, int dim, uint64_t seed, int display_samples)
    : gan_(spec, dim, seed, display_samples) {}

void ToyGanRun::iterate(const Distribution* data) {
    if (data) gan_.iterate(*data);
}

void ToyGanRun::stepD(const Distribution* data) {
    if (data) gan_.stepD(*data);
}

void ToyGanRun::stepG() { gan_.stepG(); }

void ToyGanRun::evaluate(const MetricContext& context) {
    std::vector<bool> covered;
    const auto values = evaluateRunMetrics(gan_, context, &covered);
    if (!context.modes.empty()) gan_.setModeCovered(std::move(covered));
    gan_.recordMetrics(values);
    if (gan_.status() == RunStatus::Running) gan_.checkWeights();
}

RunSnapshot ToyGanRun::snapshot(const SnapshotContext& context, bool full) {
    RunSnapshot out = buildRunSnapshot(gan_, context, full);
    out.kind = runKindNames()[static_cast<size_t>(RunKind::ToyGan)];
    return out;
}

}  // namespace ganarium
