// bench_main.cpp — `ganarium-bench`: measures the training speed Ganarium
// promises (tracker issue 2, "Speed") and prints each figure against its
// target. Everything goes through the Trainer facade with scenes built in
// code (bench_setup.h); the Python peer is bench/toy_gan.py.
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include "bench_report.h"
#include "bench_setup.h"
#include "bench_timing.h"
#include "core/errors.h"
#include "core/scene_parser.h"
#include "python_peer.h"
#include "train/trainer.h"

#ifndef GANARIUM_BENCH_DIR
#define GANARIUM_BENCH_DIR "bench"
#endif

namespace ganarium::bench {

namespace {

constexpr double kTargetMultiRunRatio = 1.7;
constexpr double kTargetTinyRate = 3000;
constexpr double kTargetMetricPercent = 10;
constexpr double kTargetPythonRatio = 1.3;
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

// Per-objective single-thread throughput; returns the non-saturating and WGAN-GP figures.
void objectiveSpeeds(const BenchOptions& o, BenchReport& report, double& non_saturating, double& wgan_gp) {
    report.section("Training speed per objective, 1 run on 1 thread");
    for (const BenchObjective& objective : benchObjectives()) {
        const double rate = iterationsPerSecond(benchScene({objective.run}, 1, kNoMetrics), o.warmup, o.steps, o.repeats);
        report.info(objective.label, format("%.1f it/s", rate));
        if (objective.label == "non-saturating") non_saturating = rate;
        if (objective.label == "WGAN-GP") wgan_gp = rate;
    }
}

void multiRunScaling(const BenchOptions& o, BenchReport& report, double single) {
    report.section("Several runs side by side");
    const RunSpec run = toyRun(Objective::NonSaturating, Lipschitz::None);
    const double per_run = iterationsPerSecond(benchScene({run, run, run, run}, 2, kNoMetrics), o.warmup, o.steps, o.repeats);
    report.info("4 runs on 2 threads, aggregate", format("%.1f it/s", 4 * per_run));
    report.check("  ratio to 1 run on 1 thread", format("%.2fx", 4 * per_run / single),
                 format(">= %.1fx", kTargetMultiRunRatio), 4 * per_run / single >= kTargetMultiRunRatio);
}

void tinyModel(const BenchOptions& o, BenchReport& report) {
    report.section("Tiny model (G and D: 1 hidden layer of 8, z=1, batch 64, 1D Gaussian)");
    const double rate =
        iterationsPerSecond(tinyScene(), o.warmup * o.tiny_factor, o.steps * o.tiny_factor, o.repeats);
    report.check("tiny model, 1 thread", format("%.0f it/s", rate), format(">= %.0f", kTargetTinyRate),
                 rate >= kTargetTinyRate);
}

void metricAndSnapshotCosts(const BenchOptions& o, BenchReport& report) {
    report.section("Metric and snapshot costs");
    const SceneSpec scene = benchScene({toyRun(Objective::NonSaturating, Lipschitz::None)}, 1, kNoMetrics);
    const MetricOverhead m = metricOverhead(scene, kDefaultCadence, o.warmup, o.steps, o.repeats);
    report.info("one metric evaluation (1 run, ring)", format("%.2f ms", m.eval_ms));
    report.check("metric overhead at every " + std::to_string(kDefaultCadence) + " it", format("%.1f %%", m.percent),
                 format("<= %.0f %%", kTargetMetricPercent), m.percent <= kTargetMetricPercent);
    const double snap_ms = snapshotMilliseconds(defaultScene(), o.warmup, o.repeats);
    report.info("snapshot build (default scene, 2 runs)", format("%.1f ms", snap_ms));
}

void pythonComparison(const BenchOptions& o, BenchReport& report, double cpp_ns, double cpp_gp) {
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
    const std::string target = format(">= %.1fx", kTargetPythonRatio);
    report.info("Python non-saturating (torch " + py.torch_version + ")", format("%.1f it/s", py.non_saturating));
    report.check("  C++ / Python, non-saturating", format("%.2fx", cpp_ns / py.non_saturating), target,
                 cpp_ns / py.non_saturating >= kTargetPythonRatio);
    report.info("Python WGAN-GP", format("%.1f it/s", py.wgan_gp));
    report.check("  C++ / Python, WGAN-GP", format("%.2fx", cpp_gp / py.wgan_gp), target,
                 cpp_gp / py.wgan_gp >= kTargetPythonRatio);
}

int runBench(int argc, char** argv) {
    BenchOptions options;
    if (!parseBenchOptions(argc, argv, options)) return 0;
    printHeader(options);
    BenchReport report;
    double non_saturating = 0, wgan_gp = 0;
    objectiveSpeeds(options, report, non_saturating, wgan_gp);
    multiRunScaling(options, report, non_saturating);
    tinyModel(options, report);
    metricAndSnapshotCosts(options, report);
    pythonComparison(options, report, non_saturating, wgan_gp);
    report.summary();
    return 0;
}

}  // namespace

}  // namespace ganarium::bench

int main(int argc, char** argv) {
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
