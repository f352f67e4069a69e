// scene_browser_hostile_test.cpp — the window's scene list (scanSceneFolders)
// over a folder of hostile scene files: a FIFO named *.toml, a scene whose csv
// is /dev/zero, 35,000 levels of nesting. Each becomes that entry's error; the
// listing neither blocks, nor throws, nor crashes (it used to freeze the UI
// thread or end the window with std::bad_alloc).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "cli_process.h"
#include "ui/panels.h"

using namespace ganarium;
using namespace ganarium::test;

TEST_CASE("the scene browser lists hostile scene files as errors and keeps going") {
    ScratchDir dir;
    REQUIRE(::mkfifo(dir.file("a_fifo.toml").c_str(), 0644) == 0);
    dir.write("b_zero.toml", "[data]\nfamily = \"points\"\ncsv = \"/dev/zero\"\n[[run]]\n");
    std::string deep = "[data]\nfamily = \"ring\"\n[";
    for (int i = 0; i < 35000; ++i) deep += "a.";
    dir.write("c_deep.toml", deep + "a]\n[[run]]\n");
    dir.write("d_good.toml", "[scene]\ntitle = \"Good one\"\n[data]\nfamily = \"ring\"\n[[run]]\n");

    std::vector<SceneEntry> entries;
    REQUIRE_NOTHROW(entries = scanSceneFolders({dir.file("")}));
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].title == "a_fifo.toml");
    CHECK(entries[0].error.find("is a named pipe (FIFO)") != std::string::npos);
    CHECK(entries[1].title == "b_zero.toml");
    CHECK(entries[1].error.find("'/dev/zero' is a character device") != std::string::npos);
    CHECK(entries[2].title == "c_deep.toml");
    CHECK(entries[2].error.find("nest more than 32 levels") != std::string::npos);
    CHECK(entries[3].title == "Good one");
    CHECK(entries[3].error.empty());
}
