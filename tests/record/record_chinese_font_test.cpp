// record_chinese_font_test.cpp — `ganarium record --lang zh` on a machine
// without a CJK font (GANARIUM_FONT_DIRS pointing at an empty folder): it
// names the package to install and records in English instead of failing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "record/record_test_support.h"

using namespace ganarium::test;

TEST_CASE("recording in Chinese without a CJK font names fonts-noto-cjk and records in English") {
    if (ganariumBinary().empty()) {
        MESSAGE("GANARIUM_BIN is not set: run through ctest, or set it to the built ganarium");
        CHECK(ganariumBinary().empty());
        return;
    }
    TempDir dir, no_fonts;
    writeTinyScene(dir.file("tiny.toml"));
    setenv("GANARIUM_FONT_DIRS", no_fonts.path().c_str(), 1);
    const RunResult r =
        runRecord(dir.file("tiny.toml"), {"-o", dir.file("tiny.gif"), "--frames", "3", "--lang", "zh"}, "", "320x180");
    unsetenv("GANARIUM_FONT_DIRS");
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("sudo apt install fonts-noto-cjk") != std::string::npos);
    CHECK(r.output.find("stays in English") != std::string::npos);
    CHECK(fileExists(dir.file("tiny.gif")));
}
