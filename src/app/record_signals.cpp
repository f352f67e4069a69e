// record_signals.cpp — blocked stop signals polled with sigtimedwait().
#include "app/record_signals.h"

#include <pthread.h>

#include <cerrno>
#include <ctime>

namespace ganarium {

namespace {

sigset_t stopAndPipeSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGPIPE);
    return set;
}

// Takes one pending signal from `set` without waiting; 0 when none is pending.
int takePending(const sigset_t& set) {
    const timespec zero{0, 0};
    for (;;) {
        const int sig = ::sigtimedwait(&set, nullptr, &zero);
        if (sig >= 0) return sig;
        if (errno != EINTR) return 0;
    }
}

}  // namespace

StopSignalGuard::StopSignalGuard() {
    const sigset_t set = stopAndPipeSignals();
    pthread_sigmask(SIG_BLOCK, &set, &previous_);
}

StopSignalGuard::~StopSignalGuard() {
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    while (takePending(pipe_only) != 0) {
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

bool StopSignalGuard::stopRequested() {
    if (stop_signal_ != 0) return true;
    sigset_t stops;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    stop_signal_ = takePending(stops);
    return stop_signal_ != 0;
}

}  // namespace ganarium
