// rank_process.h — one `ganarium` process started in the background (a rank
// of a data-parallel job), its output in a file; waiting has a hard deadline
// after which the process is killed, so a test never hangs.
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_process.h"

extern char** environ;

namespace ganarium::test {

class RankProcess {
public:
    // Starts `ganarium ARGS` (ARGS already shell-quoted) with stdout and stderr going to `log`; `variables`
    // ("NAME=value ...") are added to its environment.
    RankProcess(const std::string& args, const std::string& log, const std::string& variables = "") : log_(log) {
        const std::string command =
            "exec env OPENBLAS_NUM_THREADS=1 " + variables + " " + shellQuote(ganariumBinary()) + " " + args + " > " + shellQuote(log) + " 2>&1";
        std::vector<char*> argv{const_cast<char*>("/bin/sh"), const_cast<char*>("-c"), const_cast<char*>(command.c_str()),
                                nullptr};
        if (::posix_spawn(&pid_, "/bin/sh", nullptr, nullptr, argv.data(), environ) != 0)
            throw std::runtime_error("posix_spawn failed");
        started_ = std::chrono::steady_clock::now();
    }
    ~RankProcess() {
        if (pid_ > 0 && exit_code_ == kRunning) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    RankProcess(const RankProcess&) = delete;
    RankProcess& operator=(const RankProcess&) = delete;

    // Waits up to `seconds`; returns the exit code (128 + signal when killed by one), or -1 after killing it at the deadline.
    int wait(double seconds) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (exit_code_ == kRunning) {
            int status = 0;
            const pid_t done = ::waitpid(pid_, &status, WNOHANG);
            if (done == pid_) {
                exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                ended_ = std::chrono::steady_clock::now();
                break;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, nullptr, 0);
                exit_code_ = -1;
                ended_ = std::chrono::steady_clock::now();
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return exit_code_;
    }
    // Sends SIGKILL now (a rank that dies).
    void killNow() { ::kill(pid_, SIGKILL); }
    // Sends SIGSTOP now (a rank that hangs; the destructor or wait()'s deadline still kills it).
    void stopNow() { ::kill(pid_, SIGSTOP); }
    // Seconds from start to exit (after wait()).
    double seconds() const { return std::chrono::duration<double>(ended_ - started_).count(); }
    std::string output() const { return readText(log_); }

private:
    static constexpr int kRunning = -1000;
    std::string log_;
    pid_t pid_ = -1;
    int exit_code_ = kRunning;
    std::chrono::steady_clock::time_point started_, ended_;
};

}  // namespace ganarium::test
