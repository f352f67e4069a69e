// test_image_gan_spec.cpp — the image-GAN run kind in scene files: its keys
// are read, an image-only scene (no [data]) round-trips through the writer,
// and unknown or out-of-range keys are refused with file, line and key.
// Also the Fashion-MNIST loader: class filter, subset, missing package.
#include <doctest/doctest.h>

#include <string>

#include "core/errors.h"
#include "core/image_dataset.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

std::string errorOf(const std::string& text) {
    try {
        parseSceneText(text, "image.toml", ".");
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

const char* const kImageScene = R"(
[scene]
title = "images"

[[run]]
kind = "image_gan"
objective = "wasserstein"
lipschitz = "gp"
width = 16
depth = 3
batch_norm = false
upsample = "nearest"
latent_dim = 32
batch = 32
g_lr = 0.001
beta1 = 0.0
classes = [0, 7, 9]
subset = 500

[[run]]
kind = "image_gan"
name = "plain"
)";

}  // namespace

TEST_CASE("image_gan runs read their keys and keep defaults for the rest") {
    const SceneSpec scene = parseSceneText(kImageScene, "image.toml", ".");
    REQUIRE(scene.runs.size() == 2);
    const ImageGanSpec* a = imageOf(scene.runs[0]);
    REQUIRE(a != nullptr);
    CHECK(kindOf(scene.runs[0]) == RunKind::ImageGan);
    CHECK(a->objective == Objective::Wasserstein);
    CHECK(a->lipschitz == Lipschitz::GradientPenalty);
    CHECK(a->width == 16);
    CHECK(a->depth == 3);
    CHECK_FALSE(a->batch_norm);
    CHECK(a->upsample == Upsample::NearestConv);
    CHECK(a->latent_dim == 32);
    CHECK(a->batch == 32);
    CHECK(a->g_opt.lr == doctest::Approx(0.001));
    CHECK(a->d_opt.lr == doctest::Approx(2e-4));
    CHECK(a->g_opt.beta1 == 0.0);
    CHECK(a->d_opt.beta1 == 0.0);
    CHECK(a->classes == std::vector<int>{0, 7, 9});
    CHECK(a->subset == 500);
    const ImageGanSpec* b = imageOf(scene.runs[1]);
    REQUIRE(b != nullptr);
    CHECK(b->batch == 64);
    CHECK(b->batch_norm);
    CHECK(b->classes.empty());
    CHECK(scene.runs[1].name == "plain");
    CHECK(scene.runs[0].name == "DCGAN, WGAN-GP");
    CHECK_FALSE(sceneUsesData(scene));
}

TEST_CASE("an image-only scene round-trips through the writer") {
    const SceneSpec scene = parseSceneText(kImageScene, "image.toml", ".");
    const std::string text = sceneToToml(scene);
    CHECK(text.find("kind = \"image_gan\"") != std::string::npos);
    CHECK(text.find("classes = [0, 7, 9]") != std::string::npos);
    const SceneSpec again = parseSceneText(text, "again.toml", ".");
    CHECK(again == scene);
    CHECK(sceneToToml(again) == text);
}

TEST_CASE("image_gan refuses unknown and out-of-range keys with file, line and key") {
    const std::string base = "[[run]]\nkind = \"image_gan\"\n";
    const std::string unknown = errorOf(base + "widht = 8\n");
    CHECK(unknown.find("image.toml") != std::string::npos);
    CHECK(unknown.find("widht") != std::string::npos);
    CHECK(unknown.find("width") != std::string::npos);  // the suggestion
    CHECK(errorOf(base + "g_hidden = [8]\n").find("g_hidden") != std::string::npos);  // a toy key
    CHECK(errorOf(base + "depth = 7\n").find("depth") != std::string::npos);
    CHECK(errorOf(base + "classes = [3, 10]\n").find("classes") != std::string::npos);
    CHECK(errorOf(base + "upsample = \"bilinear\"\n").find("nearest") != std::string::npos);
    CHECK(errorOf(base + "width = 8\n") == "");
}

TEST_CASE("Fashion-MNIST images are filtered by class and cut to a subset") {
    const ImageDataset all = loadImageDataset({}, 0, /*train=*/false);
    CHECK(all.count == 10000);
    CHECK(all.rows == 28);
    CHECK(all.cols == 28);
    CHECK(all.pixels.size() == 10000u * 784u);
    const ImageDataset shoes = loadImageDataset({7, 9}, 300, /*train=*/false);
    CHECK(shoes.count == 300);
    CHECK(shoes.pixels.size() == 300u * 784u);
    for (uint8_t label : shoes.labels) CHECK((label == 7 || label == 9));
    // The filtered images are the split's images of those classes, in order.
    size_t first = 0;
    while (all.labels[first] != 7 && all.labels[first] != 9) ++first;
    CHECK(std::equal(shoes.pixels.begin(), shoes.pixels.begin() + 784, all.pixels.begin() + first * 784));
}

TEST_CASE("a missing Fashion-MNIST names the package to install") {
    try {
        loadImageDataset({}, 0, true, "/nonexistent/fashion-mnist");
        FAIL("expected a UserError");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()).find("dataset-fashion-mnist") != std::string::npos);
        CHECK(std::string(e.what()).find("/nonexistent/fashion-mnist") != std::string::npos);
    }
}

TEST_CASE("conditional image runs: keys, default label, round trip, and mismatched pairs need a label to mismatch") {
    const char* const text = R"(
[[run]]
kind = "image_gan"
conditional = true
classes = [1, 7, 8]

[[run]]
kind = "image_gan"
conditional = true
mismatched_pairs = true
)";
    const SceneSpec scene = parseSceneText(text, "image.toml", ".");
    REQUIRE(scene.runs.size() == 2);
    const ImageGanSpec* a = imageOf(scene.runs[0]);
    const ImageGanSpec* b = imageOf(scene.runs[1]);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(a->conditional);
    CHECK_FALSE(a->mismatched_pairs);
    CHECK(b->conditional);
    CHECK(b->mismatched_pairs);
    CHECK(scene.runs[0].name.rfind("conditional DCGAN, ", 0) == 0);
    CHECK(scene.runs[1].name == scene.runs[0].name + " +mismatched pairs");
    const std::string written = sceneToToml(scene);
    CHECK(written.find("conditional = true") != std::string::npos);
    CHECK(written.find("mismatched_pairs = true") != std::string::npos);
    const SceneSpec again = parseSceneText(written, "again.toml", ".");
    CHECK(again == scene);
    CHECK(sceneToToml(again) == written);
    ImageGanSpec plain = *a;
    plain.conditional = false;
    CHECK_FALSE(plain == *a);

    const std::string base = "[[run]]\nkind = \"image_gan\"\n";
    const std::string unconditional = errorOf(base + "mismatched_pairs = true\n");
    CHECK(unconditional.find("image.toml:3") != std::string::npos);
    CHECK(unconditional.find("mismatched_pairs") != std::string::npos);
    CHECK(unconditional.find("conditional = true") != std::string::npos);
    const std::string one_class = errorOf(base + "conditional = true\nmismatched_pairs = true\nclasses = [3]\n");
    CHECK(one_class.find("two classes") != std::string::npos);
    CHECK(errorOf(base + "conditional = \"yes\"\n").find("conditional") != std::string::npos);
    // [defaults] may switch both on for every run.
    CHECK(errorOf("[defaults]\nkind = \"image_gan\"\nconditional = true\nmismatched_pairs = true\n" + base) == "");
}
