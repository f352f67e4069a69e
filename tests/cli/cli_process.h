// cli_process.h — helpers for the CLI tests: run the real `ganarium` binary
// (path in the environment variable GANARIUM_BIN, set by CTest) through the
// shell and capture its exit code and combined output; scratch directories.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ganarium::test {

// What one invocation did.
struct ProcessResult {
    int exit_code = -1;     // -1 when it did not exit normally
    std::string output;     // stdout and stderr together
    double seconds = 0;
};

// The binary under test: $GANARIUM_BIN (set by CTest), else ../ganarium next to this test executable.
inline std::string ganariumBinary() {
    const char* bin = std::getenv("GANARIUM_BIN");
    if (bin && *bin) return bin;
    std::error_code ec;
    const auto sibling = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "ganarium";
    if (!ec && std::filesystem::exists(sibling)) return sibling.string();
    throw std::runtime_error("GANARIUM_BIN is not set and no ganarium binary was found: run this suite through ctest");
}

// Single-quotes a string for /bin/sh.
inline std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs a shell command line, capturing stdout+stderr.
inline ProcessResult runShell(const std::string& command) {
    ProcessResult result;
    const auto start = std::chrono::steady_clock::now();
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    const int status = ::pclose(pipe);
    result.exit_code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

// Runs `ganarium ARGS` (ARGS already shell-quoted where needed).
inline ProcessResult runGanarium(const std::string& args) {
    return runShell("OPENBLAS_NUM_THREADS=1 " + shellQuote(ganariumBinary()) + " " + args);
}

// A fresh directory under the system temp dir, removed with its contents on destruction.
class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ganarium-cli-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    // Path of `name` inside the directory.
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // Writes `text` to `name` and returns its path.
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(file(name)) << text;
        return file(name);
    }

private:
    std::filesystem::path path_;
};

// Whole content of a file ("" if unreadable).
inline std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace ganarium::test
