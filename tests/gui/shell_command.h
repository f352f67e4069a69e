// shell_command.h — test helper: runs a shell command and captures what it
// printed (stdout and stderr together) and its exit code.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace ganarium::test {

// What a shell command printed and how it ended (-1: killed or not started).
struct ShellResult {
    int code = -1;
    std::string output;
};

// Runs `command` through /bin/sh, capturing stdout+stderr.
inline ShellResult runShell(const std::string& command) {
    ShellResult r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    std::array<char, 512> buf{};
    while (fgets(buf.data(), static_cast<int>(buf.size()), pipe)) r.output += buf.data();
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace ganarium::test
