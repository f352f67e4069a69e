// test_hostile_inputs.cpp — scene and CSV inputs that must neither crash nor
// hang: deep TOML nesting, FIFOs, devices, huge and malformed files, ranges
// that cannot train, control characters, and the messages each one gets.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/csv_points.h"
#include "core/scene_parser.h"
#include "core/toml_nesting.h"

using namespace ganarium;

namespace {

// A fresh temp directory, removed with its contents at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ganarium-hostile-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(file(name), std::ios::binary) << text;
        return file(name);
    }
    // A sparse file of `bytes` (no disk blocks): refused by its stat size before any read.
    std::string sparse(const std::string& name, off_t bytes) const {
        const int fd = ::open(file(name).c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
        REQUIRE(fd >= 0);
        REQUIRE(::ftruncate(fd, bytes) == 0);
        ::close(fd);
        return file(name);
    }
    std::string fifo(const std::string& name) const {
        REQUIRE(::mkfifo(file(name).c_str(), 0644) == 0);
        return file(name);
    }
    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

// The message of the SceneError that parsing `text` throws ("" when none).
std::string errorOf(const std::string& text, const std::string& base_dir = ".", SceneLoadOptions options = {}) {
    try {
        parseSceneText(text, "h.toml", base_dir, options);
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kRingRun = "[data]\nfamily = \"ring\"\n[[run]]\n";

std::string repeated(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("nesting depth of headers, dotted keys, arrays and inline tables") {
    int line = 0;
    CHECK(tomlNestingDepth("[a.b.c]\n", 100, line) == 3);
    CHECK(tomlNestingDepth("[[run]]\n[run.fixed_data]\npoints = [[1.0, 2.0]]\n", 100, line) == 5);
    CHECK(line == 3);
    CHECK(tomlNestingDepth("a = \"x.y.z[[[{\"\n", 100, line) == 1);              // dots and brackets in a string
    CHECK(tomlNestingDepth("\"a.b\".c = 1\n", 100, line) == 2);                   // a quoted key part
    CHECK(tomlNestingDepth("# a.b.c.d.e\nx = 1.5\n", 100, line) == 1);           // comments, float dots
    CHECK(tomlNestingDepth("s = '''\n[a.b.c.d]\n'''\nk = 1\n", 100, line) == 1);  // a multi-line literal string
    CHECK(tomlNestingDepth("t = {a.b = {c = 1}}\n", 100, line) == 4);
    CHECK(tomlNestingDepth("x = [\n  [1, 2],\n  [3, 4],\n]\n", 100, line) == 3);
    // Every shipped scene stays far below the limit.
    for (const auto& entry : std::filesystem::directory_iterator(GANARIUM_SCENE_DIR)) {
        if (entry.path().extension() != ".toml") continue;
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CAPTURE(entry.path().string());
        CHECK(tomlNestingDepth(text, 100, line) <= 6);
    }
}

TEST_CASE("deep nesting is refused before toml++ sees it (35,000 levels crashed it)") {
    const std::string header = "[scene]\ntitle = \"deep\"\n[" + repeated("a.", 35000) + "a]\n";
    std::string msg = errorOf(header);
    CHECK(contains(msg, "h.toml:3:"));
    CHECK(contains(msg, "nest more than 32 levels"));
    msg = errorOf("[scene]\n" + repeated("a.", 35000) + "a = 1\n");
    CHECK(contains(msg, "h.toml:2:"));
    CHECK(contains(msg, "nest more than 32"));
    CHECK(contains(errorOf("x = " + repeated("[", 40) + repeated("]", 40) + "\n"), "nest more than 32"));
    CHECK(contains(errorOf("x = " + repeated("{a = ", 40) + "1" + repeated("}", 40) + "\n"), "nest more than 32"));
    // 32 levels are still only the parser's business.
    CHECK(!contains(errorOf("[" + repeated("a.", 31) + "a]\n"), "nest more than"));
}

TEST_CASE("scene files: FIFOs, directories and oversized files are refused without reading them") {
    TempDir dir;
    const std::string fifo = dir.fifo("pipe.toml");
    CHECK_THROWS_WITH_AS(loadSceneFile(fifo), doctest::Contains("is a named pipe (FIFO), not a regular file"),
                         SceneError);
    CHECK_THROWS_WITH_AS(loadSceneFile(dir.path()), doctest::Contains("is a directory"), SceneError);
    CHECK_THROWS_WITH_AS(loadSceneFile(dir.sparse("huge.toml", 50'000'000)),
                         doctest::Contains("is 50.0 MB, more than the 4.0 MB a scene file may have"), SceneError);
    SceneLoadOptions small;
    small.max_scene_bytes = 10;
    CHECK_THROWS_WITH_AS(loadSceneFile(dir.write("ring.toml", kRingRun), small),
                         doctest::Contains("more than the 10 bytes"), SceneError);
    CHECK(loadSceneFile(dir.file("ring.toml")).data.family == DataFamily::Ring);
}

TEST_CASE("csv files: FIFOs, devices, directories, empty paths and oversized files") {
    TempDir dir;
    dir.fifo("pipe.csv");
    const auto scene = [](const std::string& csv) { return "[data]\nfamily = \"points\"\ncsv = \"" + csv + "\"\n[[run]]\n"; };
    std::string msg = errorOf(scene("pipe.csv"), dir.path());
    CHECK(contains(msg, "h.toml:3: points file '" + dir.file("pipe.csv") + "' is a named pipe (FIFO)"));
    CHECK(contains(errorOf(scene("/dev/zero")), "'/dev/zero' is a character device, not a regular file"));
    CHECK(contains(errorOf(scene("."), dir.path()), "is a directory"));
    CHECK(contains(errorOf(scene("")), "key 'csv' in [data]: is an empty path"));
    dir.sparse("big.csv", 300'000'000);
    msg = errorOf(scene("big.csv"), dir.path());
    CHECK(contains(msg, "is 300.0 MB, more than the 100.0 MB a points file may have: subsample it"));
    CsvLimits limits;
    limits.max_bytes = 8;
    CHECK_THROWS_WITH_AS(loadPointsCsv(dir.write("p.csv", "1,2\n3,4\n5,6\n"), limits),
                         doctest::Contains("more than the 8 bytes"), SceneError);
}

TEST_CASE("csv contents: point limit, magnitudes, binary data and long lines") {
    CsvLimits three;
    three.max_points = 3;
    CHECK(parsePointsCsv("x,y\n1,2\n3,4\n5,6\n", "c.csv", three).size() == 6);
    CHECK_THROWS_WITH_AS(parsePointsCsv("x,y\n1,2\n3,4\n5,6\n7,8\n", "c.csv", three),
                         doctest::Contains("c.csv:5: more than 3 points"), SceneError);
    CHECK_THROWS_WITH_AS(parsePointsCsv("1,2\n1e5,0\n", "c.csv"), doctest::Contains("c.csv:2: point (1e5,0) is outside"),
                         SceneError);
    CHECK(parsePointsCsv("-10000,+10000\n", "c.csv") == std::vector<double>{-10000.0, 10000.0});
    CHECK_THROWS_WITH_AS(parsePointsCsv(std::string("1,2\n\0\0\0\n", 8), "c.csv"),
                         doctest::Contains("looks like a binary file"), SceneError);
    CHECK_THROWS_WITH_AS(parsePointsCsv("1,2\n\x1b[31m,3\n", "c.csv"), doctest::Contains("got '\\x1b[31m,3'"),
                         SceneError);
    CHECK_THROWS_WITH_AS(parsePointsCsv("1,nan\n", "c.csv"), doctest::Contains("c.csv:1: expected two numbers"),
                         SceneError);
    TempDir dir;
    const std::string long_line = dir.write("long.csv", "1,2\n" + std::string(3'000'000, '7') + "\n");
    CHECK_THROWS_WITH_AS(loadPointsCsv(long_line), doctest::Contains("long.csv:2: a line longer than"), SceneError);
}

TEST_CASE("a big csv streams across chunk boundaries, reports progress and parses every number exactly") {
    TempDir dir;
    std::string text = "x,y\n";
    const int n = 300000;  // about 5 MB: several 1 MiB chunks
    CsvLimits limits;
    limits.progress_above_bytes = 4000000;
    for (int i = 0; i < n; ++i) text += std::to_string(i % 9000) + ".25, -" + std::to_string(i % 9999) + "\n";
    const std::string path = dir.write("big.csv", text);
    int calls = 0;
    ReadProgress last;
    const std::vector<double> points = loadPointsCsv(path, limits, [&](const ReadProgress& p) {
        ++calls;
        CHECK(p.done_bytes <= p.total_bytes);
        last = p;
    });
    REQUIRE(points.size() == 2 * static_cast<size_t>(n));
    CHECK(points[0] == 0.25);
    CHECK(points[2 * 123456] == 123456 % 9000 + 0.25);
    CHECK(points[2 * 123456 + 1] == -(123456 % 9999));
    CHECK(points[2 * (n - 1)] == (n - 1) % 9000 + 0.25);
    CHECK(calls >= 5);
    CHECK(last.done_bytes == text.size());
    CHECK(last.total_bytes == text.size());
    CHECK(last.path == path);
    // A small file reports nothing; the in-memory parser agrees with the streaming one.
    calls = 0;
    loadPointsCsv(dir.write("small.csv", "1,2\n"), limits, [&](const ReadProgress&) { ++calls; });
    CHECK(calls == 0);
    CHECK(parsePointsCsv(text, "same.csv") == points);
}

TEST_CASE("ranges that cannot train are refused; their boundaries pass") {
    const std::string gauss = "[data]\nfamily = \"gaussian\"\n";
    CHECK(contains(errorOf(gauss + "mean = 1e300\n[[run]]\n"), "1e+300 is out of range: allowed range is -10000..10000"));
    CHECK(errorOf(gauss + "mean = -10000.0\n[[run]]\n").empty());
    CHECK(contains(errorOf(gauss + "mean = 10000.5\n[[run]]\n"), "'mean'"));
    CHECK(contains(errorOf(gauss + "std = 1e300\n[[run]]\n"), "allowed range is 1e-06..10000"));
    CHECK(contains(errorOf(gauss + "std = 1e-7\n[[run]]\n"), "'std'"));
    CHECK(errorOf(gauss + "std = 1e-6\n[[run]]\n").empty());
    CHECK(contains(errorOf("[data]\nfamily = \"ring\"\nradius = 1e300\n[[run]]\n"), "'radius'"));
    CHECK(contains(errorOf("[data]\nfamily = \"gaussian2d\"\ncenter = [0.0, 2e4]\n[[run]]\n"), "'center'"));
    CHECK(contains(errorOf("[data]\nfamily = \"points\"\npoints = [[0.0, 1e5]]\n[[run]]\n"), "'points'"));
    CHECK(contains(errorOf("[data]\nfamily = \"points\"\npoints = [[0.0, 1.0]]\nnoise = 1e-9\n[[run]]\n"),
                   "'noise'"));
    CHECK(contains(errorOf(kRingRun + "lipschitz = \"clip\"\nclip = 1e300\n"), "allowed range is > 0 (and at most 100)"));
    CHECK(errorOf(kRingRun + "lipschitz = \"clip\"\nclip = 100.0\n").empty());
    CHECK(contains(errorOf(kRingRun + "gp_lambda = 1001.0\n"), "allowed range is 0..1000"));
    CHECK(errorOf(kRingRun + "gp_lambda = 1000.0\n").empty());
    CHECK(contains(errorOf(kRingRun + "r1_gamma = 1e300\n"), "'r1_gamma'"));
    const std::string view = "[scene]\nview = [-1e308, 1e308, -1.0, 1.0]\n" + kRingRun;
    CHECK(contains(errorOf(view), "key 'view' in [scene]: -1e+308 is out of range: allowed range is -10000..10000"));
    CHECK(errorOf("[scene]\nview = [-10000.0, 10000.0, -1.0, 1.0]\n" + kRingRun).empty());
    CHECK(contains(errorOf("[scene]\nview = [0.0, 0.0001, -1.0, 1.0]\n" + kRingRun), "at least 0.001 apart"));
}

TEST_CASE("integers at the int64 limits are printed as written") {
    const std::string msg = errorOf("[scene]\nsteps = 9223372036854775807\n" + kRingRun);
    CHECK(contains(msg, "h.toml:2: key 'steps' in [scene]: 9223372036854775807 is out of range"));
    CHECK(!contains(msg, "-9223372036854775808"));
    CHECK(contains(errorOf("[scene]\nsteps = -9223372036854775808\n" + kRingRun), "-9223372036854775808 is out of range"));
    const SceneSpec s = parseSceneText("[scene]\nseed = 9223372036854775807\n" + kRingRun, "s.toml");
    CHECK(s.seed == 9223372036854775807ULL);
}

TEST_CASE("control characters in titles, captions and run names are refused with file:line:key") {
    std::string msg = errorOf("[scene]\n\ntitle = \"a\\u001b[31mred\"\n" + kRingRun);
    CHECK(contains(msg, "h.toml:3: key 'title' in [scene]: contains a control character (U+001B at character 2)"));
    msg = errorOf(kRingRun + "name = \"two\\nlines\"\n");
    CHECK(contains(msg, "h.toml:4: key 'name' in [[run]] #1"));
    CHECK(contains(msg, "U+000A"));
    CHECK(contains(errorOf("[scene]\ncaption = \"tab\\there\"\n" + kRingRun), "U+0009"));
    CHECK(contains(errorOf("[scene]\ntitle = \"csi \\u009b31m\"\n" + kRingRun), "U+009B at character 5"));
    // Plain non-ASCII text is fine.
    CHECK(parseSceneText("[scene]\ntitle = \"环上的八个高斯 — ü\"\n" + kRingRun, "u.toml").title == "环上的八个高斯 — ü");
}

TEST_CASE("syntax errors name the table and the line's text; missing tables name a line") {
    std::string msg = errorOf("[scene]\ntitle = \"x\"\nsteps = = 4\n" + kRingRun);
    CHECK(contains(msg, "h.toml:3:"));
    CHECK(contains(msg, "(in [scene]; line 3 reads: steps = = 4)"));
    msg = errorOf("steps = = 4\n");
    CHECK(contains(msg, "(at the top level; line 1 reads: steps = = 4)"));
    msg = errorOf("[scene]\ntitle = \"t\"\n\n[[run]]\nobjective = \"hinge\"\n");
    CHECK(contains(msg, "h.toml:4: missing [data] table before this [[run]]"));
    msg = errorOf("[scene]\ntitle = \"t\"\n");
    CHECK(contains(msg, "h.toml:1: missing [data] table (none in the whole file)"));
    msg = errorOf("[data]\nfamily = \"ring\"\nmodes = 4\n");
    CHECK(contains(msg, "h.toml:3: no [[run]] tables by the end of the file"));
}

TEST_CASE("a non-ASCII byte outside strings is refused before toml++ (its undefined behaviour), inside strings it is text") {
    const std::string msg = errorOf("[scene]\ntitle = \"ok\"\n\xC3\xA9 = 1\n");
    CHECK(contains(msg, "h.toml:3:"));
    CHECK(contains(msg, "non-ASCII character outside a quoted string"));
    CHECK(contains(errorOf("[scene]\n\xEF\xBB\xBB\n"), "non-ASCII"));
    // In strings and comments it is fine (the scene may still fail for other reasons, never this one).
    CHECK(!contains(errorOf("[scene]\ntitle = \"caf\xC3\xA9\"  # \xC3\xA9t\xC3\xA9\n"), "non-ASCII"));
}
