// lockstep_driver.cpp — advance K + snapshot on a persistent thread (or on
// the caller), with timings and the last-resort fallback to latest().
#include "app/lockstep_driver.h"

#include <chrono>
#include <cstdio>
#include <exception>

#include "train/trainer.h"

namespace ganarium {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Advance `k` then snapshot; a throw falls back to the latest published snapshot.
LockstepFrame lockstepStep(Trainer& trainer, int k, const std::atomic<bool>* stop) {
    LockstepFrame frame;
    try {
        if (k > 0) {
            const auto t = Clock::now();
            trainer.advance(k, stop);
            frame.train_s = secondsSince(t);
        }
        const auto t = Clock::now();
        frame.snapshot = trainer.snapshot();
        frame.snapshot_s = secondsSince(t);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "ganarium: lockstep step failed: %s\n", error.what());
        frame.error = error.what();
        frame.snapshot = trainer.latest();
    }
    return frame;
}

}  // namespace

LockstepDriver::LockstepDriver(const std::atomic<bool>* stop) : stop_(stop) {}

LockstepDriver::~LockstepDriver() {
    wait();
    if (!thread_.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
    }
    posted_.notify_one();
    thread_.join();
}

void LockstepDriver::threadLoop() {
    for (;;) {
        Trainer* trainer;
        int k;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            posted_.wait(lock, [this] { return quit_ || (pending_ && trainer_ != nullptr); });
            if (quit_) return;
            trainer = trainer_;
            k = k_;
        }
        LockstepFrame frame = lockstepStep(*trainer, k, stop_);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            result_ = std::move(frame);
            trainer_ = nullptr;
            pending_ = false;
        }
        finished_.notify_one();
    }
}

void LockstepDriver::start(Trainer& trainer, int k) {
    wait();
    if (!thread_.joinable()) thread_ = std::thread([this] { threadLoop(); });
    {
        std::lock_guard<std::mutex> lock(mutex_);
        trainer_ = &trainer;
        k_ = k;
        pending_ = true;
    }
    in_flight_ = true;
    posted_.notify_one();
}

LockstepFrame LockstepDriver::wait() {
    if (!in_flight_) return {};
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [this] { return !pending_; });
    in_flight_ = false;
    return std::move(result_);
}

LockstepFrame LockstepDriver::stepNow(Trainer& trainer, int k) {
    wait();
    return lockstepStep(trainer, k, stop_);
}

}  // namespace ganarium
