// test_cycle_gan_spec.cpp — the toy CycleGAN run kind in scene files: its keys
// and its two domain tables are read, a CycleGAN-only scene (no [data])
// round-trips through the writer, bad values are refused with file, line
// and key; and the mode-mapping mutual information of core/mode_mapping.h.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/errors.h"
#include "core/mode_mapping.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

std::string errorOf(const std::string& text) {
    try {
        parseSceneText(text, "cycle.toml", ".");
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

const char* const kCycleScene = R"(
[scene]
title = "cycle"

[[run]]
kind = "cyclegan"
objective = "wasserstein"
lipschitz = "gp"
lambda_cyc = 5
cycle_norm = "l2"
lambda_id = 0.5
g_hidden = [32, 16]
batch = 64
g_lr = 0.002
g_noise_dim = 4

[run.domain_x]
family = "ring"
modes = 6
radius = 1.5
std = 0.04

[run.domain_y]
family = "grid"
grid_n = 3
spacing = 1.2
std = 0.05
)";

// Eight modes on a ring of radius 2.
std::vector<Mode> ringModes(int k) {
    std::vector<Mode> modes;
    for (int i = 0; i < k; ++i) modes.push_back({2 * std::cos(2 * M_PI * i / k), 2 * std::sin(2 * M_PI * i / k), 0.05});
    return modes;
}

}  // namespace

TEST_CASE("a cyclegan run reads its keys and domains, and round-trips through the writer") {
    const SceneSpec scene = parseSceneText(kCycleScene, "cycle.toml", ".");
    REQUIRE(scene.runs.size() == 1);
    const CycleGanSpec* cycle = cycleOf(scene.runs[0]);
    REQUIRE(cycle != nullptr);
    CHECK(kindOf(scene.runs[0]) == RunKind::CycleGan);
    CHECK(cycle->objective == Objective::Wasserstein);
    CHECK(cycle->lipschitz == Lipschitz::GradientPenalty);
    CHECK(cycle->lambda_cyc == 5);
    CHECK(cycle->cycle_norm == CycleNorm::L2);
    CHECK(cycle->lambda_id == 0.5);
    CHECK(cycle->g_net.hidden == std::vector<int>{32, 16});
    CHECK(cycle->d_net.hidden == std::vector<int>{64, 64});
    CHECK(cycle->batch == 64);
    CHECK(cycle->g_opt.lr == 0.002);
    CHECK(cycle->g_noise_dim == 4);
    CHECK(cycle->domain_x.family == DataFamily::Ring);
    CHECK(cycle->domain_x.modes == 6);
    CHECK(cycle->domain_y.family == DataFamily::Grid);
    CHECK(cycle->domain_y.grid_n == 3);
    CHECK(!sceneUsesData(scene));
    CHECK(scene.runs[0].name.find("CycleGAN") != std::string::npos);

    const std::string text = sceneToToml(scene);
    CHECK(text.find("[run.domain_y]") != std::string::npos);
    CHECK(text.find("[data]") == std::string::npos);
    const SceneSpec again = parseSceneText(text, "again.toml", ".");
    CHECK(again == scene);
    // A changed domain is a different scene.
    SceneSpec other = again;
    cycleOf(other.runs[0])->domain_y.spacing = 1.3;
    CHECK_FALSE(other == scene);
}

TEST_CASE("cyclegan defaults: two rings of 8, lambda_cyc 10, L1, no identity loss") {
    const SceneSpec scene = parseSceneText("[[run]]\nkind = \"cyclegan\"\n", "cycle.toml", ".");
    const CycleGanSpec& cycle = *cycleOf(scene.runs[0]);
    CHECK(cycle.domain_x.family == DataFamily::Ring);
    CHECK(cycle.domain_y.family == DataFamily::Ring);
    CHECK(cycle.domain_x.modes == 8);
    CHECK(cycle.lambda_cyc == 10);
    CHECK(cycle.cycle_norm == CycleNorm::L1);
    CHECK(cycle.lambda_id == 0);
    CHECK(cycle.g_noise_dim == 0);
}

TEST_CASE("bad cyclegan values are refused with file, line and key") {
    const std::string head = "[[run]]\nkind = \"cyclegan\"\n";
    std::string e = errorOf(head + "lambda_cyc = -1\n");
    CHECK(e.find("cycle.toml:3") != std::string::npos);
    CHECK(e.find("lambda_cyc") != std::string::npos);
    e = errorOf(head + "g_noise_dim = 65\n");
    CHECK(e.find("g_noise_dim") != std::string::npos);
    CHECK(e.find("0..64") != std::string::npos);
    e = errorOf(head + "g_noise_dim = 2.5\n");
    CHECK(e.find("g_noise_dim") != std::string::npos);
    e = errorOf(head + "g_noise_di = 2\n");  // a typo: the message suggests the key
    CHECK(e.find("g_noise_dim") != std::string::npos);
    e = errorOf(head + "cycle_norm = \"l3\"\n");
    CHECK(e.find("cycle_norm") != std::string::npos);
    CHECK(e.find("l2") != std::string::npos);
    e = errorOf(head + "latent_dim = 4\n");  // a toy-GAN key: the CycleGAN has no latent
    CHECK(e.find("latent_dim") != std::string::npos);
    e = errorOf(head + "\n[run.domain_x]\nfamily = \"gaussian\"\n");
    CHECK(e.find("domain_x") != std::string::npos);
    CHECK(e.find("1D") != std::string::npos);
    e = errorOf(head + "domain_y = 3\n");
    CHECK(e.find("[run.domain_y] table") != std::string::npos);
    e = errorOf("[defaults]\nkind = \"cyclegan\"\n[defaults.domain_x]\nfamily = \"ring\"\n[[run]]\n");
    CHECK(e.find("not in [defaults]") != std::string::npos);
    e = errorOf(head + "\n[run.domain_x]\nfamily = \"ring\"\ngrid_n = 3\n");
    CHECK(e.find("grid_n") != std::string::npos);
}

TEST_CASE("mode mapping: a permutation of K modes carries log2(K) bits, a constant map none") {
    const std::vector<Mode> modes = ringModes(8);
    std::vector<float> sources, rotated, constant, halves;
    for (int rep = 0; rep < 10; ++rep) {
        for (int i = 0; i < 8; ++i) {
            sources.insert(sources.end(), {float(modes[i].x), float(modes[i].y)});
            const Mode& next = modes[(i + 3) % 8];
            rotated.insert(rotated.end(), {float(next.x), float(next.y)});
            constant.insert(constant.end(), {float(modes[0].x), float(modes[0].y)});
            const Mode& half = modes[i % 2];
            halves.insert(halves.end(), {float(half.x), float(half.y)});
        }
    }
    const ModeMapping perm = modeMapping(modes, modes, sources, rotated);
    CHECK(perm.mutual_information == doctest::Approx(3.0));
    CHECK(perm.counts[0 * 8 + 3] == 10);
    CHECK(perm.counts[7 * 8 + 2] == 10);
    CHECK(modeMapping(modes, modes, sources, constant).mutual_information == doctest::Approx(0.0));
    CHECK(modeMapping(modes, modes, sources, halves).mutual_information == doctest::Approx(1.0));
    const std::vector<int> targets = dominantTargets(perm);
    CHECK(targets == std::vector<int>{3, 4, 5, 6, 7, 0, 1, 2});
    const RingPermutation rotation = classifyRingPermutation(targets);
    CHECK(rotation.kind == RingPermutation::Kind::Rotation);
    CHECK(rotation.offset == 3);
    const RingPermutation flip = classifyRingPermutation({2, 1, 0, 7, 6, 5, 4, 3});
    CHECK(flip.kind == RingPermutation::Kind::Reflection);
    CHECK(flip.offset == 2);
    CHECK(classifyRingPermutation({0, 2, 1, 3, 4, 5, 6, 7}).kind == RingPermutation::Kind::Other);
    CHECK(classifyRingPermutation({0, 0, 0, 0, 0, 0, 0, 0}).kind == RingPermutation::Kind::Other);
    CHECK(nearestMode(modes, 1.9, 0.1) == 0);
    CHECK(nearestMode({}, 0, 0) == -1);
    CHECK(mutualInformationBits({}, 0, 0) == 0.0);
}
