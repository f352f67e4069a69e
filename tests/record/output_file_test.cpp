// output_file_test.cpp — the safe-output rules shared by `record` and
// `train`: a symbolic link is never written through, an existing file is
// kept unless overwriting is asked for, temporary files are exclusive and
// vanish unless published, and publishing is one no-replace rename.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <string>

#include "app/output_file.h"
#include "core/errors.h"
#include "record/record_test_support.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

const OutputLabel kLabel{"the video", "-o"};

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

bool isSymlink(const std::string& path) {
    struct stat st{};
    return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// Number of entries in a folder (without . and ..).
int entries(const std::string& dir) {
    const RunResult r = runProgram({"/bin/ls", "-A", dir});
    int n = 0;
    for (char c : r.output) n += c == '\n';
    return n;
}

}  // namespace

TEST_CASE("an output path that is a symbolic link is refused, even with overwrite") {
    TempDir dir;
    const std::string victim = dir.file("victim.txt"), link = dir.file("out.mp4");
    writeText(victim, "precious");
    REQUIRE(::symlink(victim.c_str(), link.c_str()) == 0);
    CHECK_THROWS_WITH_AS(requireOutputPath(link, false, kLabel), doctest::Contains("symbolic link"), UserError);
    CHECK_THROWS_WITH_AS(requireOutputPath(link, true, kLabel), doctest::Contains("symbolic link"), UserError);
    // A dangling link (the planted-link attack on a file that does not exist yet) too.
    const std::string dangling = dir.file("dangling.mp4");
    REQUIRE(::symlink(dir.file("not-yet").c_str(), dangling.c_str()) == 0);
    CHECK_THROWS_AS(requireOutputPath(dangling, true, kLabel), UserError);
    // Opening never follows it either.
    errno = 0;
    CHECK(openOutputFile(link, true) == -1);
    CHECK(errno == ELOOP);
    CHECK(openOutputFile(dangling, false) == -1);
    CHECK_FALSE(fileExists(dir.file("not-yet")));
    CHECK(readFile(victim) == "precious");
}

TEST_CASE("an existing file is refused without overwrite and accepted with it") {
    TempDir dir;
    const std::string out = dir.file("out.mp4");
    writeText(out, "old");
    CHECK_THROWS_WITH_AS(requireOutputPath(out, false, kLabel), doctest::Contains("--force"), UserError);
    CHECK_NOTHROW(requireOutputPath(out, true, kLabel));
    errno = 0;
    CHECK(openOutputFile(out, false) == -1);
    CHECK(errno == EEXIST);
    const int fd = openOutputFile(out, true);
    REQUIRE(fd >= 0);
    ::close(fd);
    CHECK(readFile(out).empty());  // truncated: overwriting was asked for
    CHECK(entries(dir.path()) == 1);  // the writability probe left nothing behind
}

TEST_CASE("folders, special files and missing folders are refused with the fix") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(requireOutputPath(dir.path(), true, kLabel), doctest::Contains("folder"), UserError);
    CHECK_THROWS_WITH_AS(requireOutputPath("/dev/null", true, kLabel), doctest::Contains("not a regular file"),
                         UserError);
    CHECK_THROWS_WITH_AS(requireOutputPath(dir.file("no/such/x.mp4"), false, kLabel), doctest::Contains("mkdir -p"),
                         UserError);
    CHECK_THROWS_WITH_AS(requireOutputPath("", false, kLabel), doctest::Contains("-o FILE"), UserError);
}

TEST_CASE("publishing never replaces an existing file unless asked, and replaces a link itself, not its target") {
    TempDir dir;
    const std::string target = dir.file("metrics.json");
    {
        TempOutputFile temp(target, "tmp", "", kLabel);
        CHECK(temp.path().rfind(target + ".tmp-", 0) == 0);
        CHECK(temp.write("first"));
        CHECK(temp.syncAndClose());
        CHECK(temp.publish(target, false).empty());
    }
    CHECK(readFile(target) == "first");
    {
        TempOutputFile temp(target, "tmp", "", kLabel);
        CHECK(temp.write("second"));
        CHECK(temp.publish(target, false).find("already exists") != std::string::npos);
    }
    CHECK(readFile(target) == "first");
    CHECK(entries(dir.path()) == 1);  // the refused temporary file was removed
    {
        TempOutputFile temp(target, "tmp", "", kLabel);
        CHECK(temp.write("third"));
        CHECK(temp.publish(target, true).empty());
    }
    CHECK(readFile(target) == "third");

    const std::string victim = dir.file("victim.txt"), link = dir.file("link.json");
    writeText(victim, "precious");
    REQUIRE(::symlink(victim.c_str(), link.c_str()) == 0);
    CHECK(moveIntoPlace(target, link, true).empty());
    CHECK_FALSE(isSymlink(link));
    CHECK(readFile(link) == "third");
    CHECK(readFile(victim) == "precious");
}

TEST_CASE("a temporary file is exclusive, gets the usual permissions, and is removed unless kept") {
    TempDir dir;
    const std::string target = dir.file("clip.mp4");
    std::string kept;
    {
        TempOutputFile a(target, "part", ".mp4", kLabel), b(target, "part", ".mp4", kLabel);
        CHECK(a.path() != b.path());
        CHECK(a.path().substr(a.path().size() - 4) == ".mp4");
        struct stat st{};
        REQUIRE(::stat(a.path().c_str(), &st) == 0);
        const mode_t mask = ::umask(022);
        ::umask(mask);
        CHECK((st.st_mode & 0777) == (0666 & ~mask));  // as any new file, not mkstemp's 0600
        b.keep();
        kept = b.path();
    }
    CHECK(fileExists(kept));
    CHECK(entries(dir.path()) == 1);
}
