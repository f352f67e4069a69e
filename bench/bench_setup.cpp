// bench_setup.cpp — scene construction and option parsing for ganarium-bench.
#include "bench_setup.h"

#include <cstdlib>
#include <iostream>
#include <string>

#include "core/errors.h"

namespace ganarium::bench {

namespace {
int positiveInt(const std::string& option, const char* text) {
    char* end = nullptr;
    const long v = std::strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < 1 || v > 100000000)
        throw UserError(option + " needs a positive whole number, got '" + text + "'");
    return static_cast<int>(v);
}
}  // namespace

RunSpec toyRun(Objective objective, Lipschitz lipschitz) {
    RunSpec spec;
    ToyGanSpec& run = spec.options.emplace<ToyGanSpec>();
    run.objective = objective;
    run.lipschitz = lipschitz;
    run.batch = 256;
    run.latent_dim = 8;
    run.latent = LatentKind::Gaussian;
    run.g_net.hidden = {128, 128, 128};
    run.d_net.hidden = {128, 128, 128};
    run.g_net.activation = run.d_net.activation = Activation::ReLU;
    for (OptimSpec* opt : {&run.g_opt, &run.d_opt}) {
        opt->kind = OptimizerKind::Adam;
        opt->lr = 1e-4;
        opt->beta1 = 0.5;
        opt->beta2 = 0.9;
    }
    run.k_d = run.k_g = 1;
    run.gp_lambda = 10.0;
    run.clip = 0.01;
    spec.name = runLabel(spec);
    return spec;
}

std::vector<BenchObjective> benchObjectives() {
    return {
        {"non-saturating", toyRun(Objective::NonSaturating, Lipschitz::None)},
        {"minimax", toyRun(Objective::Minimax, Lipschitz::None)},
        {"least squares", toyRun(Objective::LeastSquares, Lipschitz::None)},
        {"hinge", toyRun(Objective::Hinge, Lipschitz::None)},
        {"WGAN-clip", toyRun(Objective::Wasserstein, Lipschitz::WeightClip)},
        {"WGAN-GP", toyRun(Objective::Wasserstein, Lipschitz::GradientPenalty)},
        {"WGAN-SN", toyRun(Objective::Wasserstein, Lipschitz::SpectralNorm)},
    };
}

RunSpec tinyRun() {
    RunSpec spec = toyRun(Objective::NonSaturating, Lipschitz::None);
    ToyGanSpec& run = std::get<ToyGanSpec>(spec.options);
    run.g_net.hidden = {8};
    run.d_net.hidden = {8};
    run.latent_dim = 1;
    run.batch = 64;
    spec.name = "tiny";
    return spec;
}

SceneSpec benchScene(const std::vector<RunSpec>& runs, int threads, int metrics_every) {
    SceneSpec scene;
    scene.title = "ganarium-bench";
    scene.source_path = "<bench>";
    scene.seed = 7;
    scene.threads = threads;
    scene.metrics_every = metrics_every;
    scene.data.family = DataFamily::Ring;
    scene.data.modes = 8;
    scene.data.radius = 2.0;
    scene.data.std = 0.05;
    scene.display.has_view = true;
    scene.display.view = {-3, 3, -3, 3};
    scene.runs = runs;
    for (std::size_t i = 0; i < scene.runs.size(); ++i)
        if (runs.size() > 1) scene.runs[i].name += " #" + std::to_string(i + 1);
    return scene;
}

SceneSpec tinyScene() {
    SceneSpec scene = benchScene({tinyRun()}, 1, kNoMetrics);
    scene.data = DataSpec{};
    scene.data.family = DataFamily::Gaussian1D;
    scene.data.mean = 0.0;
    scene.data.std = 0.5;
    scene.display.view = {-2, 2, -1, 1};
    return scene;
}

bool parseBenchOptions(int argc, char** argv, BenchOptions& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> const char* {
            if (i + 1 >= argc) throw UserError(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--quick") {
            options.quick = true;
            options.steps = 40;
            options.warmup = 10;
            options.repeats = 2;
            options.python_steps = 60;
        } else if (arg == "--steps") {
            options.steps = positiveInt(arg, next());
            options.python_steps = options.steps;
        } else if (arg == "--repeats") {
            options.repeats = positiveInt(arg, next());
        } else if (arg == "--no-python") {
            options.python = false;
        } else if (arg == "--classifier") {
            options.classifier = true;
        } else if (arg == "--image-only") {
            options.image_only = true;
        } else if (arg == "--distributed-only") {
            options.distributed_only = true;
        } else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: ganarium-bench [--quick] [--steps N] [--repeats R] [--no-python] [--classifier] [--image-only]\n"
                         "                      [--distributed-only]\n"
                         "Measures training speed of the toy GAN per objective, multi-run scaling, the tiny model,\n"
                         "metric and snapshot costs, and compares with the same model in PyTorch (bench/toy_gan.py).\n"
                         "  --quick       few steps: a smoke test, figures are rough\n"
                         "  --steps N     timed iterations per repeat (default 300)\n"
                         "  --repeats R   repeats per figure; the median is reported (default 3)\n"
                         "  --no-python   skip the Python comparison\n"
                         "  --classifier  also time the image metrics (trains the classifier into the cache on first use)\n"
                         "  --image-only  only the image GAN (DCGAN on Fashion-MNIST) figures\n"
                         "  --distributed-only  only the data-parallel figures: 1 rank against 2 ranks on loopback,\n"
                         "                the all-reduce cost and bytes per step (docs/distributed.md)\n";
            return false;
        } else {
            throw UserError("unknown option '" + arg + "' (valid: --quick, --steps N, --repeats R, --no-python, --classifier, --image-only, --distributed-only, --help)");
        }
    }
    return true;
}

}  // namespace ganarium::bench
