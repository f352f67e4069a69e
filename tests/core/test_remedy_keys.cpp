// test_remedy_keys.cpp — the mode-collapse remedy keys of a toy run
// (feature_matching, minibatch_discrimination, unrolled_steps, pack,
// instance_noise, instance_noise_steps): read, written back only when on,
// round-tripped, and refused out of range with file, line and key.
#include <doctest/doctest.h>

#include <string>

#include "core/errors.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

const std::string kBase = R"(
[scene]
title = "remedies"

[data]
family = "ring"

[[run]]
name = "plain"

[[run]]
name = "all remedies"
)";

std::string errorOf(const std::string& text) {
    try {
        parseSceneText(text, "remedies.toml", ".");
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the remedy keys are read, written only when on, and round-trip") {
    const std::string text = kBase +
                             "feature_matching = true\nminibatch_discrimination = true\nunrolled_steps = 5\npack = 2\n"
                             "instance_noise = 0.5\ninstance_noise_steps = 1500\n";
    const SceneSpec scene = parseSceneText(text, "remedies.toml", ".");
    const ToyGanSpec& plain = *toyOf(scene.runs[0]);
    CHECK_FALSE(plain.feature_matching);
    CHECK(plain.pack == 1);
    CHECK(plain.unrolled_steps == 0);
    const ToyGanSpec& all = *toyOf(scene.runs[1]);
    CHECK(all.feature_matching);
    CHECK(all.minibatch_discrimination);
    CHECK(all.unrolled_steps == 5);
    CHECK(all.pack == 2);
    CHECK(all.instance_noise == 0.5);
    CHECK(all.instance_noise_steps == 1500);
    const std::string written = sceneToToml(scene);
    CHECK(parseSceneText(written, "again.toml", ".") == scene);
    // The plain run's table says nothing about remedies: old scenes are written as before.
    const std::string first_run = written.substr(written.find("[[run]]"), written.rfind("[[run]]") - written.find("[[run]]"));
    CHECK(first_run.find("pack") == std::string::npos);
    CHECK(first_run.find("feature_matching") == std::string::npos);
    CHECK(written.find("unrolled_steps = 5") != std::string::npos);
}

TEST_CASE("remedy keys out of range are refused with the file, line and key") {
    const std::string pack = errorOf(kBase + "pack = 9\n");
    CHECK(pack.find("remedies.toml:") != std::string::npos);
    CHECK(pack.find("pack") != std::string::npos);
    CHECK(pack.find("1..8") != std::string::npos);
    CHECK(errorOf(kBase + "unrolled_steps = 21\n").find("0..20") != std::string::npos);
    CHECK(errorOf(kBase + "instance_noise = -1\n").find("instance_noise") != std::string::npos);
    CHECK(errorOf(kBase + "feature_matching = 1\n").find("feature_matching") != std::string::npos);
}
