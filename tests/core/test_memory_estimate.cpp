// test_memory_estimate.cpp — the torch-free memory estimate: its closed form on
// a tiny spec, /proc/meminfo parsing, the override, and a scene that must be
// refused next to one that must pass.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "core/memory_estimate.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

// 8 layers of 4096 units at batch 65536: measured to need more than 15 GB (then a LibTorch error).
const char* kHugeScene = R"([data]
family = "ring"
[[run]]
name = "huge"
batch = 65536
g_hidden = [4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096]
d_hidden = [4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096]
)";

}  // namespace

TEST_CASE("the estimate of a tiny run follows its closed form") {
    RunSpec run;
    toyOf(run)->latent_dim = 1;
    toyOf(run)->batch = 1;
    toyOf(run)->g_net.hidden = {};
    toyOf(run)->d_net.hidden = {};
    // G and D: 2 weights each, Adam: 4 floats a weight -> 16; widths 2 and 2: D step 1*(8+4+4) = 16,
    // G step 2*(4+4) = 16; evaluation 8192*2*(2+2) = 65536; times 4 bytes and a slack of 1.5.
    CHECK(estimateRunBytes(run, 1) == 4 * 1.5 * (16 + 16 + 65536));
    toyOf(run)->lipschitz = Lipschitz::GradientPenalty;  // + 6 * batch * D width = 12 more floats in the D step
    CHECK(estimateRunBytes(run, 1) == 4 * 1.5 * (16 + 28 + 65536));
    RunSpec dirac;
    dirac.options = DiracGanSpec{};
    CHECK(estimateRunBytes(dirac, 2) == 1e6);
}

TEST_CASE("the estimate grows with the batch and the widths") {
    RunSpec run;
    toyOf(run)->batch = 65536;
    toyOf(run)->g_net.hidden = toyOf(run)->d_net.hidden = std::vector<int>(8, 4096);
    const double big = estimateRunBytes(run, 2);
    CHECK(big > 15e9);  // what it was measured to need, at least
    CHECK(big < 200e9);  // generous, not absurd
    RunSpec half = run;
    toyOf(half)->batch = 32768;
    CHECK(estimateRunBytes(half, 2) < 0.6 * big);
}

TEST_CASE("MemAvailable from /proc/meminfo, and the override") {
    CHECK(memAvailableFromMeminfo("MemTotal:       24576000 kB\nMemFree:         1000 kB\nMemAvailable:   21582032 kB\n") ==
          21582032.0 * 1024);
    CHECK(memAvailableFromMeminfo("MemTotal: 100 kB\nMemFree: 50 kB\n") == 50.0 * 1024);
    CHECK(memAvailableFromMeminfo("") == 0.0);
    const char* before = std::getenv(kMemoryLimitVariable);
    const std::string saved = before ? before : "";
    ::setenv(kMemoryLimitVariable, "512", 1);
    CHECK(availableMemoryBytes() == 512e6);
    if (before) ::setenv(kMemoryLimitVariable, saved.c_str(), 1);
    else ::unsetenv(kMemoryLimitVariable);
    CHECK(availableMemoryBytes() > 0);  // this machine's MemAvailable
}

TEST_CASE("a scene that cannot fit is refused with both figures; one that fits passes") {
    SceneLoadOptions options;
    options.available_memory = 22.1e9;
    try {
        parseSceneText(kHugeScene, "huge.toml", ".", options);
        FAIL("no exception");
    } catch (const SceneError& e) {
        const std::string msg = e.what();
        CHECK(msg.find("huge.toml:3: [[run]] #1 (huge) needs about ") != std::string::npos);
        CHECK(msg.find(" GB of memory to train, this machine has 22.1 GB available; lower batch (65536)") !=
              std::string::npos);
        CHECK(msg.find("g_hidden 8 x 4096") != std::string::npos);
    }
    options.available_memory = 0;  // unknown: no check
    CHECK(toyOf(parseSceneText(kHugeScene, "huge.toml", ".", options).runs[0])->batch == 65536);
    options.available_memory = 1e9;  // the default scene needs far less than 1 GB
    CHECK(parseSceneText(defaultSceneText(), "default.toml", ".", options).runs.size() == 2);
    CHECK(estimateSceneBytes(defaultScene()) < 0.5e9);
}

TEST_CASE("a CycleGAN run's estimate counts four networks and both directions; an absurd one is refused") {
    RunSpec tiny;
    CycleGanSpec& cycle = tiny.options.emplace<CycleGanSpec>();
    cycle.batch = 1;
    cycle.g_net.hidden = {};
    cycle.d_net.hidden = {};
    cycle.lambda_cyc = 10;
    cycle.lambda_id = 0;
    // G: 2x2 + 2 = 6 weights, D: 2 + 1 = 3; Adam 4 floats a weight, two of each -> 2 * (24 + 12) = 72.
    // Widths G 2 + 2 = 4, D 2 + 1 = 3. Critic step 2 * (12 + 8 + 6) = 52; generator step (G there and
    // back) 2 * 2 * (2 * 2 * 4 + 3 * 3) = 100; evaluation 8192 * 2 * 2 * 4 = 131072.
    CHECK(estimateRunBytes(tiny, 2) == 4 * 1.5 * (72 + 100 + 131072));
    // The noise input widens G's first layer and its activations; so does each extra loss term.
    RunSpec noisy = tiny;
    std::get<CycleGanSpec>(noisy.options).g_noise_dim = 2;
    CHECK(estimateRunBytes(noisy, 2) > estimateRunBytes(tiny, 2));
    RunSpec identity = tiny;
    std::get<CycleGanSpec>(identity.options).lambda_id = 1;
    CHECK(estimateRunBytes(identity, 2) > estimateRunBytes(tiny, 2));

    const char* absurd = R"([scene]
title = "absurd"
[[run]]
name = "wide"
kind = "cyclegan"
batch = 65536
g_hidden = [4096, 4096, 4096, 4096]
d_hidden = [4096, 4096, 4096, 4096]
)";
    SceneLoadOptions options;
    options.available_memory = 22.1e9;
    try {
        parseSceneText(absurd, "absurd.toml", ".", options);
        FAIL("no exception");
    } catch (const SceneError& e) {
        const std::string msg = e.what();
        CHECK(msg.find("absurd.toml:3: [[run]] #1 (wide) needs about ") != std::string::npos);
        CHECK(msg.find("this machine has 22.1 GB available; lower batch (65536) or the hidden widths (g_hidden 4 x 4096, "
                       "d_hidden 4 x 4096)") != std::string::npos);
    }
    // The shipped size (batch 128, [32, 32]) needs a few MB.
    RunSpec shipped = tiny;
    CycleGanSpec& small = std::get<CycleGanSpec>(shipped.options);
    small.batch = 128;
    small.g_net.hidden = small.d_net.hidden = {32, 32};
    CHECK(estimateRunBytes(shipped, 2) < 20e6);
}
