// app_cli_test.cpp — the real `ganarium` binary's window paths: no display
// gives exit code 3 and names the headless commands; a bad scene is reported
// (exit 2) before any window is attempted; --frames/--screenshot/--stats
// under Xvfb save the PNG and print the figures.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "shell_command.h"

namespace fs = std::filesystem;
using ganarium::test::ShellResult;
using ganarium::test::runShell;

namespace {

using Result = ShellResult;

// Runs `command` through the shell, capturing stdout+stderr.
Result run(const std::string& command) { return runShell(command); }

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
    const fs::path path = fs::temp_directory_path() / ("ganarium-app-bad-scene-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(path) << "[scene]\ntitle = \"x\"\n[data]\nfamily = \"rign\"\n";
    const Result r = run("env -u DISPLAY -u WAYLAND_DISPLAY '" + bin + "' '" + path.string() + "'");
    fs::remove(path);
    CHECK(r.code == 2);
    CHECK(r.output.find(("ganarium-app-bad-scene-" + std::to_string(::getpid()) + ".toml")) != std::string::npos);
    CHECK(r.output.find("no display") == std::string::npos);

    const Result missing = run("env -u DISPLAY '" + bin + "' /nonexistent/scene.toml");
    CHECK(missing.code == 2);
    const Result bad_option = run("env -u DISPLAY '" + bin + "' --frames zero");
    CHECK(bad_option.code == 2);
    CHECK(bad_option.output.find("--frames") != std::string::npos);
}

TEST_CASE("--frames N --screenshot FILE --stats: the PNG of the last frame and the frame figures") {
    const std::string bin = binary();
    REQUIRE_MESSAGE(!bin.empty(), "GANARIUM_BIN is not set (ctest sets it)");
    const Result lonely = run("'" + bin + "' --screenshot /tmp/never.png");
    CHECK(lonely.code == 2);
    CHECK(lonely.output.find("--frames") != std::string::npos);
    CHECK_FALSE(fs::exists("/tmp/never.png"));

    const fs::path png = fs::temp_directory_path() / ("ganarium-cli-shot-" + std::to_string(::getpid()) + ".png");
    fs::remove(png);
    const Result r = run("'" + bin + "' '" GANARIUM_SCENE_DIR "/ring8.toml' --frames 40 --screenshot '" + png.string() +
                         "' --stats");
    REQUIRE_MESSAGE(r.code == 0, r.output);
    CHECK(r.output.find("screenshot saved: " + png.string()) != std::string::npos);
    CHECK(r.output.find("frame time (build + render + swap): median") != std::string::npos);
    CHECK(r.output.find("training:") != std::string::npos);
    // A real PNG: the signature, and an IHDR of the window's size (1280x720 unless the screen is smaller).
    std::ifstream in(png, std::ios::binary);
    std::string head(24, '\0');
    in.read(head.data(), 24);
    CHECK(head.substr(1, 3) == "PNG");
    const auto be32 = [&](size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(head[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(head[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(head[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(head[at + 3]));
    };
    CHECK(be32(16) >= 640);
    CHECK(be32(20) >= 360);
    CHECK(fs::file_size(png) > 20000);  // panels, curves and text, not a flat background
    fs::remove(png);
}
