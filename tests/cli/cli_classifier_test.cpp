// cli_classifier_test.cpp — `ganarium classifier`: its help, its option
// errors and an unwritable cache folder, run as real processes. (Training
// the full classifier takes minutes; the cache round trip and the metrics
// are tested in tests/train with a quick training.)
#include <doctest/doctest.h>

#include "cli_process.h"

using namespace ganarium::test;

TEST_CASE("classifier --help lists its options; ganarium --help lists the subcommand") {
    const ProcessResult help = runGanarium("classifier --help");
    INFO(help.output);
    CHECK(help.exit_code == 0);
    for (const char* option : {"--retrain", "--cache-dir", "--reference", "--threads"})
        CHECK(help.output.find(option) != std::string::npos);
    const ProcessResult main_help = runGanarium("--help");
    CHECK(main_help.output.find("ganarium classifier") != std::string::npos);
}

TEST_CASE("classifier: an unknown option or an unwritable cache folder exits 2 with the fix") {
    const ProcessResult bad = runGanarium("classifier --retrian");
    INFO(bad.output);
    CHECK(bad.exit_code == 2);
    CHECK(bad.output.find("--retrain") != std::string::npos);

    ScratchDir dir;
    const std::string file = dir.write("not-a-folder", "x");
    const ProcessResult unwritable = runGanarium("classifier --cache-dir " + shellQuote(file + "/cache"));
    INFO(unwritable.output);
    CHECK(unwritable.exit_code == 2);
    CHECK(unwritable.output.find("cannot create the classifier cache folder") != std::string::npos);
    CHECK(unwritable.output.find("--cache-dir") != std::string::npos);
}
