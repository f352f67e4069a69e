// explore_test.cpp — temporary: tuning the ring mode-coverage configuration.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>

#include "scene_fixtures.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;

TEST_CASE("explore ring" * doctest::skip()) {
    auto env = [](const char* name, double fallback) {
        const char* v = std::getenv(name);
        return v ? std::atof(v) : fallback;
    };
    RunSpec gan = smallRun(Objective::NonSaturating, Lipschitz::None, (int)env("W", 128), (int)env("DEPTH", 3));
    gan.latent_dim = (int)env("Z", 8);
    gan.batch = 256;
    gan.d_opt.lr = env("GAN_DLR", 1e-3);
    gan.g_opt.lr = env("GAN_GLR", 1e-3);
    gan.d_opt.beta1 = gan.g_opt.beta1 = env("B1", 0.5);
    RunSpec wgan = smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty, (int)env("W", 128), (int)env("DEPTH", 3));
    wgan.latent_dim = gan.latent_dim;
    wgan.batch = 256;
    wgan.k_d = (int)env("KD", 5);
    wgan.gp_lambda = env("LAMBDA", 0.1);
    wgan.d_opt.lr = env("W_DLR", 1e-3);
    wgan.g_opt.lr = env("W_GLR", 1e-3);
    wgan.d_opt.beta1 = wgan.g_opt.beta1 = env("B1", 0.5);
    auto scene = makeScene(ring(2.0, env("STD", 0.05)), {gan, wgan}, 100, (uint64_t)env("SEED", 3));
    scene.threads = 2;
    Trainer trainer(scene);
    const int steps = (int)env("STEPS", 2000);
    trainer.advance(steps);
    const auto snap = trainer.snapshot();
    for (const auto& run : snap->runs) {
        std::printf("%s:", run.name.c_str());
        for (double v : run.history.series.at("modes_covered")) std::printf(" %g", v);
        std::printf("\n  hq:");
        for (double v : run.history.series.at("hq_share")) std::printf(" %.2f", v);
        std::printf("\n");
    }
    CHECK(true);
}
