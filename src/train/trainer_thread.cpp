// trainer_thread.cpp — threaded driving: the background loop that applies
// queued Commands between steps, trains while playing (paced by SetSpeed)
// and publishes snapshots at most ~30 times per second (the slow parts of
// image runs less often: snapshot_cadence.h). latest() only
// copies a shared_ptr under a mutex that training never holds.
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/errors.h"
#include "train/snapshot_cadence.h"
#include "train/trainer_impl.h"

namespace ganarium {

namespace {
using Clock = std::chrono::steady_clock;
// Shortest time between two published frames (~30 per second).
constexpr double kFrameSeconds = 1.0 / 30.0;
// Flat-out frame interval is at least this many times the snapshot build time.
constexpr double kSnapshotBudgetFactor = 3.0;
// Fast-forward: chunks of about this much training between command checks, a picture this often.
constexpr double kFastForwardChunkSeconds = 0.1;
constexpr double kFastForwardFrameSeconds = 0.5;
// How long a paused trainer sleeps waiting for a command.
constexpr auto kIdleWait = std::chrono::milliseconds(20);
// Longest rest after a chunk of training when the training share is below 1.
constexpr double kLongestRestSeconds = 0.25;
}  // namespace

void Trainer::Impl::workerLoop() {
    at::set_num_threads(1);
    auto last_publish = Clock::now();
    int64_t since_publish = 0;  // iterations since the last publish
    double rate = 100;          // smoothed measured iterations per second
    double build_seconds = -1;  // time the last light snapshot took to build (-1: none yet)
    double heavy_seconds = 0;   // and the last one with the slow parts of image runs (snapshot_cadence.h)
    auto last_heavy = Clock::now();
    // The steps/s readout: iterations over wall time (a paced Dirac-GAN step takes microseconds, so training time
    // alone would read 0 or millions), in windows of about half a second of playing.
    double window_iterations = 0;
    auto window_start = Clock::now();
    bool dirty = false;
    for (;;) {
        const auto frame_start = Clock::now();
        std::deque<Command> pending;
        {
            std::unique_lock<std::mutex> lock(command_mutex);
            if (!playing && commands.empty() && !stop_requested && !dirty) command_cv.wait_for(lock, kIdleWait);
            if (stop_requested) return;
            pending.swap(commands);
        }
        for (const Command& command : pending) {
            try {
                apply(command);
            } catch (const std::exception& error) {
                // A bad edit from the UI must not end the session: keep the old state, say why in the next snapshot.
                std::fprintf(stderr, "ganarium: command ignored: %s\n", error.what());
                command_error = error.what();
                ++command_errors;
            }
            dirty = true;
        }
        iteration_cache = iteration();
        const bool paced = steps_per_frame > 0;
        const int64_t fast_forward_left = fastForwardRemaining();
        const bool fast_forwarding = fast_forward_left > 0;
        if (!playing && !fast_forwarding) {  // a pause is not slow training: the next window starts on play
            window_iterations = 0;
            window_start = Clock::now();
        }
        // Trains n iterations and updates the measured rate and the steps/s readout.
        double rest_seconds = 0;  // after this chunk, when the training share is below 1
        auto trainTimed = [&](int64_t n) {
            const auto t0 = Clock::now();
            advance(n);
            const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
            const double share = training_share.load(std::memory_order_relaxed);
            if (share < 1) rest_seconds = std::min(kLongestRestSeconds, seconds * (1 - share) / share);
            since_publish += n;
            window_iterations += static_cast<double>(n);
            if (seconds > 0) rate = std::clamp(0.5 * rate + 0.5 * static_cast<double>(n) / seconds, 1.0, 1e7);
            const double wall = std::chrono::duration<double>(Clock::now() - window_start).count();
            if (wall > 0.5) {
                steps_per_second = window_iterations / wall;
                window_iterations = 0;
                window_start = Clock::now();
            }
            dirty = true;
        };
        bool fast_forward_ended = false;
        if (fast_forwarding) {
            // Train without drawing: chunks of ~0.1 s (commands still apply between them), a picture every ~0.5 s.
            const int64_t n = std::clamp<int64_t>(static_cast<int64_t>(rate * kFastForwardChunkSeconds), 1,
                                                  fast_forward_left);
            trainTimed(n);
            if (fastForwardRemaining() == 0) {
                fast_forward_total = 0;
                fast_forward_ended = true;
            }
        } else if (fast_forward_total > 0) {
            fast_forward_total = 0;  // nothing left to train (or no run can): end it and say so in a snapshot
            fast_forward_ended = true;
            dirty = true;
        } else if (playing && data) {
            // Flat out: chunks of about half a frame of work. Paced: `steps_per_frame` per frame, but never
            // more than a frame's worth, so a huge speed behaves like flat out and the view stays live.
            const int64_t frame_capacity = std::max<int64_t>(1, static_cast<int64_t>(rate * kFrameSeconds));
            const int64_t n = paced ? std::min<int64_t>(steps_per_frame, frame_capacity)
                                    : std::max<int64_t>(1, frame_capacity / 2);
            trainTimed(n);
        }
        const double since = std::chrono::duration<double>(Clock::now() - last_publish).count();
        const bool enough_steps = since_publish >= std::max(1, options.snapshot_every);
        // Flat out, snapshots may take at most about a third of the time: with many runs the frame interval
        // stretches beyond 1/30 s rather than starving training.
        const double interval = std::max(kFrameSeconds, kSnapshotBudgetFactor * std::max(0.0, build_seconds));
        bool due = !playing || (paced ? enough_steps : (since >= interval && enough_steps));
        if (fast_forwarding) due = fast_forward_ended || since >= std::max(kFastForwardFrameSeconds, interval);
        if (fast_forward_ended) due = true;
        if (dirty && due) {
            // The slow parts of image runs (D's score histograms, ...) on their own, slower cadence.
            const double since_heavy = std::chrono::duration<double>(Clock::now() - last_heavy).count();
            const bool heavy = heavyPartsDue(playing || fast_forwarding, since_heavy, heavy_seconds);
            const auto t0 = Clock::now();
            publish(buildSnapshot(true, heavy));
            training_rested = false;
            last_publish = Clock::now();
            const double took = std::chrono::duration<double>(last_publish - t0).count();
            if (heavy) {
                heavy_seconds = took;
                last_heavy = last_publish;
            }
            if (!heavy || build_seconds < 0) build_seconds = took;
            since_publish = 0;
            dirty = false;
        }
        const bool frame_paced = playing && paced && !fast_forwarding;
        if (rest_seconds > 0 || frame_paced) {
            // Paced mode: `steps_per_frame` iterations per ~1/30 s frame. A training share below 1 (the window's
            // frames run over budget) adds a rest. Commands or stop cut the wait short.
            auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(rest_seconds));
            const auto frame_end = frame_start + std::chrono::duration_cast<Clock::duration>(
                                                     std::chrono::duration<double>(kFrameSeconds));
            // Paced training waits for the frame's end anyway: only a rest beyond it costs training time.
            if (rest_seconds > 0 && (!frame_paced || until > frame_end)) training_rested = true;
            if (frame_paced) until = std::max(until, frame_end);
            std::unique_lock<std::mutex> lock(command_mutex);
            command_cv.wait_until(lock, until, [this] { return stop_requested || !commands.empty(); });
        }
    }
}

void Trainer::start(bool playing) {
    if (impl_->worker.joinable()) return;
    impl_->playing = playing;
    {
        std::lock_guard<std::mutex> lock(impl_->command_mutex);
        impl_->stop_requested = false;
    }
    impl_->worker = std::thread([this] { impl_->workerLoop(); });
}

void Trainer::stop() {
    if (!impl_->worker.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(impl_->command_mutex);
        impl_->stop_requested = true;
    }
    impl_->command_cv.notify_all();
    impl_->worker.join();
}

void Trainer::setTrainingShare(double share) {
    impl_->training_share.store(std::clamp(share, 0.01, 1.0), std::memory_order_relaxed);
}

void Trainer::post(Command command) {
    {
        std::lock_guard<std::mutex> lock(impl_->command_mutex);
        impl_->commands.push_back(std::move(command));
    }
    impl_->command_cv.notify_all();
}

}  // namespace ganarium
