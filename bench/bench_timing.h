// bench_timing.h — timing primitives of ganarium-bench: wall-clock seconds of
// a callable, medians, and the training throughput of a scene through the
// Trainer facade.
#pragma once

#include <functional>
#include <vector>

#include "core/scene_spec.h"

namespace ganarium::bench {

// Wall-clock seconds `work` takes.
double secondsOf(const std::function<void()>& work);

// Median of `values` (0 for an empty list).
double median(std::vector<double> values);

// Iterations per second of ONE run of `scene` (each run advances by the same
// count): `warmup` untimed iterations, then the median of `repeats` timed
// blocks of `steps`. Multiply by the run count for the aggregate.
double iterationsPerSecond(const SceneSpec& scene, int warmup, int steps, int repeats);

// Cost of the scene's metric evaluation relative to training: the median time
// of one Trainer::evaluateMetrics() over that of `every` iterations, in percent.
struct MetricOverhead {
    double eval_ms = 0;      // one evaluation (all runs)
    double step_ms = 0;      // one iteration (all runs)
    double percent = 0;      // eval_ms / (every * step_ms) * 100
};
MetricOverhead metricOverhead(const SceneSpec& scene, int every, int warmup, int steps, int repeats);

// Median milliseconds of Trainer::snapshot() (fields, samples, histories) on `scene` after `warmup` iterations.
double snapshotMilliseconds(const SceneSpec& scene, int warmup, int repeats);

}  // namespace ganarium::bench
