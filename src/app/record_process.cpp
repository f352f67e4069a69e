// record_process.cpp — PATH lookup, short captured runs and the piped child
// (posix_spawn: own process group, empty signal mask, default dispositions).
#include "app/record_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/errors.h"

extern char** environ;

namespace ganarium {

namespace {

// argv as the char* array posix_spawn wants (pointers into `args`).
std::vector<char*> cArgv(const std::vector<std::string>& args) {
    std::vector<char*> out;
    for (const auto& a : args) out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}

// Spawn attributes shared by every child: own process group, nothing blocked,
// SIGINT/SIGTERM/SIGPIPE back to their defaults.
class SpawnAttributes {
public:
    SpawnAttributes() {
        posix_spawnattr_init(&attr_);
        sigset_t empty, defaults;
        sigemptyset(&empty);
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGINT);
        sigaddset(&defaults, SIGTERM);
        sigaddset(&defaults, SIGPIPE);
        posix_spawnattr_setsigmask(&attr_, &empty);
        posix_spawnattr_setsigdefault(&attr_, &defaults);
        posix_spawnattr_setpgroup(&attr_, 0);
        posix_spawnattr_setflags(&attr_, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    }
    ~SpawnAttributes() { posix_spawnattr_destroy(&attr_); }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
    const posix_spawnattr_t* get() const { return &attr_; }

private:
    posix_spawnattr_t attr_;
};

// File actions wrapper that always gets destroyed.
class FileActions {
public:
    FileActions() { posix_spawn_file_actions_init(&actions_); }
    ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    posix_spawn_file_actions_t* get() { return &actions_; }

private:
    posix_spawn_file_actions_t actions_;
};

}  // namespace

std::string findExecutableOnPath(const std::string& name) {
    if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0 ? name : "";
    const char* path = std::getenv("PATH");
    if (!path) return "";
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty()) dir = ".";
        const std::string candidate = dir + "/" + name;
        struct stat st{};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return "";
}

std::string runAndCapture(const std::vector<std::string>& argv, int& exit_code, size_t max_bytes) {
    exit_code = -1;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return "";
    FileActions actions;
    posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(actions.get(), fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(actions.get(), fds[1], STDERR_FILENO);
    SpawnAttributes attributes;
    auto args = cArgv(argv);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0].c_str(), actions.get(), attributes.get(), args.data(), environ);
    ::close(fds[1]);
    std::string out;
    if (rc == 0) {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            if (out.size() < max_bytes) out.append(buf, static_cast<size_t>(n));
        }
        const int status = waitForChild(pid);
        exit_code = status >= 128 ? -1 : status;
    }
    ::close(fds[0]);
    return out;
}

PipedChild spawnWithInputPipe(const std::vector<std::string>& argv, const std::string& log_path) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw UserError(std::string("cannot create a pipe to ffmpeg: ") + std::strerror(errno));
    FileActions actions;
    posix_spawn_file_actions_adddup2(actions.get(), fds[0], STDIN_FILENO);
    posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(actions.get(), STDERR_FILENO, log_path.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
    SpawnAttributes attributes;
    auto args = cArgv(argv);
    PipedChild child;
    const int rc = posix_spawn(&child.pid, argv[0].c_str(), actions.get(), attributes.get(), args.data(), environ);
    ::close(fds[0]);
    if (rc != 0) {
        ::close(fds[1]);
        throw UserError("cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    child.stdin_fd = fds[1];
    return child;
}

int waitForChild(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

std::string tailOfFile(const std::string& path, int max_lines) {
    std::ifstream in(path);
    if (!in) return "";
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        lines.push_back(line);
        if (static_cast<int>(lines.size()) > max_lines) lines.erase(lines.begin());
    }
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

}  // namespace ganarium
