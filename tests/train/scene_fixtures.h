// scene_fixtures.h — small scenes built in code for the train tests, so the
// tests do not depend on scene files: tiny networks, fixed seeds.
#pragma once

#include "core/scene_spec.h"

namespace ganarium::test {

// A run with small MLPs (hidden widths `width` x `depth`) and Adam.
inline RunSpec smallRun(Objective objective, Lipschitz lipschitz = Lipschitz::None, int width = 32, int depth = 2) {
    RunSpec spec;
    ToyGanSpec& run = *toyOf(spec);
    run.objective = objective;
    run.lipschitz = lipschitz;
    run.g_net.hidden.assign(depth, width);
    run.d_net.hidden.assign(depth, width);
    run.latent_dim = 2;
    run.batch = 128;
    run.g_opt.lr = 1e-3;
    run.d_opt.lr = 1e-3;
    run.g_opt.beta2 = 0.9;
    run.d_opt.beta2 = 0.9;
    return spec;
}

// A 1D Gaussian data set.
inline DataSpec gaussian1D(double mean, double std) {
    DataSpec data;
    data.family = DataFamily::Gaussian1D;
    data.mean = mean;
    data.std = std;
    return data;
}

// The eight-Gaussian ring.
inline DataSpec ring(double radius = 2.0, double std = 0.05) {
    DataSpec data;
    data.family = DataFamily::Ring;
    data.modes = 8;
    data.radius = radius;
    data.std = std;
    return data;
}

// A scene with `data` and `runs`, metrics every `every` iterations, one thread.
inline SceneSpec makeScene(const DataSpec& data, std::vector<RunSpec> runs, int every = 50, uint64_t seed = 3) {
    SceneSpec scene;
    scene.title = "test";
    scene.seed = seed;
    scene.metrics_every = every;
    scene.threads = 1;
    scene.data = data;
    scene.runs = std::move(runs);
    return scene;
}

// A run whose generator is fixed to `fixed` (only D trains).
inline RunSpec fixedGeneratorRun(Objective objective, const DataSpec& fixed) {
    RunSpec run = smallRun(objective);
    toyOf(run)->fixed_generator = true;
    toyOf(run)->fixed_data = fixed;
    return run;
}

// A conditional toy run (G(z, y), D(x, y)); `mismatched` adds real x with a wrong y as negatives.
inline RunSpec conditionalToyRun(bool mismatched = false, Lipschitz lipschitz = Lipschitz::None) {
    RunSpec run = smallRun(Objective::NonSaturating, lipschitz);
    toyOf(run)->conditional = true;
    toyOf(run)->mismatched_pairs = mismatched;
    return run;
}

}  // namespace ganarium::test
