// bench_timing.cpp — throughput, metric-overhead and snapshot timings.
#include "bench_timing.h"

#include <algorithm>
#include <chrono>

#include "train/trainer.h"

namespace ganarium::bench {

double secondsOf(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double iterationsPerSecond(const SceneSpec& scene, int warmup, int steps, int repeats) {
    TrainerOptions options;
    options.threads = scene.threads;
    options.metrics_every = scene.metrics_every;
    Trainer trainer(scene, options);
    trainer.advance(warmup);
    std::vector<double> rates;
    for (int r = 0; r < repeats; ++r) rates.push_back(steps / secondsOf([&] { trainer.advance(steps); }));
    return median(rates);
}

MetricOverhead metricOverhead(const SceneSpec& scene, int every, int warmup, int steps, int repeats) {
    TrainerOptions options;
    options.threads = scene.threads;
    options.metrics_every = scene.metrics_every;
    Trainer trainer(scene, options);
    trainer.advance(warmup);
    std::vector<double> step_seconds, eval_seconds;
    for (int r = 0; r < repeats; ++r) {
        step_seconds.push_back(secondsOf([&] { trainer.advance(steps); }) / steps);
        for (int e = 0; e < 3; ++e) eval_seconds.push_back(secondsOf([&] { trainer.evaluateMetrics(); }));
    }
    MetricOverhead result;
    result.step_ms = 1000 * median(step_seconds);
    result.eval_ms = 1000 * median(eval_seconds);
    result.percent = result.step_ms > 0 ? 100 * result.eval_ms / (every * result.step_ms) : 0;
    return result;
}

double snapshotMilliseconds(const SceneSpec& scene, int warmup, int repeats) {
    Trainer trainer(scene);
    trainer.advance(warmup);
    std::vector<double> ms;
    for (int r = 0; r < repeats; ++r) ms.push_back(1000 * secondsOf([&] { (void)trainer.snapshot(); }));
    return median(ms);
}

}  // namespace ganarium::bench
