// bench_timing.h — timing primitives of ganarium-bench: wall-clock and
// process-CPU seconds of a callable, medians, and the training throughput of
// a scene through the Trainer facade. The CPU-time figures stay meaningful
// on a machine that other processes keep busy; the wall-clock ones are what
// a user sees on an idle machine.
#pragma once

#include <functional>
#include <vector>

#include "core/scene_spec.h"

namespace ganarium::bench {

// Seconds of one piece of work: wall clock, and CPU time of the whole process (all threads).
struct Seconds {
    double wall = 0, cpu = 0;
};

// Times `work`.
Seconds timeOf(const std::function<void()>& work);

// Median of `values` (0 for an empty list).
double median(std::vector<double> values);

// A rate (or a duration) on both time bases.
struct Figure {
    double wall = 0, cpu = 0;
};

// Iterations per second of ONE run of `scene` (each run advances by the same
// count): `warmup` untimed iterations, then the median of `repeats` timed
// blocks of `steps`. Multiply by the run count for the aggregate.
Figure iterationsPerSecond(const SceneSpec& scene, int warmup, int steps, int repeats);

// Multi-run scaling measured in interleaved pairs, so both sides see the same
// machine load: each repeat times `steps` iterations of `single` (one run),
// then of `multi` (several runs advancing together).
struct Scaling {
    double single_rate = 0;     // it/s of the single run (median)
    double aggregate_rate = 0;  // it/s summed over the runs of `multi` (median)
    double ratio = 0;           // median over repeats of aggregate / single
    double single_cpu_rate = 0;     // the same two rates per CPU second of the process: equal when the
    double aggregate_cpu_rate = 0;  // threads cost nothing extra (then a low ratio means busy cores)
};
Scaling multiRunScaling(const SceneSpec& single, const SceneSpec& multi, int warmup, int steps, int repeats);

// Cost of metric evaluation relative to training at cadence `every`: the
// median time of one Trainer::evaluateMetrics() over that of `every` iterations.
struct MetricOverhead {
    Figure eval_ms;   // one evaluation (all runs)
    Figure percent;   // eval / (every x one iteration) x 100
};
MetricOverhead metricOverhead(const SceneSpec& scene, int every, int warmup, int steps, int repeats);

// Median milliseconds of Trainer::snapshot() (fields, samples, histories) on `scene` after `warmup` iterations.
Figure snapshotMilliseconds(const SceneSpec& scene, int warmup, int repeats);

}  // namespace ganarium::bench
