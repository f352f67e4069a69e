// python_peer.cpp — child-process launch and result parsing for the Python peer.
#include "python_peer.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace ganarium::bench {

namespace {
const char* kPython = "/usr/bin/python3";

// Runs a shell command and returns its stdout; `status` gets the exit code (-1 if it could not start).
std::string captureOutput(const std::string& command, int& status) {
    std::string text;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        status = -1;
        return text;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, n);
    const int raw = ::pclose(pipe);
    status = (raw != -1 && WIFEXITED(raw)) ? WEXITSTATUS(raw) : -1;
    return text;
}

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool jsonStringField(const std::string& json, const std::string& key, std::string& out) {
    const std::string pattern = "\"" + key + "\": \"";
    const auto at = json.find(pattern);
    if (at == std::string::npos) return false;
    const auto end = json.find('"', at + pattern.size());
    if (end == std::string::npos) return false;
    out = json.substr(at + pattern.size(), end - at - pattern.size());
    return true;
}
}  // namespace

bool jsonNumberField(const std::string& json, const std::string& key, double& out) {
    const std::string pattern = "\"" + key + "\":";
    const auto at = json.find(pattern);
    if (at == std::string::npos) return false;
    const char* start = json.c_str() + at + pattern.size();
    char* end = nullptr;
    out = std::strtod(start, &end);
    return end != start;
}

PythonPeerResult runPythonPeer(const std::string& script, int steps, int repeats, const std::string& flags) {
    PythonPeerResult result;
    if (::access(kPython, X_OK) != 0) {
        result.skipped_reason = "no /usr/bin/python3 (install it with: sudo apt-get install python3 python3-torch)";
        return result;
    }
    if (::access(script.c_str(), R_OK) != 0) {
        result.skipped_reason = "the peer script " + script + " is missing";
        return result;
    }
    int status = 0;
    captureOutput(std::string(kPython) + " -c 'import torch' 2>/dev/null", status);
    if (status != 0) {
        result.skipped_reason = "PyTorch is not installed for /usr/bin/python3 (sudo apt-get install python3-torch)";
        return result;
    }
    ::setenv("OPENBLAS_NUM_THREADS", "1", 1);
    const std::string command = std::string(kPython) + " " + quoted(script) + " --steps " + std::to_string(steps) +
                                " --repeats " + std::to_string(repeats) + (flags.empty() ? "" : " " + flags) +
                                " --json 2>&1";
    const std::string output = captureOutput(command, status);
    if (status != 0 || !jsonNumberField(output, "non_saturating", result.non_saturating) ||
        !jsonNumberField(output, "wgan_gp", result.wgan_gp) ||
        !jsonNumberField(output, "non_saturating_cpu", result.non_saturating_cpu) ||
        !jsonNumberField(output, "wgan_gp_cpu", result.wgan_gp_cpu)) {
        result.skipped_reason = "the peer script failed (exit " + std::to_string(status) + "): " + output.substr(0, 300);
        return result;
    }
    jsonStringField(output, "torch", result.torch_version);
    result.ran = true;
    return result;
}

}  // namespace ganarium::bench
