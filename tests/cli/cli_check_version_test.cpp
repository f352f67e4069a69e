// cli_check_version_test.cpp — `ganarium check`, `--version` and `--help`,
// run as real processes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "cli_process.h"

using namespace ganarium::test;

namespace {
std::vector<std::string> shippedScenes() {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(GANARIUM_SCENE_DIR))
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

int countOccurrences(const std::string& text, const std::string& word) {
    int n = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
    return n;
}

// A small valid scene except for `stpes` (instead of `steps`) on line 4.
const char* kTypoScene =
    "# a scene with a misspelt key\n"
    "[scene]\n"
    "title = \"typo\"\n"
    "stpes = 100\n"
    "[data]\n"
    "family = \"gaussian\"\n"
    "[[run]]\n"
    "objective = \"non_saturating\"\n";
}  // namespace

TEST_CASE("check accepts every shipped scene") {
    const auto scenes = shippedScenes();
    REQUIRE(!scenes.empty());
    std::string args = "check";
    for (const auto& s : scenes) args += " " + shellQuote(s);
    const ProcessResult r = runGanarium(args);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(countOccurrences(r.output, "OK  ") == static_cast<int>(scenes.size()));
    CHECK(r.output.find("runs, ring)") != std::string::npos);  // default.toml: "(2 runs, ring)"
}

TEST_CASE("check reports a misspelt key with file:line and a suggestion") {
    ScratchDir dir;
    const std::string path = dir.write("typo.toml", kTypoScene);
    const ProcessResult r = runGanarium("check " + shellQuote(path));
    INFO(r.output);
    CHECK(r.exit_code != 0);
    CHECK(r.output.find(path + ":4") != std::string::npos);
    CHECK(r.output.find("stpes") != std::string::npos);
    CHECK(r.output.find("did you mean") != std::string::npos);
    CHECK(r.output.find("'steps'") != std::string::npos);
    CHECK(r.output.find("OK  ") == std::string::npos);
}

TEST_CASE("check fails when one of several files is bad or missing") {
    ScratchDir dir;
    const std::string missing = dir.file("nope.toml");
    const ProcessResult r =
        runGanarium("check " + shellQuote(std::string(GANARIUM_SCENE_DIR) + "/default.toml") + " " + shellQuote(missing));
    INFO(r.output);
    CHECK(r.exit_code != 0);
    CHECK(countOccurrences(r.output, "OK  ") == 1);
    CHECK(r.output.find("not found") != std::string::npos);
    CHECK(r.output.find("1 of 2 scene files are valid") != std::string::npos);
}

TEST_CASE("check without a file prints its usage and fails") {
    const ProcessResult r = runGanarium("check");
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("usage: ganarium check") != std::string::npos);
}

TEST_CASE("--version names the version, LibTorch and the BLAS in use") {
    const ProcessResult r = runGanarium("--version");
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("ganarium 0.1.0") != std::string::npos);
    CHECK(r.output.find("LibTorch 1.") != std::string::npos);
    CHECK(r.output.find("BLAS") != std::string::npos);
    CHECK(r.output.find("libblas") != std::string::npos);  // the resolved library path
    CHECK(r.output.find("hardware thread") != std::string::npos);
}

TEST_CASE("--help lists every subcommand and their options") {
    const ProcessResult r = runGanarium("--help");
    CHECK(r.exit_code == 0);
    for (const char* word : {"ganarium train", "ganarium check", "ganarium record", "--version", "--frames",
                             "--screenshot", "--stats", "--paused", "--steps", "--seed", "--threads", "--every", "--metrics",
                             "--fps", "--size", "--steps-per-frame", "--layout", "--lang", "--png-dir", "--caption"}) {
        INFO(std::string(word));
        CHECK(r.output.find(word) != std::string::npos);
    }
}
