// cli_hostile_inputs_test.cpp — `ganarium check` and `train` on inputs that
// used to crash or hang them: deep nesting (SIGSEGV), a FIFO (blocked in
// open()), /dev/zero (std::bad_alloc), a spec too big for memory (LibTorch
// error), int64 overflow in a message, escape sequences in a title. Each run
// is wrapped in `timeout` so a regression fails instead of hanging CTest.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "cli_process.h"

using namespace ganarium::test;

namespace {

// `ganarium ARGS` killed after 60 s (exit 124 then); ENV is prepended (e.g. "VAR=1 ").
ProcessResult runBounded(const std::string& args, const std::string& env = "") {
    return runShell(env + "OPENBLAS_NUM_THREADS=1 timeout 60 " + shellQuote(ganariumBinary()) + " " + args);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string pointsScene(const std::string& csv) {
    return "[scene]\ntitle = \"points\"\n[data]\nfamily = \"points\"\ncsv = \"" + csv + "\"\n[[run]]\n";
}

}  // namespace

TEST_CASE("check and train refuse 35,000 levels of table nesting instead of crashing") {
    ScratchDir dir;
    std::string header = "[";
    for (int i = 0; i < 35000; ++i) header += "a.";
    const std::string path = dir.write("deep.toml", "[data]\nfamily = \"ring\"\n" + header + "a]\n[[run]]\n");
    ProcessResult r = runBounded("check " + shellQuote(path));
    INFO(r.output.substr(0, 2000));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.output, path + ":3: tables, dotted keys or arrays nest more than 32 levels"));
    r = runBounded("train " + shellQuote(path) + " --steps 1");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.output, "nest more than 32 levels"));
}

TEST_CASE("a FIFO as the csv file or as the scene is refused at once") {
    ScratchDir dir;
    REQUIRE(::mkfifo(dir.file("pipe.csv").c_str(), 0644) == 0);
    REQUIRE(::mkfifo(dir.file("pipe.toml").c_str(), 0644) == 0);
    const std::string scene = dir.write("fifo.toml", pointsScene("pipe.csv"));
    ProcessResult r = runBounded("check " + shellQuote(scene) + " " + shellQuote(dir.file("pipe.toml")));
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(r.seconds < 30);
    CHECK(contains(r.output, scene + ":5: points file '" + dir.file("pipe.csv") + "' is a named pipe (FIFO)"));
    CHECK(contains(r.output, "scene file '" + dir.file("pipe.toml") + "' is a named pipe (FIFO)"));
    CHECK(contains(r.output, "0 of 2 scene files are valid"));
    r = runBounded("train " + shellQuote(scene) + " --steps 1");
    CHECK(r.exit_code == 2);
    CHECK(contains(r.output, "is a named pipe (FIFO)"));
}

TEST_CASE("/dev/zero as the csv file is refused without allocating") {
    ScratchDir dir;
    const std::string scene = dir.write("zero.toml", pointsScene("/dev/zero"));
    const ProcessResult r = runBounded("check " + shellQuote(scene));
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.output, "'/dev/zero' is a character device, not a regular file"));
    CHECK(!contains(r.output, "bad_alloc"));
}

TEST_CASE("a csv directory and an empty csv path say so") {
    ScratchDir dir;
    ProcessResult r = runBounded("check " + shellQuote(dir.write("d.toml", pointsScene("."))) + " " +
                                 shellQuote(dir.write("e.toml", pointsScene(""))));
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.output, "is a directory, not a regular file"));
    CHECK(contains(r.output, "key 'csv' in [data]: is an empty path"));
    CHECK(!contains(r.output, "contains no points"));
}

TEST_CASE("a big csv prints its reading progress on stderr") {
    ScratchDir dir;
    std::string text;
    for (int i = 0; i < 900000; ++i) text += std::to_string(i % 1000) + ".123456,-" + std::to_string(i % 777) + ".654321\n";
    REQUIRE(text.size() > 16000000);  // progress is shown from 16 MB
    dir.write("big.csv", text);
    const std::string scene = dir.write("big.toml", pointsScene("big.csv"));
    const ProcessResult r = runBounded("check " + shellQuote(scene));
    INFO(r.output.substr(0, 2000));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.output, "reading " + dir.file("big.csv") + ": 25% of "));
    CHECK(contains(r.output, "reading " + dir.file("big.csv") + ": 100% of "));
    CHECK(contains(r.output, "OK  " + scene + "  (1 run, points)"));
}

TEST_CASE("a network too big for this machine is refused by check and train with the figures") {
    ScratchDir dir;
    const std::string scene = dir.write("huge.toml", R"([data]
family = "ring"
[[run]]
name = "huge"
batch = 65536
g_hidden = [4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096]
d_hidden = [4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096]
)");
    const std::string limit = "GANARIUM_MEMORY_LIMIT_MB=22100 ";
    ProcessResult r = runBounded("check " + shellQuote(scene), limit);
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.output, scene + ":3: [[run]] #1 (huge) needs about "));
    CHECK(contains(r.output, "this machine has 22.1 GB available (GANARIUM_MEMORY_LIMIT_MB); lower batch (65536)"));
    r = runBounded("train " + shellQuote(scene) + " --steps 1", limit);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.output, "needs about "));
    CHECK(!contains(r.output, "frame #"));  // no LibTorch stack trace
    // The default scene fits in a small machine.
    CHECK(runBounded("check default", "GANARIUM_MEMORY_LIMIT_MB=1000 ").exit_code == 0);
}

TEST_CASE("message defects: int64 overflow and escape sequences in a title") {
    ScratchDir dir;
    const std::string steps = dir.write("steps.toml", "[scene]\nsteps = 9223372036854775807\n[data]\nfamily = \"ring\"\n[[run]]\n");
    const std::string title =
        dir.write("title.toml", "[scene]\ntitle = \"\\u001b[2J\\u001b[31mred\"\n[data]\nfamily = \"ring\"\n[[run]]\n");
    const ProcessResult r = runBounded("check " + shellQuote(steps) + " " + shellQuote(title));
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.output, steps + ":2: key 'steps' in [scene]: 9223372036854775807 is out of range"));
    CHECK(contains(r.output, title + ":2: key 'title' in [scene]: contains a control character (U+001B"));
    CHECK(!contains(r.output, "\x1b"));  // nothing raw reaches the terminal
}
