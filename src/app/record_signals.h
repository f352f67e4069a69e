// record_signals.h — Ctrl-C and broken pipes during a recording, without a
// signal handler or any global flag: SIGINT, SIGTERM and SIGPIPE are BLOCKED
// for the guard's lifetime (in every thread started afterwards) and the
// recording loop polls for a pending stop request at each frame boundary.
// A blocked SIGPIPE turns a write to a dead ffmpeg into a plain EPIPE error.
// Create the guard before any thread is started (LibTorch, llvmpipe, ...).
#pragma once

#include <signal.h>

namespace ganarium {

class StopSignalGuard {
public:
    // Blocks SIGINT, SIGTERM and SIGPIPE in the calling thread (inherited by new threads).
    StopSignalGuard();
    // Discards pending SIGPIPEs and restores the previous mask (pending SIGINT/SIGTERM are consumed by stopRequested()).
    ~StopSignalGuard();
    StopSignalGuard(const StopSignalGuard&) = delete;
    StopSignalGuard& operator=(const StopSignalGuard&) = delete;

    // Non-blocking: true once SIGINT or SIGTERM has arrived (remembered after the first true).
    bool stopRequested();
    // The stop signal received (SIGINT or SIGTERM), 0 if none.
    int stopSignal() const { return stop_signal_; }

private:
    sigset_t previous_{};
    int stop_signal_ = 0;
};

}  // namespace ganarium
