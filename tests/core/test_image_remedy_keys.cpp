// test_image_remedy_keys.cpp — the mode-collapse remedy keys of an image run
// (feature_matching, minibatch_stddev, pack, instance_noise,
// instance_noise_steps): read, written back only when on, round-tripped; and
// the refusals: minibatch_discrimination and unrolled_steps on images, the
// remedies with conditional = true, minibatch_stddev on a toy run.
#include <doctest/doctest.h>

#include <string>

#include "core/errors.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

const std::string kImageBase = R"(
[scene]
title = "image remedies"

[defaults]
kind = "image_gan"

[[run]]
name = "plain"

[[run]]
name = "remedies"
)";

std::string errorOf(const std::string& text) {
    try {
        parseSceneText(text, "image-remedies.toml", ".");
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("image remedy keys are read, written only when on, and round-trip") {
    const std::string text = kImageBase +
                             "feature_matching = true\nminibatch_stddev = true\npack = 3\n"
                             "instance_noise = 0.2\ninstance_noise_steps = 800\n";
    const SceneSpec scene = parseSceneText(text, "image-remedies.toml", ".");
    const ImageGanSpec& plain = *imageOf(scene.runs[0]);
    CHECK_FALSE(remediesActive(plain));
    CHECK(plain.pack == 1);
    const ImageGanSpec& all = *imageOf(scene.runs[1]);
    CHECK(all.feature_matching);
    CHECK(all.minibatch_stddev);
    CHECK(all.pack == 3);
    CHECK(all.instance_noise == 0.2);
    CHECK(all.instance_noise_steps == 800);
    CHECK(remediesActive(all));
    const std::string written = sceneToToml(scene);
    CHECK(parseSceneText(written, "again.toml", ".") == scene);
    const size_t first = written.find("[[run]]"), second = written.rfind("[[run]]");
    const std::string plain_table = written.substr(first, second - first);
    CHECK(plain_table.find("pack") == std::string::npos);
    CHECK(plain_table.find("minibatch_stddev") == std::string::npos);
    CHECK(written.find("pack = 3") != std::string::npos);
}

TEST_CASE("image remedies that are not built, out of range or combined with conditional are refused") {
    const std::string mbd = errorOf(kImageBase + "minibatch_discrimination = true\n");
    CHECK(mbd.find("image-remedies.toml:") != std::string::npos);
    CHECK(mbd.find("minibatch_discrimination") != std::string::npos);
    CHECK(mbd.find("minibatch_stddev") != std::string::npos);  // says what to use instead
    const std::string unrolled = errorOf(kImageBase + "unrolled_steps = 3\n");
    CHECK(unrolled.find("unrolled_steps") != std::string::npos);
    CHECK(unrolled.find("not built for image runs") != std::string::npos);
    CHECK(errorOf(kImageBase + "pack = 9\n").find("1..8") != std::string::npos);
    CHECK(errorOf(kImageBase + "instance_noise = -0.5\n").find("instance_noise") != std::string::npos);
    const std::string conditional = errorOf(kImageBase + "conditional = true\npack = 2\n");
    CHECK(conditional.find("pack") != std::string::npos);
    CHECK(conditional.find("conditional") != std::string::npos);
    CHECK(errorOf(kImageBase + "minibatch_stddev = true\nbatch = 1\n").find("batch >= 2") != std::string::npos);
    const std::string toy = errorOf("[scene]\ntitle = \"t\"\n[data]\nfamily = \"ring\"\n[[run]]\nminibatch_stddev = true\n");
    CHECK(toy.find("minibatch_discrimination") != std::string::npos);  // the toy run's own remedy is named
}
