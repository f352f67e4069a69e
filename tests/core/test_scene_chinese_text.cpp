// test_scene_chinese_text.cpp — the scene's Chinese text keys (title_zh,
// caption_zh, name_zh) and the keywords' display names.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/display_names.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

const char* const kBilingual = R"(
[scene]
title = "Ring"
title_zh = "环"
caption = "Two runs"
caption_zh = "两个实验"

[data]
family = "ring"

[[run]]
name = "GAN"
name_zh = "标准 GAN"

[[run]]
kind = "dirac"
name = "Dirac"
name_zh = "狄拉克"
)";

std::string parseError(const std::string& text) {
    try {
        parseSceneText(text, "t.toml");
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("title_zh, caption_zh and name_zh are read, written and read back equal") {
    const SceneSpec scene = parseSceneText(kBilingual, "t.toml");
    CHECK(scene.title_zh == "环");
    CHECK(scene.caption_zh == "两个实验");
    REQUIRE(scene.runs.size() == 2);
    CHECK(scene.runs[0].name_zh == "标准 GAN");
    CHECK(scene.runs[1].name_zh == "狄拉克");
    const std::string toml = sceneToToml(scene);
    CHECK(toml.find("title_zh = \"环\"") != std::string::npos);
    CHECK(toml.find("name_zh = \"狄拉克\"") != std::string::npos);
    const SceneSpec again = parseSceneText(toml, "again.toml");
    CHECK(again == scene);
    SceneSpec other = again;
    other.runs[0].name_zh = "另一个";
    CHECK_FALSE(other == scene);  // equality sees the Chinese text
    other = again;
    other.caption_zh.clear();
    CHECK_FALSE(other == scene);
    CHECK(sceneToToml(defaultScene()).find("title_zh") != std::string::npos);  // the shipped default has them
}

TEST_CASE("a misspelt Chinese key is refused with a suggestion") {
    std::string text = kBilingual;
    text.replace(text.find("title_zh"), 8, "titel_zh");
    const std::string error = parseError(text);
    CHECK(error.find("titel_zh") != std::string::npos);
    CHECK(error.find("title_zh") != std::string::npos);
    text = kBilingual;
    text.replace(text.find("name_zh"), 7, "name_cn");
    CHECK(parseError(text).find("name_zh") != std::string::npos);
}

TEST_CASE("localizedText falls back to English when the Chinese text is missing") {
    const std::string en = "Ring", zh = "环", none;
    CHECK(localizedText(en, zh, true) == "环");
    CHECK(localizedText(en, zh, false) == "Ring");
    CHECK(localizedText(en, none, true) == "Ring");
}

TEST_CASE("every keyword of every group has an English and a Chinese display name") {
    const NameGroup groups[] = {NameGroup::Objective,   NameGroup::Lipschitz,   NameGroup::Optimizer,
                                NameGroup::Activation,  NameGroup::Latent,      NameGroup::Family,
                                NameGroup::DiracMethod, NameGroup::DiracScheme, NameGroup::RunKind};
    size_t keys = 0;
    for (NameGroup group : groups) {
        for (const std::string& key : groupKeys(group)) {
            ++keys;
            int rows = 0;
            for (const DisplayName& row : displayNameTable()) {
                if (row.group != group || key != row.key) continue;
                ++rows;
                CHECK_MESSAGE(std::string(row.en).size() > 0, key);
                CHECK_MESSAGE(std::string(row.zh).size() > 0, key);
            }
            CHECK_MESSAGE(rows == 1, "keyword ", key, " needs exactly one display-name row");
        }
    }
    CHECK(keys == displayNameTable().size());  // no row for a keyword that does not exist
    CHECK(displayName(NameGroup::Objective, "non_saturating", true) == "非饱和");
    CHECK(displayName(NameGroup::Objective, "non_saturating", false) == "Non-saturating");
    CHECK(displayName(NameGroup::Lipschitz, "gp", true) == "梯度惩罚");
    CHECK(displayName(NameGroup::Optimizer, "adam", false) == "Adam");
    CHECK(displayName(NameGroup::Objective, "unknown_key", true) == "unknown_key");
}

TEST_CASE("every shipped scene carries its title, caption and run names in Chinese") {
    for (const char* file : {"default.toml", "ring8.toml", "dirac-gan.toml", "optimal-d-1d.toml", "grid25.toml",
                             "swiss-roll.toml", "disjoint-1d.toml", "generator-losses-1d.toml", "gp-lambda-1d.toml",
                             "gradient-penalty-2d.toml", "mode-collapse-ring.toml", "points-smiley.toml"}) {
        const SceneSpec scene = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/" + file);
        CHECK_MESSAGE(!scene.title_zh.empty(), file);
        CHECK_MESSAGE(!scene.caption_zh.empty(), file);
        for (const RunSpec& run : scene.runs) CHECK_MESSAGE(!run.name_zh.empty(), file, ": ", run.name);
    }
}
