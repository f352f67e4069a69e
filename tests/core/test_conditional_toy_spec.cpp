// test_conditional_toy_spec.cpp — the conditional toy GAN's scene keys
// (`conditional`, `mismatched_pairs`): parsing, the panel title, the
// save-as round trip, refusals with file, line and key (data without
// mixture components, mismatched pairs without a condition, a fixed
// generator), and the labelled sampler (same draws as the plain one, the
// component of each sample, a clear refusal for unlabelled families).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/condition_data.h"
#include "core/distribution.h"
#include "core/errors.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

std::string errorOf(const std::string& text) {
    try {
        parseSceneText(text, "cond.toml", ".");
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

const std::string kRing = "[data]\nfamily = \"ring\"\nmodes = 8\n";

}  // namespace

TEST_CASE("conditional toy runs: keys, panel title and the save-as round trip") {
    const std::string text = kRing + R"(
[[run]]
objective = "non_saturating"

[[run]]
conditional = true

[[run]]
conditional = true
mismatched_pairs = true
)";
    const SceneSpec scene = parseSceneText(text, "cond.toml", ".");
    REQUIRE(scene.runs.size() == 3);
    CHECK_FALSE(toyOf(scene.runs[0])->conditional);
    CHECK(toyOf(scene.runs[1])->conditional);
    CHECK_FALSE(toyOf(scene.runs[1])->mismatched_pairs);
    CHECK(toyOf(scene.runs[2])->mismatched_pairs);
    CHECK(scene.runs[1].name == "conditional " + scene.runs[0].name);
    CHECK(scene.runs[2].name == scene.runs[1].name + " +mismatched pairs");
    const std::string written = sceneToToml(scene);
    CHECK(written.find("conditional = true") != std::string::npos);
    CHECK(written.find("mismatched_pairs = true") != std::string::npos);
    const SceneSpec again = parseSceneText(written, "again.toml", ".");
    CHECK(again == scene);
    CHECK(sceneToToml(again) == written);
    ToyGanSpec plain = *toyOf(scene.runs[2]);
    plain.mismatched_pairs = false;
    CHECK_FALSE(plain == *toyOf(scene.runs[2]));
    // [defaults] may switch both on for every run; every mixture family is accepted.
    CHECK(errorOf(kRing + "[defaults]\nconditional = true\nmismatched_pairs = true\n[[run]]\n") == "");
    for (const char* data : {"[data]\nfamily = \"grid\"\ngrid_n = 3\n", "[data]\nfamily = \"mixture\"\nmeans = [-2, 2]\n",
                             "[data]\nfamily = \"blobs\"\nmeans = [0, 0, 2, 2]\n"}) {
        CAPTURE(data);
        CHECK(errorOf(std::string(data) + "[[run]]\nconditional = true\n") == "");
    }
}

TEST_CASE("conditional toy runs: refusals name the file, line and key") {
    const std::string swiss = "[data]\nfamily = \"swiss_roll\"\n\n[[run]]\nconditional = true\n";
    const std::string no_components = errorOf(swiss);
    CHECK(no_components.find("cond.toml:5") != std::string::npos);
    CHECK(no_components.find("conditional") != std::string::npos);
    CHECK(no_components.find("swiss_roll") != std::string::npos);
    CHECK(no_components.find("ring") != std::string::npos);  // the families that work
    // From [defaults]: the run's table is named.
    const std::string from_defaults = errorOf("[data]\nfamily = \"two_moons\"\n[defaults]\nconditional = true\n[[run]]\n");
    CHECK(from_defaults.find("[[run]] #1") != std::string::npos);
    CHECK(from_defaults.find("[defaults]") != std::string::npos);
    // One component is nothing to condition on.
    CHECK(errorOf("[data]\nfamily = \"ring\"\nmodes = 1\n[[run]]\nconditional = true\n").find("two mixture components") !=
          std::string::npos);
    CHECK(errorOf("[data]\nfamily = \"gaussian\"\n[[run]]\nconditional = true\n").find("gaussian") != std::string::npos);
    const std::string mismatched = errorOf(kRing + "\n[[run]]\nmismatched_pairs = true\n");
    CHECK(mismatched.find("cond.toml:6") != std::string::npos);
    CHECK(mismatched.find("needs conditional = true") != std::string::npos);
    const std::string fixed = errorOf(kRing + "[[run]]\nconditional = true\nfixed_generator = true\n[run.fixed_data]\nfamily = \"ring\"\n");
    CHECK(fixed.find("fixed generator") != std::string::npos);
    CHECK(errorOf(kRing + "[[run]]\nconditional = 1\n").find("conditional") != std::string::npos);
}

TEST_CASE("conditional data: label counts, and painted blobs are refused") {
    DataSpec ring;
    CHECK(conditionLabelCount(ring) == 8);
    DataSpec grid;
    grid.family = DataFamily::Grid;
    grid.grid_n = 3;
    CHECK(conditionLabelCount(grid) == 9);
    DataSpec blobs;
    blobs.family = DataFamily::Blobs2D;
    blobs.means = {0, 0, 1, 1, 2, 2};
    CHECK(conditionLabelCount(blobs) == 3);
    CHECK(conditionalDataProblem(blobs).empty());
    blobs.points = {0.5, 0.5};
    CHECK(conditionalDataProblem(blobs).find("painted points") != std::string::npos);
    DataSpec moons;
    moons.family = DataFamily::TwoMoons;
    CHECK(conditionLabelCount(moons) == 0);
    CHECK_FALSE(conditionalDataProblem(moons).empty());
}

TEST_CASE("the labelled sampler draws the same samples and names each one's component") {
    DataSpec ring;
    ring.std = 0.02;
    DataSpec mixture;
    mixture.family = DataFamily::Mixture1D;
    mixture.means = {-3, 0, 3};
    mixture.weights = {1, 2, 1};
    mixture.std = 0.1;
    for (const DataSpec& spec : {ring, mixture}) {
        const auto data = makeDistribution(spec);
        const int n = 500, dim = data->dim();
        Rng a(17), b(17);
        std::vector<float> plain(static_cast<size_t>(n * dim)), labelled(plain.size());
        std::vector<int> labels(n, -1);
        data->sample(n, a, plain.data());
        data->sampleLabelled(n, b, labelled.data(), labels.data());
        CHECK(plain == labelled);
        CHECK(a.next() == b.next());  // the same number of draws
        const std::vector<Mode> modes = data->modes();
        std::vector<int> counts(modes.size(), 0);
        for (int i = 0; i < n; ++i) {
            REQUIRE(labels[i] >= 0);
            REQUIRE(labels[i] < static_cast<int>(modes.size()));
            ++counts[static_cast<size_t>(labels[i])];
            const Mode& m = modes[static_cast<size_t>(labels[i])];
            const double dx = labelled[static_cast<size_t>(i * dim)] - m.x;
            const double dy = dim == 2 ? labelled[static_cast<size_t>(i * dim + 1)] - m.y : 0.0;
            CHECK(std::sqrt(dx * dx + dy * dy) < 6 * m.std);  // the sample lies on its own component
        }
        for (int c : counts) CHECK(c > 0);
    }
    DataSpec swiss;
    swiss.family = DataFamily::SwissRoll;
    const auto roll = makeDistribution(swiss);
    Rng rng(1);
    std::vector<float> out(2);
    int label = 0;
    CHECK_THROWS_AS(roll->sampleLabelled(1, rng, out.data(), &label), UserError);
}
