// test_presenter_key.cpp — the [scene] presenter key: parsed, written only when
// on, round-trips through sceneToToml, and a wrong type names file, line and key.
#include <doctest/doctest.h>

#include <string>

#include "core/errors.h"
#include "core/scene_parser.h"

using namespace ganarium;

TEST_CASE("scene key presenter: parse, write, round trip") {
    const std::string base = "[scene]\ntitle = \"t\"\n";
    SceneSpec off = parseSceneText(base + "[data]\nfamily = \"ring\"\n[[run]]\nname = \"a\"\n", "off.toml");
    CHECK_FALSE(off.display.presenter);
    CHECK(sceneToToml(off).find("presenter") == std::string::npos);

    SceneSpec on = parseSceneText(base + "presenter = true\n[data]\nfamily = \"ring\"\n[[run]]\nname = \"a\"\n", "on.toml");
    CHECK(on.display.presenter);
    const std::string text = sceneToToml(on);
    CHECK(text.find("presenter = true") != std::string::npos);
    const SceneSpec again = parseSceneText(text, "again.toml");
    CHECK(again.display.presenter);
    CHECK(again.display == on.display);
    CHECK(again.display != off.display);

    try {
        parseSceneText(base + "presenter = \"yes\"\n[data]\nfamily = \"ring\"\n[[run]]\nname = \"a\"\n", "bad.toml");
        FAIL("a string presenter value was accepted");
    } catch (const UserError& error) {
        const std::string what = error.what();
        CHECK(what.find("bad.toml") != std::string::npos);
        CHECK(what.find("presenter") != std::string::npos);
    }
}
