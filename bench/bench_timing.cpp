// bench_timing.cpp — throughput, metric-overhead and snapshot timings.
#include "bench_timing.h"

#include <time.h>

#include <algorithm>
#include <chrono>

#include "train/trainer.h"

namespace ganarium::bench {

namespace {
double processCpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

TrainerOptions optionsFor(const SceneSpec& scene) {
    TrainerOptions options;
    options.threads = scene.threads;
    options.metrics_every = scene.metrics_every;
    return options;
}

// Median over repeats of `scale / seconds` (a rate) or `scale * seconds` (a duration) on both bases.
Figure medianRate(const std::vector<Seconds>& samples, double steps) {
    std::vector<double> wall, cpu;
    for (const auto& s : samples) {
        wall.push_back(steps / s.wall);
        cpu.push_back(steps / s.cpu);
    }
    return {median(wall), median(cpu)};
}

Figure medianMilliseconds(const std::vector<Seconds>& samples, double divisor) {
    std::vector<double> wall, cpu;
    for (const auto& s : samples) {
        wall.push_back(1000 * s.wall / divisor);
        cpu.push_back(1000 * s.cpu / divisor);
    }
    return {median(wall), median(cpu)};
}
}  // namespace

Seconds timeOf(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = processCpuSeconds();
    work();
    Seconds s;
    s.cpu = processCpuSeconds() - cpu_start;
    s.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return s;
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

Figure iterationsPerSecond(const SceneSpec& scene, int warmup, int steps, int repeats) {
    Trainer trainer(scene, optionsFor(scene));
    trainer.advance(warmup);
    std::vector<Seconds> samples;
    for (int r = 0; r < repeats; ++r) samples.push_back(timeOf([&] { trainer.advance(steps); }));
    return medianRate(samples, steps);
}

Scaling multiRunScaling(const SceneSpec& single, const SceneSpec& multi, int warmup, int steps, int repeats) {
    Trainer one(single, optionsFor(single));
    Trainer many(multi, optionsFor(multi));
    one.advance(warmup);
    many.advance(warmup);
    const double runs = static_cast<double>(multi.runs.size());
    std::vector<double> single_rates, aggregate_rates, ratios, single_cpu, aggregate_cpu;
    for (int r = 0; r < repeats; ++r) {
        const Seconds t1 = timeOf([&] { one.advance(steps); });
        const Seconds tn = timeOf([&] { many.advance(steps); });
        single_rates.push_back(steps / t1.wall);
        aggregate_rates.push_back(runs * steps / tn.wall);
        ratios.push_back(aggregate_rates.back() / single_rates.back());
        single_cpu.push_back(steps / t1.cpu);
        aggregate_cpu.push_back(runs * steps / tn.cpu);
    }
    return {median(single_rates), median(aggregate_rates), median(ratios), median(single_cpu), median(aggregate_cpu)};
}

MetricOverhead metricOverhead(const SceneSpec& scene, int every, int warmup, int steps, int repeats) {
    Trainer trainer(scene, optionsFor(scene));
    trainer.advance(warmup);
    std::vector<Seconds> step_samples, eval_samples;
    for (int r = 0; r < repeats; ++r) {
        step_samples.push_back(timeOf([&] { trainer.advance(steps); }));
        for (int e = 0; e < 3; ++e) eval_samples.push_back(timeOf([&] { trainer.evaluateMetrics(); }));
    }
    MetricOverhead result;
    const Figure step_ms = medianMilliseconds(step_samples, steps);
    result.eval_ms = medianMilliseconds(eval_samples, 1);
    result.percent.wall = step_ms.wall > 0 ? 100 * result.eval_ms.wall / (every * step_ms.wall) : 0;
    result.percent.cpu = step_ms.cpu > 0 ? 100 * result.eval_ms.cpu / (every * step_ms.cpu) : 0;
    return result;
}

Figure snapshotMilliseconds(const SceneSpec& scene, int warmup, int repeats) {
    Trainer trainer(scene);
    trainer.advance(warmup);
    std::vector<Seconds> samples;
    for (int r = 0; r < repeats; ++r) samples.push_back(timeOf([&] { (void)trainer.snapshot(); }));
    return medianMilliseconds(samples, 1);
}

}  // namespace ganarium::bench
