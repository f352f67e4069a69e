// bench_setup.h — the scenes ganarium-bench measures, built in code (no
// files): the default toy model (G and D MLP 3x128, z=8, batch 256, 2D ring
// of 8 Gaussians, Adam 1e-4 / betas 0.5, 0.9, k_d = k_g = 1) under each
// objective, a tiny model, and the bench's own options.
#pragma once

#include <string>
#include <vector>

#include "core/scene_spec.h"

namespace ganarium::bench {

// One measured objective: its table label and the run it trains.
struct BenchObjective {
    std::string label;
    RunSpec run;
};

// The seven objectives of the speed table, in display order.
std::vector<BenchObjective> benchObjectives();

// The default toy run with `objective` and `lipschitz`.
RunSpec toyRun(Objective objective, Lipschitz lipschitz);

// The tiny run: G and D with one hidden layer of 8, z=1, batch 64 (1D Gaussian data in tinyScene()).
RunSpec tinyRun();

// A scene over the 8-Gaussian ring holding `runs`, trained on `threads` threads,
// with metrics every `metrics_every` iterations (a huge value switches them off).
SceneSpec benchScene(const std::vector<RunSpec>& runs, int threads, int metrics_every);

// A 1D Gaussian scene with one tiny run on one thread, metrics off.
SceneSpec tinyScene();

// "Metrics off": a cadence no bench measurement reaches.
constexpr int kNoMetrics = 1000000000;

// Command-line options of ganarium-bench.
struct BenchOptions {
    int steps = 300;         // timed iterations per repeat for the toy model
    int warmup = 60;         // untimed iterations before timing
    int repeats = 3;         // the median of this many repeats is reported
    int tiny_factor = 10;    // the tiny model times tiny_factor x steps
    int python_steps = 500;  // timed iterations per repeat in the Python peer
    bool python = true;      // run the Python comparison
    bool quick = false;
    bool classifier = false; // also time the image metrics (trains the classifier on first use)
    bool image_only = false; // only the image-GAN figures (bench_image.h)
    bool distributed_only = false;  // only the data-parallel figures (bench_distributed.h)
};

// Parses --quick, --steps N, --repeats R, --no-python, --classifier, --help. Throws UserError on a bad option.
// Returns false when --help was printed.
bool parseBenchOptions(int argc, char** argv, BenchOptions& options);

}  // namespace ganarium::bench
