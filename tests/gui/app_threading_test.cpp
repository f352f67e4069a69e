// app_threading_test.cpp — the latest-value snapshot handoff under a
// concurrent producer (the trainer thread) and consumers (render-like
// readers), while commands are posted from the UI side.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <filesystem>
#include <string>

#include <sched.h>
#include <unistd.h>

#include "app/gui_session.h"
#include "app_window_fixture.h"
#include "core/scene_parser.h"
#include "train/trainer.h"

using namespace ganarium;

namespace {

// Scheduling policies of this process's threads other than the caller (Linux: /proc/self/task).
std::vector<int> otherThreadPolicies() {
    std::vector<int> policies;
    const std::string self = std::to_string(gettid());
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) {
        const std::string tid = entry.path().filename().string();
        if (tid == self) continue;
        const int policy = sched_getscheduler(static_cast<pid_t>(std::stol(tid)));
        if (policy >= 0) policies.push_back(policy);
    }
    return policies;
}

// How many of this process's other threads run at SCHED_IDLE.
long idleThreads() {
    const auto p = otherThreadPolicies();
    return static_cast<long>(std::count(p.begin(), p.end(), SCHED_IDLE));
}

}  // namespace

TEST_CASE("latest() never returns null and versions only grow while commands are posted concurrently") {
    TrainerOptions options;
    options.threads = 1;
    options.display_samples = 256;
    Trainer trainer(defaultScene(), options);
    REQUIRE(static_cast<bool>(trainer.latest()));
    trainer.start(true);

    std::atomic<bool> stop{false};
    std::atomic<int> nulls{0}, regressions{0}, changes{0}, torn{0};
    auto reader = [&] {
        uint64_t last = 0;
        while (!stop.load()) {
            SnapshotPtr s = trainer.latest();
            if (!s) { ++nulls; continue; }
            if (s->version < last) ++regressions;
            if (s->version > last) {
                ++changes;
                // A published snapshot is complete: every run carries its samples.
                for (const RunSnapshot& run : s->runs) {
                    const PointSet* real = findQuantity<PointSet>(run.parts, quantity_names::kReal);
                    const PointSet* fake = findQuantity<PointSet>(run.parts, quantity_names::kFake);
                    if (real && !real->coords.empty() && (!fake || fake->coords.size() != real->coords.size())) ++torn;
                }
            }
            last = s->version;
        }
    };
    std::vector<std::thread> readers;
    for (int i = 0; i < 2; ++i) readers.emplace_back(reader);

    // The UI side posts edits meanwhile and never waits.
    const auto t0 = std::chrono::steady_clock::now();
    double worst_post_ms = 0;
    std::vector<double> post_ms;
    for (int i = 0; i < 40; ++i) {
        Command c;
        c.kind = i % 10 == 5 ? Command::Kind::Pause : (i % 10 == 6 ? Command::Kind::Play : Command::Kind::SetSpeed);
        c.count = i % 3;
        const auto p0 = std::chrono::steady_clock::now();
        trainer.post(c);
        (void)trainer.latest();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - p0).count();
        worst_post_ms = std::max(worst_post_ms, ms);
        post_ms.push_back(ms);
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
    }
    stop = true;
    for (auto& t : readers) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const uint64_t final_version = trainer.latest()->version;
    trainer.stop();

    MESSAGE("snapshot changes seen by readers: " << changes.load() << " in " << seconds << " s; worst post+latest "
                                                  << worst_post_ms << " ms");
    CHECK(nulls.load() == 0);
    CHECK(regressions.load() == 0);
    CHECK(torn.load() == 0);
    CHECK(changes.load() >= 4);
    CHECK(final_version >= 3);
    // Posting and reading never wait for a training step (~10-100 ms here, longer on a loaded machine): the
    // typical call is far below a millisecond on an idle machine, but measured 3.7-4.0 ms at a load of 5 on
    // 2 cores (preemption), so the median bound sits well under one step rather than near the idle figure;
    // the worst case only bounds scheduler hiccups on shared CI cores.
    std::sort(post_ms.begin(), post_ms.end());
    CHECK(post_ms[post_ms.size() / 2] < 8.0);
    CHECK(worst_post_ms < 500.0);
}

TEST_CASE("the idle policy runs the training thread at idle priority, the adaptive one at normal priority") {
    const int caller_before = sched_getscheduler(0);
    const auto count_idle = [] {
        const auto p = otherThreadPolicies();
        return std::count(p.begin(), p.end(), SCHED_IDLE);
    };
    const auto idle_before = count_idle();
    GuiSessionOptions idle = test::testSessionOptions(true);
    idle.training_policy = TrainingPolicy::Idle;
    {
        GuiSession session(defaultScene(), idle);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHECK(count_idle() == idle_before + 1);  // the trainer's worker (its launcher has exited)
        CHECK(sched_getscheduler(0) == caller_before);
        CHECK(session.trainer().latest()->version >= 1);
    }
    CHECK(count_idle() == idle_before);  // stopped and joined with the session
    GuiSessionOptions normal = test::testSessionOptions(true);
    normal.training_policy = TrainingPolicy::Adaptive;  // the window's default: normal priority
    GuiSession session(defaultScene(), normal);
    CHECK(count_idle() == idle_before);
}

TEST_CASE("the training thread's pool workers run at idle priority too, and end with the session") {
    const long idle_before = idleThreads();
    GuiSessionOptions two_threads = test::testSessionOptions(true);
    two_threads.training_policy = TrainingPolicy::Idle;
    two_threads.trainer.threads = 2;  // the default scene's 2 runs: the trainer thread + 1 pool worker
    {
        GuiSession session(defaultScene(), two_threads);
        // The pool's worker is made by the (idle) training thread on its first step or snapshot.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (session.trainer().latest()->runs[0].step < 2 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        CHECK(session.trainer().latest()->runs[0].step >= 2);
        CHECK(idleThreads() == idle_before + 2);
        // Recording (lockstep) drives the trainer from a normal-priority thread: the pool follows it.
        session.setLockstep(true);  // stops the thread, takes a snapshot from here
        CHECK(idleThreads() == idle_before);
        session.setLockstep(false);
    }
    CHECK(idleThreads() == idle_before);
}
