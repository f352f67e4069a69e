// app_cli_test.cpp — the real `ganarium` binary's window paths: no display
// gives exit code 3 and names the headless commands; a bad scene is reported
// (exit 2) before any window is attempted.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Result {
    int code = -1;
    std::string output;
};

// Runs `command` through the shell, capturing stdout+stderr.
Result run(const std::string& command) {
    Result r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    std::array<char, 512> buf{};
    while (fgets(buf.data(), buf.size(), pipe)) r.output += buf.data();
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string binary() {
    const char* bin = std::getenv("GANARIUM_BIN");
    return bin ? bin : "";
}

}  // namespace

TEST_CASE("without a display the window exits 3 and points to the headless commands") {
    const std::string bin = binary();
    REQUIRE_MESSAGE(!bin.empty(), "GANARIUM_BIN is not set (ctest sets it)");
    const Result r = run("env -u DISPLAY -u WAYLAND_DISPLAY '" + bin + "' --frames 2");
    CHECK(r.code == 3);
    CHECK(r.output.find("no display found") != std::string::npos);
    CHECK(r.output.find("ganarium train") != std::string::npos);
    CHECK(r.output.find("ganarium record") != std::string::npos);
    CHECK(r.output.find("xvfb-run") != std::string::npos);
}

TEST_CASE("a bad scene file is reported with exit code 2 before any window opens") {
    const std::string bin = binary();
    REQUIRE_MESSAGE(!bin.empty(), "GANARIUM_BIN is not set (ctest sets it)");
    const fs::path path = fs::temp_directory_path() / "ganarium-app-bad-scene.toml";
    std::ofstream(path) << "[scene]\ntitle = \"x\"\n[data]\nfamily = \"rign\"\n";
    const Result r = run("env -u DISPLAY -u WAYLAND_DISPLAY '" + bin + "' '" + path.string() + "'");
    fs::remove(path);
    CHECK(r.code == 2);
    CHECK(r.output.find("ganarium-app-bad-scene.toml") != std::string::npos);
    CHECK(r.output.find("no display") == std::string::npos);

    const Result missing = run("env -u DISPLAY '" + bin + "' /nonexistent/scene.toml");
    CHECK(missing.code == 2);
    const Result bad_option = run("env -u DISPLAY '" + bin + "' --frames zero");
    CHECK(bad_option.code == 2);
    CHECK(bad_option.output.find("--frames") != std::string::npos);
}
