// record_signals.cpp — blocked stop signals taken by a watcher thread.
#include "app/record_signals.h"

#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <initializer_list>

namespace ganarium {

namespace {

sigset_t signalSet(std::initializer_list<int> signals) {
    sigset_t set;
    sigemptyset(&set);
    for (int s : signals) sigaddset(&set, s);
    return set;
}

// How often the watcher looks at its quit flag (the longest the destructor waits).
constexpr long kWatchNanoseconds = 50L * 1000 * 1000;

// Takes one pending signal from `set`, waiting at most `nanoseconds`; 0 when none came.
int takePending(const sigset_t& set, long nanoseconds) {
    const timespec wait{0, nanoseconds};
    for (;;) {
        const int sig = ::sigtimedwait(&set, nullptr, &wait);
        if (sig >= 0) return sig;
        if (errno != EINTR) return 0;
    }
}

}  // namespace

int exitCodeForStopSignal(int signal) { return 128 + signal; }

StopSignalGuard::StopSignalGuard() {
    const sigset_t set = signalSet({SIGINT, SIGTERM, SIGPIPE});
    pthread_sigmask(SIG_BLOCK, &set, &previous_mask_);
    // A shell starts background jobs with SIGINT ignored, and an ignored signal is discarded even while
    // blocked: default dispositions keep it pending for the watcher (it never runs, the signal is blocked).
    struct sigaction deflt{};
    deflt.sa_handler = SIG_DFL;
    sigemptyset(&deflt.sa_mask);
    ::sigaction(SIGINT, &deflt, &previous_int_);
    ::sigaction(SIGTERM, &deflt, &previous_term_);
    watcher_ = std::thread([this] { watch(); });
}

StopSignalGuard::~StopSignalGuard() {
    quit_.store(true);
    if (watcher_.joinable()) watcher_.join();
    const sigset_t pipe_only = signalSet({SIGPIPE});
    while (takePending(pipe_only, 0) != 0) {
    }
    ::sigaction(SIGINT, &previous_int_, nullptr);
    ::sigaction(SIGTERM, &previous_term_, nullptr);
    pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void StopSignalGuard::watch() {
    const sigset_t stops = signalSet({SIGINT, SIGTERM});
    while (!quit_.load()) {
        const int sig = takePending(stops, kWatchNanoseconds);
        if (sig == 0) continue;
        if (requested_.load()) {
            // A second Ctrl-C: the user does not want to wait for the clean stop.
            const char message[] = "\nSecond stop signal: quitting at once.\n";
            [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, message, sizeof message - 1);
            std::_Exit(exitCodeForStopSignal(sig));
        }
        int none = 0;
        signal_.compare_exchange_strong(none, sig);
        requested_.store(true);
    }
}

}  // namespace ganarium
