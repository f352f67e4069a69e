// test_tile_pick.cpp — picking sample tiles (A, then B) and the image views'
// scene keys `interpolate` and `progress_steps`: read, written back, refused
// when out of range.
#include <doctest/doctest.h>

#include <string>

#include "core/command.h"
#include "core/errors.h"
#include "core/scene_parser.h"
#include "core/tile_pick.h"

using namespace ganarium;

namespace {

const char* const kScene = R"(
[scene]
title = "picks"

[[run]]
kind = "image_gan"
interpolate = [3, 17]
progress_steps = [50, 200, 500]
)";

std::string errorOf(const std::string& text) {
    try {
        parseSceneText(text, "picks.toml", ".");
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("clicks pick A, then B, then start again at A; a right click (-1) clears") {
    CHECK(tilesAfterClick({}, 5) == std::vector<int>{5});
    CHECK(tilesAfterClick({5}, 9) == std::vector<int>{5, 9});
    CHECK(tilesAfterClick({5}, 5) == std::vector<int>{5});
    CHECK(tilesAfterClick({5, 9}, 2) == std::vector<int>{2});
    CHECK(tilesAfterClick({5, 9}, -1).empty());
    CHECK(tilesAfterClick({5}, kPickableTiles).empty());
    CHECK(changesScene(Command::Kind::PickTile));  // the pick is saved with the scene
}

TEST_CASE("interpolate and progress_steps are read, written back and checked") {
    const SceneSpec scene = parseSceneText(kScene, "picks.toml", ".");
    const ImageGanSpec* image = imageOf(scene.runs.at(0));
    REQUIRE(image != nullptr);
    CHECK(image->interpolate == std::vector<int>{3, 17});
    CHECK(image->progress_steps == std::vector<int>{50, 200, 500});
    const std::string text = sceneToToml(scene);
    CHECK(text.find("interpolate = [3, 17]") != std::string::npos);
    CHECK(parseSceneText(text, "again.toml", ".") == scene);

    const std::string base = "[[run]]\nkind = \"image_gan\"\n";
    CHECK(errorOf(base + "interpolate = [3, 64]\n").find("interpolate") != std::string::npos);
    CHECK(errorOf(base + "interpolate = [1, 2, 3]\n").find("one or two tiles") != std::string::npos);
    CHECK(errorOf(base + "progress_steps = [500, 200]\n").find("increasing") != std::string::npos);
}
