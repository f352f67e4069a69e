// bench_metric_publish.cpp — times the metrics part of a run snapshot at a
// given history length, on a toy run filled with synthetic evaluations (no
// training: only the publish is measured).
#include "bench_metric_publish.h"

#include <map>
#include <string>
#include <vector>

#include "bench_setup.h"
#include "train/metric_evaluator.h"
#include "train/snapshot_builder.h"
#include "train/toy_gan_run.h"

namespace ganarium::bench {

Figure metricPublishMicroseconds(int evaluations, int repeats) {
    ToyGanRun run(toyRun(Objective::NonSaturating, Lipschitz::None), 2, 1, 64);
    std::map<std::string, double> values;
    for (const std::string& name : metricNames()) values[name] = 0.5;
    for (int e = 0; e < evaluations; ++e) run.gan().recordMetrics(values);
    const SnapshotContext context;
    std::vector<double> wall, cpu;
    for (int r = 0; r < repeats; ++r) {
        const Seconds s = timeOf([&] { (void)run.snapshot(context, false); });
        wall.push_back(1e6 * s.wall);
        cpu.push_back(1e6 * s.cpu);
    }
    return {median(wall), median(cpu)};
}

}  // namespace ganarium::bench
