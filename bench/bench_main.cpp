// bench_main.cpp — `ganarium-bench`: measures the training speed Ganarium
// promises (tracker issue 2, "Speed") and prints each figure against its
// target. Everything goes through the Trainer facade with scenes built in
// code (bench_setup.h); the Python peer is bench/toy_gan.py.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include "bench_classifier.h"
#include "bench_distributed.h"
#include "bench_image.h"
#include "core/omp_environment.h"
#include "bench_report.h"
#include "bench_metric_publish.h"
#include "bench_setup.h"
#include "bench_timing.h"
#include "core/errors.h"
#include "core/scene_parser.h"
#include "python_peer.h"
#include "train/trainer.h"

#ifndef GANARIUM_SCENE_DIR
#define GANARIUM_SCENE_DIR "scenes"
#endif
#ifndef GANARIUM_BENCH_DIR
#define GANARIUM_BENCH_DIR "bench"
#endif

namespace ganarium::bench {

namespace {

constexpr double kTargetMultiRunRatio = 1.8;
constexpr double kTargetTinyRate = 3000;
constexpr double kTargetMetricPercent = 10;
constexpr double kTargetNonSaturatingRatio = 2.0;  // C++ / Python peer
constexpr double kTargetWganGpRatio = 1.7;         // C++ / Python peer
constexpr int kDefaultCadence = 50;

// OpenBLAS reads OPENBLAS_NUM_THREADS when it is loaded, before main(): if it
// is not 1, set it and re-execute this program once so the setting applies.
void ensureSingleThreadedBlas(char** argv) {
    const char* current = std::getenv("OPENBLAS_NUM_THREADS");
    if (current && std::strcmp(current, "1") == 0) return;
    ::setenv("OPENBLAS_NUM_THREADS", "1", 1);
    ::execv("/proc/self/exe", argv);
    std::cerr << "note: could not re-execute with OPENBLAS_NUM_THREADS=1; figures may suffer from BLAS threads\n";
}

// Warns when other processes already keep the cores busy (1-minute load average above the core count).
void warnIfBusy() {
    double load = 0;
    std::ifstream("/proc/loadavg") >> load;
    const unsigned cores = std::thread::hardware_concurrency();
    if (cores > 0 && load > cores)
        std::cout << "NOTE: the machine is busy (load average " << format("%.1f", load) << " on " << cores
                  << " cores): figures will be low and noisy. Re-run on an idle machine.\n";
}

void printHeader(const BenchOptions& options) {
    const BlasInfo blas = detectBlas();
    std::cout << "ganarium-bench — LibTorch " << torchVersion() << ", BLAS " << blas.name << " ("
              << blas.library << "), OPENBLAS_NUM_THREADS=1\n";
    if (blas.reference)
        std::cout << "WARNING: reference BLAS active: expect ~15x slower figures "
                     "(sudo apt-get install libopenblas0-openmp)\n";
    std::cout << "Toy model: G and D MLP 3x128 ReLU, z=8, batch 256, 8 Gaussians on a ring, Adam 1e-4,\n"
                 "one D step + one G step per iteration (it). Each figure: median of "
              << options.repeats << " x " << options.steps << " it after " << options.warmup << " warm-up it"
              << (options.quick ? "  [--quick: rough figures]" : "") << '\n';
    warnIfBusy();
}

std::string rate(double it_per_s) { return format(it_per_s >= 1000 ? "%.0f it/s" : "%.1f it/s", it_per_s); }
std::string ratio(double r) { return format("%.2fx", r); }

// Per-objective single-thread throughput; returns the non-saturating and WGAN-GP figures.
void objectiveSpeeds(const BenchOptions& o, BenchReport& report, Figure& non_saturating, Figure& wgan_gp) {
    report.section("Training speed per objective, 1 run on 1 thread");
    for (const BenchObjective& objective : benchObjectives()) {
        const Figure f = iterationsPerSecond(benchScene({objective.run}, 1, kNoMetrics), o.warmup, o.steps, o.repeats);
        report.info(objective.label, rate(f.wall), rate(f.cpu));
        if (objective.label == "non-saturating") non_saturating = f;
        if (objective.label == "WGAN-GP") wgan_gp = f;
    }
}

void multiRunScaling(const BenchOptions& o, BenchReport& report) {
    report.section("Several runs side by side (interleaved with 1 run on 1 thread)");
    const RunSpec run = toyRun(Objective::NonSaturating, Lipschitz::None);
    const Scaling scaling = bench::multiRunScaling(benchScene({run}, 1, kNoMetrics),
                                                   benchScene({run, run, run, run}, 2, kNoMetrics), o.warmup, o.steps,
                                                   o.repeats);
    report.info("1 run on 1 thread", rate(scaling.single_rate), rate(scaling.single_cpu_rate));
    report.info("4 runs on 2 threads, aggregate", rate(scaling.aggregate_rate), rate(scaling.aggregate_cpu_rate));
    // On idle cores each of the 2 threads gets a core: the CPU-time cost ratio then predicts the speed-up.
    const double cores = std::min(2u, std::max(1u, std::thread::hardware_concurrency()));
    const double idle_estimate =
        scaling.single_cpu_rate > 0 ? cores * scaling.aggregate_cpu_rate / scaling.single_cpu_rate : 0;
    report.check("  ratio", ratio(scaling.ratio), format(">= %.1fx", kTargetMultiRunRatio),
                 scaling.ratio >= kTargetMultiRunRatio, format("%.2fx on idle cores (estimate)", idle_estimate));
}

void tinyModel(const BenchOptions& o, BenchReport& report) {
    report.section("Tiny model (G and D: 1 hidden layer of 8, z=1, batch 64, 1D Gaussian)");
    const Figure f = iterationsPerSecond(tinyScene(), o.warmup * o.tiny_factor, o.steps * o.tiny_factor, o.repeats);
    report.check("tiny model, 1 thread", rate(f.wall), format(">= %.0f", kTargetTinyRate), f.wall >= kTargetTinyRate,
                 rate(f.cpu));
}

void metricAndSnapshotCosts(const BenchOptions& o, BenchReport& report) {
    report.section("Metric and snapshot costs");
    const SceneSpec scene = benchScene({toyRun(Objective::NonSaturating, Lipschitz::None)}, 1, kNoMetrics);
    const MetricOverhead m = metricOverhead(scene, kDefaultCadence, o.warmup, o.steps, o.repeats);
    report.info("one metric evaluation (1 run, ring)", format("%.1f ms", m.eval_ms.wall), format("%.1f ms", m.eval_ms.cpu));
    report.check("metric overhead at every " + std::to_string(kDefaultCadence) + " it", format("%.1f %%", m.percent.wall),
                 format("<= %.0f %%", kTargetMetricPercent), m.percent.wall <= kTargetMetricPercent,
                 format("%.1f %%", m.percent.cpu));
    // Publishing the metrics must not grow with the run's length (the snapshot shares the metric log).
    for (const int evaluations : {100, 20000}) {
        const Figure publish = metricPublishMicroseconds(evaluations, std::max(o.repeats, 5));
        report.info("metrics publish, " + std::to_string(evaluations) + " evaluations",
                    format("%.1f us", publish.wall), format("%.1f us", publish.cpu));
    }
    const Figure snap = snapshotMilliseconds(defaultScene(), o.warmup, o.repeats);
    report.info("snapshot build (default scene, 2 runs)", format("%.1f ms", snap.wall), format("%.1f ms", snap.cpu));
    // The GUI's speed target is measured on ring8 (4 runs, 2 threads): its snapshot sets the frame rate.
    try {
        const Figure ring = snapshotMilliseconds(loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/ring8.toml"), o.warmup,
                                                 o.repeats);
        report.info("snapshot build (ring8, 4 runs)", format("%.1f ms", ring.wall), format("%.1f ms", ring.cpu));
    } catch (const UserError& error) {
        report.note(std::string("ring8 snapshot skipped: ") + error.what());
    }
}

void pythonComparison(const BenchOptions& o, BenchReport& report, const Figure& cpp_ns, const Figure& cpp_gp) {
    report.section("C++ against the same model in PyTorch (bench/toy_gan.py, 1 thread)");
    if (!o.python) {
        report.note("skipped (--no-python)");
        return;
    }
    const PythonPeerResult py = runPythonPeer(std::string(GANARIUM_BENCH_DIR) + "/toy_gan.py", o.python_steps, o.repeats);
    if (!py.ran) {
        report.note("comparison skipped: " + py.skipped_reason);
        return;
    }
    report.info("Python non-saturating (torch " + py.torch_version + ")", rate(py.non_saturating),
                rate(py.non_saturating_cpu));
    report.check("  C++ / Python, non-saturating", ratio(cpp_ns.wall / py.non_saturating),
                 format(">= %.1fx", kTargetNonSaturatingRatio),
                 cpp_ns.wall / py.non_saturating >= kTargetNonSaturatingRatio,
                 ratio(cpp_ns.cpu / py.non_saturating_cpu));
    report.info("Python WGAN-GP", rate(py.wgan_gp), rate(py.wgan_gp_cpu));
    report.check("  C++ / Python, WGAN-GP", ratio(cpp_gp.wall / py.wgan_gp), format(">= %.1fx", kTargetWganGpRatio),
                 cpp_gp.wall / py.wgan_gp >= kTargetWganGpRatio, ratio(cpp_gp.cpu / py.wgan_gp_cpu));
}

int runBench(int argc, char** argv) {
    BenchOptions options;
    if (!parseBenchOptions(argc, argv, options)) return 0;
    printHeader(options);
    BenchReport report;
    report.header();
    if (options.distributed_only) {
        distributedBench(options, report);
        report.summary();
        return 0;
    }
    if (options.image_only) {
        imageGanBench(options, report);
        report.summary();
        return 0;
    }
    Figure non_saturating, wgan_gp;
    objectiveSpeeds(options, report, non_saturating, wgan_gp);
    multiRunScaling(options, report);
    tinyModel(options, report);
    metricAndSnapshotCosts(options, report);
    pythonComparison(options, report, non_saturating, wgan_gp);
    if (options.classifier) classifierCosts(options, report);
    imageGanBench(options, report);
    distributedBench(options, report);
    report.summary();
    return 0;
}

}  // namespace

}  // namespace ganarium::bench

int main(int argc, char** argv) {
    ganarium::ensurePassiveOpenMpWait(argv);
    ganarium::bench::ensureSingleThreadedBlas(argv);
    try {
        return ganarium::bench::runBench(argc, argv);
    } catch (const ganarium::UserError& e) {
        std::cerr << "ganarium-bench: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "ganarium-bench: unexpected error: " << e.what() << '\n';
        return 1;
    }
}
