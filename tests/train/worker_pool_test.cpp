// worker_pool_test.cpp — the Trainer's persistent worker pool: every task
// runs, index i always lands on thread i % N (thread 0 the caller), threads
// are reused across batches, exceptions reach the caller, workers inherit
// the driving thread's scheduling (the window trains at idle priority), and
// a threaded scene's metric sequence repeats exactly, also across thread
// count changes.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "snapshot_parts.h"
#include "scene_fixtures.h"
#include "train/trainer.h"
#include "train/worker_pool.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

// Runs one batch and returns the thread each index ran on.
std::vector<std::thread::id> threadOfEachIndex(WorkerPool& pool, int threads, size_t count) {
    std::vector<std::thread::id> ids(count);
    pool.run(threads, count, [&](size_t i) { ids[i] = std::this_thread::get_id(); });
    return ids;
}

// Runs `fn` on a fresh thread and waits for it (so a priority change stays on that thread).
template <typename Fn>
void onFreshThread(Fn fn) {
    std::thread thread(fn);
    thread.join();
}

}  // namespace

TEST_CASE("worker pool: every task runs once, index i on thread i % N, thread 0 the caller") {
    WorkerPool pool;
    for (int threads : {1, 2, 3, 4}) {
        CAPTURE(threads);
        std::vector<std::atomic<int>> runs(11);
        pool.run(threads, runs.size(), [&](size_t i) { ++runs[i]; });
        for (const auto& r : runs) CHECK(r.load() == 1);

        const auto ids = threadOfEachIndex(pool, threads, 11);
        CHECK(ids[0] == std::this_thread::get_id());
        for (size_t i = 0; i < ids.size(); ++i) CHECK(ids[i] == ids[i % static_cast<size_t>(threads)]);
        CHECK(std::set<std::thread::id>(ids.begin(), ids.end()).size() == static_cast<size_t>(threads));
        CHECK(pool.workerCount() == (threads > 1 ? threads - 1 : pool.workerCount()));
    }
    // Fewer tasks than threads: the extra workers simply have nothing to do.
    std::vector<int> ran(2, 0);
    pool.run(4, 2, [&](size_t i) { ran[i] = static_cast<int>(i) + 10; });
    CHECK(ran == std::vector<int>{10, 11});
    pool.run(4, 0, [](size_t) { FAIL("no task expected"); });
}

TEST_CASE("worker pool: many batches reuse the same threads; a new thread count makes new ones") {
    std::atomic<int> setups{0};
    WorkerPool pool([&] { ++setups; });
    const auto first = threadOfEachIndex(pool, 3, 6);
    CHECK(pool.threadsCreated() == 2);
    for (int batch = 0; batch < 200; ++batch) {
        const auto ids = threadOfEachIndex(pool, 3, 6);
        REQUIRE(ids == first);  // same thread per index every time
    }
    CHECK(pool.threadsCreated() == 2);
    CHECK(setups.load() == 2);  // the setup hook ran once per worker, not per batch

    const auto two = threadOfEachIndex(pool, 2, 6);
    CHECK(pool.threadsCreated() == 3);
    CHECK(pool.workerCount() == 1);
    CHECK(two[1] != first[1]);  // a fresh worker
    CHECK(setups.load() == 3);
}

TEST_CASE("worker pool: an exception reaches the caller after every index ran; the pool stays usable") {
    WorkerPool pool;
    std::vector<std::atomic<int>> ran(9);
    auto throwing = [&](size_t i) {
        ++ran[i];
        if (i == 7) throw std::runtime_error("seven");
        if (i == 5) throw std::runtime_error("five");
    };
    for (int threads : {1, 3}) {
        CAPTURE(threads);
        for (auto& r : ran) r = 0;
        std::string message;
        try {
            pool.run(threads, ran.size(), throwing);
        } catch (const std::runtime_error& error) {
            message = error.what();
        }
        CHECK(message == "five");  // the lowest failing index, whichever thread ran it
        for (const auto& r : ran) CHECK(r.load() == 1);
    }
    // A throw on the caller's own share (index 0) waits for the workers too.
    std::atomic<int> done{0};
    CHECK_THROWS_AS(pool.run(3, 6,
                             [&](size_t i) {
                                 if (i == 0) throw std::logic_error("zero");
                                 std::this_thread::sleep_for(std::chrono::milliseconds(20));
                                 ++done;
                             }),
                    std::logic_error);
    CHECK(done.load() == 5);
    std::atomic<int> after{0};
    pool.run(3, 6, [&](size_t) { ++after; });
    CHECK(after.load() == 6);
}

TEST_CASE("worker pool: workers have the scheduling of the thread that drives the pool") {
    // Scheduling of the thread each index ran on.
    auto schedulingOfEachIndex = [](WorkerPool& pool) {
        std::vector<ThreadScheduling> seen(6);
        pool.run(3, seen.size(), [&](size_t i) { seen[i] = currentThreadScheduling(); });
        return seen;
    };
    WorkerPool pool;
    const ThreadScheduling normal = currentThreadScheduling();
    // Made first by this (normal) thread, as the Trainer's constructor does before its thread starts.
    for (const auto& s : schedulingOfEachIndex(pool)) CHECK(s == normal);
    const uint64_t made_by_normal = pool.threadsCreated();

    SUBCASE("nice raised on the driving thread") {
        ThreadScheduling driver;
        std::vector<ThreadScheduling> seen;
        onFreshThread([&] {
            const auto tid = static_cast<id_t>(syscall(SYS_gettid));
            REQUIRE(setpriority(PRIO_PROCESS, tid, normal.nice + 5) == 0);  // lowering priority needs no rights
            driver = currentThreadScheduling();
            seen = schedulingOfEachIndex(pool);
            seen = schedulingOfEachIndex(pool);  // a second batch: no new threads
        });
        CHECK(driver.nice == std::min(19, normal.nice + 5));
        for (const auto& s : seen) CHECK(s == driver);
        CHECK(pool.threadsCreated() == made_by_normal + 2);
    }
    SUBCASE("SCHED_IDLE on the driving thread (the window's trainer thread)") {
        ThreadScheduling driver;
        std::vector<ThreadScheduling> seen;
        onFreshThread([&] {
            sched_param param{};
            REQUIRE(sched_setscheduler(0, SCHED_IDLE, &param) == 0);
            driver = currentThreadScheduling();
            seen = schedulingOfEachIndex(pool);
        });
        CHECK(driver.policy == SCHED_IDLE);
        for (const auto& s : seen) CHECK(s.policy == SCHED_IDLE);
    }
    // Driven again from a normal thread: the workers are normal again (no idle workers left behind).
    for (const auto& s : schedulingOfEachIndex(pool)) CHECK(s == normal);
}

TEST_CASE("a threaded trainer repeats its metric sequence exactly over many advances") {
    auto scene = makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16), smallRun(Objective::Hinge, Lipschitz::None, 16),
                                    smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty, 16)},
                           5);
    scene.threads = 2;
    auto metricSequence = [&] {
        Trainer trainer(scene);
        for (int i = 0; i < 8; ++i) trainer.advance(5);
        std::vector<double> values;  // every run's every series, NaN written as -1e300 so == compares them
        for (const RunSnapshot& run : trainer.snapshot()->runs) {
            REQUIRE(run.metrics.size() == 9);  // steps 0, 5, ..., 40
            for (const std::string& name : run.metrics.keys())
                for (double v : run.metrics.columnCopy(name)) values.push_back(std::isnan(v) ? -1e300 : v);
        }
        return values;
    };
    const auto first = metricSequence();
    const auto second = metricSequence();
    REQUIRE(first.size() > 20);
    CHECK(first == second);
}

TEST_CASE("a trainer whose thread count changes (LoadScene) trains as a fresh trainer of the new scene") {
    auto three = makeScene(gaussian1D(0.5, 1.0), {smallRun(Objective::NonSaturating, Lipschitz::None, 8),
                                                  smallRun(Objective::Hinge, Lipschitz::None, 8),
                                                  smallRun(Objective::LeastSquares, Lipschitz::None, 8)},
                           4);
    three.threads = 3;
    auto one = three;
    one.runs.resize(1);
    one.threads = 2;  // capped at the run count: 1 thread
    auto four = three;
    four.runs.push_back(smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty, 8));
    four.threads = 2;

    Trainer trainer(three);
    trainer.advance(8);
    for (const SceneSpec* next : {&one, &four, &three}) {
        Command load;
        load.kind = Command::Kind::LoadScene;
        load.scene = std::make_shared<const SceneSpec>(*next);
        trainer.apply(load);
        trainer.advance(12);
        Trainer fresh(*next);
        fresh.advance(12);
        const auto a = trainer.snapshot(), b = fresh.snapshot();
        REQUIRE(a->runs.size() == next->runs.size());
        for (size_t r = 0; r < a->runs.size(); ++r) {
            CAPTURE(r);
            CHECK(a->runs[r].step == 12);
            CHECK(a->runs[r].metrics.steps() == b->runs[r].metrics.steps());
            CHECK(a->runs[r].metrics.columnCopy("w1") == b->runs[r].metrics.columnCopy("w1"));
            CHECK(test::coordsOf(a->runs[r], quantity_names::kFake) == test::coordsOf(b->runs[r], quantity_names::kFake));
        }
    }
}
