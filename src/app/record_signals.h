// record_signals.h — Ctrl-C, SIGTERM and broken pipes during `record` and
// `train`, without a signal handler or any global flag: SIGINT, SIGTERM and
// SIGPIPE are BLOCKED for the guard's lifetime (in every thread started
// afterwards), and one watcher thread takes SIGINT/SIGTERM with sigtimedwait()
// and raises an atomic stop flag. Every loop that may take long (training
// steps, pipe writes, waits for ffmpeg) reads that flag, so a stop request
// is seen within milliseconds wherever the program is. A second stop signal
// ends the program at once (std::_Exit with 128 + signal).
// A blocked SIGPIPE turns a write to a dead ffmpeg into a plain EPIPE error.
// Create the guard before any thread is started (LibTorch, llvmpipe, ...).
#pragma once

#include <signal.h>

#include <atomic>
#include <thread>

namespace ganarium {

class StopSignalGuard {
public:
    // Blocks SIGINT, SIGTERM and SIGPIPE (inherited by new threads), makes SIGINT/SIGTERM deliverable
    // even when the parent shell ignored them (background jobs), and starts the watcher thread.
    StopSignalGuard();
    // Stops the watcher, discards pending SIGPIPEs, restores the previous dispositions and mask.
    ~StopSignalGuard();
    StopSignalGuard(const StopSignalGuard&) = delete;
    StopSignalGuard& operator=(const StopSignalGuard&) = delete;

    // True once SIGINT or SIGTERM has arrived (never reset).
    bool stopRequested() const { return requested_.load(); }
    // The flag itself, for code that polls it (Trainer::advance, VideoEncoder).
    const std::atomic<bool>& flag() const { return requested_; }
    // The first stop signal received (SIGINT or SIGTERM), 0 if none.
    int stopSignal() const { return signal_.load(); }

private:
    void watch();

    sigset_t previous_mask_{};
    struct sigaction previous_int_{}, previous_term_{};
    std::atomic<bool> requested_{false};
    std::atomic<int> signal_{0};
    std::atomic<bool> quit_{false};
    std::thread watcher_;
};

// The conventional exit code of a program stopped by `signal`: 130 for SIGINT, 143 for SIGTERM.
int exitCodeForStopSignal(int signal);

}  // namespace ganarium
