// test_run_spec.cpp — RunSpec as a variant of per-kind option structs:
// kind accessors, equality, one parser and one writer per kind (round trip),
// and keys of another kind refused with file, line and key.
#include <doctest/doctest.h>

#include <string>

#include "core/scene_parser.h"

using namespace ganarium;

namespace {

// The message of the SceneError parseSceneText throws ("" when none).
std::string errorOf(const std::string& text, const std::string& name) {
    try {
        parseSceneText(text, name, ".");
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a RunSpec holds the options of exactly one kind") {
    RunSpec run;
    CHECK(kindOf(run) == RunKind::ToyGan);
    REQUIRE(toyOf(run) != nullptr);
    CHECK(diracOf(run) == nullptr);
    CHECK(toyOf(run)->batch == 256);
    run.options = defaultOptions(RunKind::DiracGan);
    CHECK(kindOf(run) == RunKind::DiracGan);
    CHECK(toyOf(run) == nullptr);
    REQUIRE(diracOf(run) != nullptr);
    CHECK(diracOf(run)->h == doctest::Approx(0.2));
    CHECK(runKindNames().size() == std::variant_size_v<RunOptions>);

    RunSpec toy, dirac;
    dirac.options = DiracGanSpec{};
    CHECK_FALSE(toy == dirac);  // same name, other kind
    RunSpec dirac2 = dirac;
    CHECK(dirac2 == dirac);
    diracOf(dirac2)->theta0 = 0.25;
    CHECK_FALSE(dirac2 == dirac);
    RunSpec toy2 = toy;
    toyOf(toy2)->k_d = 3;
    CHECK_FALSE(toy2 == toy);
}

TEST_CASE("a scene of both kinds round-trips through the writer, each run with its own keys") {
    SceneSpec scene;
    scene.title = "both kinds";
    RunSpec toy;
    toy.name = "toy run";
    ToyGanSpec& t = *toyOf(toy);
    t.objective = Objective::Wasserstein;
    t.lipschitz = Lipschitz::GradientPenalty;
    t.k_d = 4;
    t.batch = 96;
    t.latent = LatentKind::Uniform;
    t.g_net.hidden = {32, 16};
    t.d_opt.lr = 3e-4;
    RunSpec dirac;
    dirac.name = "dirac run";
    DiracGanSpec& d = dirac.options.emplace<DiracGanSpec>();
    d.method = DiracMethod::R1;
    d.scheme = DiracScheme::Alternating;
    d.n_d = 2;
    d.r1_gamma = 0.4;
    d.theta0 = -0.5;
    scene.runs = {toy, dirac};
    const std::string text = sceneToToml(scene);
    const size_t second = text.find("[[run]]", text.find("[[run]]") + 1);
    REQUIRE(second != std::string::npos);
    CHECK(text.find("kind = \"dirac\"") > second);       // only the Dirac run says its kind
    CHECK(text.find("method = \"r1\"") > second);
    CHECK(text.find("objective = \"wasserstein\"") < second);
    const SceneSpec again = parseSceneText(text, "both.toml", ".");
    CHECK(again == scene);
    REQUIRE(again.runs.size() == 2);
    CHECK(toyOf(again.runs[0])->batch == 96);
    CHECK(diracOf(again.runs[1])->r1_gamma == doctest::Approx(0.4));
}

TEST_CASE("a key of another kind is refused with the file, line and key") {
    const std::string msg = errorOf("[data]\nfamily = \"ring\"\n[[run]]\nobjective = \"minimax\"\nmethod = \"r1\"\n",
                                    "scenes/mixed.toml");
    CHECK(msg.find("scenes/mixed.toml:5") != std::string::npos);
    CHECK(msg.find("'method'") != std::string::npos);
    CHECK(msg.find("[[run]] #1") != std::string::npos);
}

TEST_CASE("[defaults] of one kind leave a run of the other kind with its own defaults") {
    const SceneSpec s = parseSceneText(
        "[data]\nfamily = \"ring\"\n[defaults]\nk_d = 3\nbatch = 64\n"
        "[[run]]\n[[run]]\nkind = \"dirac\"\nmethod = \"wgan_gp\"\n[[run]]\nkind = \"toy\"\n",
        "d.toml", ".");
    REQUIRE(s.runs.size() == 3);
    CHECK(toyOf(s.runs[0])->k_d == 3);
    CHECK(toyOf(s.runs[0])->batch == 64);
    REQUIRE(diracOf(s.runs[1]) != nullptr);
    CHECK(diracOf(s.runs[1])->method == DiracMethod::GradientPenalty);
    CHECK(diracOf(s.runs[1])->n_d == 1);
    CHECK(toyOf(s.runs[2])->k_d == 3);  // an explicit "toy" keeps the toy defaults

    const SceneSpec d = parseSceneText(
        "[data]\nfamily = \"ring\"\n[defaults]\nkind = \"dirac\"\nh = 0.05\n[[run]]\n[[run]]\nkind = \"toy\"\n", "e.toml",
        ".");
    REQUIRE(d.runs.size() == 2);
    REQUIRE(diracOf(d.runs[0]) != nullptr);
    CHECK(diracOf(d.runs[0])->h == doctest::Approx(0.05));
    REQUIRE(toyOf(d.runs[1]) != nullptr);
    CHECK(toyOf(d.runs[1])->k_d == ToyGanSpec{}.k_d);
}
