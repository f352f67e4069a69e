// worker_pool.h — persistent threads that run a batch of indexed tasks with a
// fixed assignment: with N threads, index i always runs on thread i % N, where
// thread 0 is the caller and threads 1..N-1 are kept between batches (no
// thread spawned per batch). The same batch therefore runs the same way every
// time, which keeps training deterministic for a given thread count.
//
// Workers are created by the thread that calls run(), so they inherit its
// scheduling policy, nice value and signal mask (the window trains at idle
// priority). When a later caller differs in policy or nice, or asks for another
// thread count, the workers are joined and made again from that caller.
// Torch-free: the owner passes a setup hook (e.g. one torch thread per worker).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ganarium {

// A thread's scheduling as Linux reports it (policy, real-time priority, nice); all zero elsewhere.
struct ThreadScheduling {
    int policy = 0;
    int priority = 0;
    int nice = 0;
    bool operator==(const ThreadScheduling& other) const {
        return policy == other.policy && priority == other.priority && nice == other.nice;
    }
    bool operator!=(const ThreadScheduling& other) const { return !(*this == other); }
};

// The calling thread's scheduling policy, real-time priority and nice value.
ThreadScheduling currentThreadScheduling();

class WorkerPool {
public:
    using Task = std::function<void(size_t index)>;

    // `thread_setup` runs once at the start of every worker thread (not on callers).
    explicit WorkerPool(std::function<void()> thread_setup = {});
    // Joins every worker (they are idle: run() returns only when its batch is done).
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Runs task(i) for every i in [0, count): on `threads` threads, index i on thread i % threads (thread 0:
    // the caller). Blocks until all are done; if any threw, rethrows the exception of the lowest index
    // (every index still runs). One caller at a time; tasks must not call run().
    void run(int threads, size_t count, const Task& task);
    // Worker threads alive now (the caller not counted).
    int workerCount() const;
    // How many worker threads were created so far (stays put while batches reuse them).
    uint64_t threadsCreated() const { return threads_created_; }

private:
    // Makes sure `wanted` workers exist with the caller's scheduling (joins and respawns otherwise).
    void ensureWorkers(int wanted);
    // Asks every worker to quit and joins it.
    void joinWorkers();
    // A worker's loop: wait for a batch, run its share, report done.
    void workerLoop(int slot, uint64_t seen_generation);
    // Runs thread `slot`'s share of the current batch, noting the first failure.
    void runShare(int slot);

    struct Failure {
        size_t index = 0;
        std::exception_ptr error;
    };

    std::function<void()> thread_setup_;
    std::vector<std::thread> workers_;
    ThreadScheduling workers_scheduling_;  // what the workers inherited from the caller that made them
    uint64_t threads_created_ = 0;

    std::mutex mutex_;
    std::condition_variable wake_;         // a batch was posted, or quit
    std::condition_variable done_;         // the last worker finished its share
    uint64_t generation_ = 0;              // one per batch (guarded by mutex_)
    bool quit_ = false;                    // guarded by mutex_
    int busy_ = 0;                         // workers still running the batch (guarded by mutex_)
    // The current batch (written before the wake, read by workers after it).
    const Task* task_ = nullptr;
    size_t count_ = 0;
    int stride_ = 1;
    std::vector<Failure> failures_;        // per thread slot; each slot written only by its thread
};

}  // namespace ganarium
