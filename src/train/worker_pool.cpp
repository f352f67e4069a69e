// worker_pool.cpp — the persistent worker threads behind the Trainer's
// per-run work: a generation counter wakes them for each batch, each runs the
// indices congruent to its slot, and the caller runs slot 0 and then waits.
#include "train/worker_pool.h"

#include <utility>

#if defined(__linux__)
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cerrno>
#endif

namespace ganarium {

ThreadScheduling currentThreadScheduling() {
    ThreadScheduling scheduling;
#if defined(__linux__)
    // Linux keeps policy and nice per thread; pid 0 / the thread id address the calling thread only.
    scheduling.policy = sched_getscheduler(0);
    sched_param param{};
    if (sched_getparam(0, &param) == 0) scheduling.priority = param.sched_priority;
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
    scheduling.nice = errno == 0 ? nice : 0;
#endif
    return scheduling;
}

WorkerPool::WorkerPool(std::function<void()> thread_setup) : thread_setup_(std::move(thread_setup)) {}

WorkerPool::~WorkerPool() { joinWorkers(); }

int WorkerPool::workerCount() const { return static_cast<int>(workers_.size()); }

void WorkerPool::joinWorkers() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
    std::lock_guard<std::mutex> lock(mutex_);
    quit_ = false;
}

void WorkerPool::ensureWorkers(int wanted) {
    const ThreadScheduling caller = currentThreadScheduling();
    if (static_cast<int>(workers_.size()) == wanted && caller == workers_scheduling_) return;
    joinWorkers();
    // Made here, by the caller: Linux threads inherit the creator's policy, nice value and signal mask.
    workers_scheduling_ = caller;
    uint64_t generation;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        generation = generation_;
    }
    for (int slot = 1; slot <= wanted; ++slot) {
        workers_.emplace_back([this, slot, generation] { workerLoop(slot, generation); });
        ++threads_created_;
    }
}

void WorkerPool::runShare(int slot) {
    Failure& failure = failures_[static_cast<size_t>(slot)];
    for (size_t i = static_cast<size_t>(slot); i < count_; i += static_cast<size_t>(stride_)) {
        try {
            (*task_)(i);
        } catch (...) {
            if (!failure.error) failure = Failure{i, std::current_exception()};
        }
    }
}

void WorkerPool::workerLoop(int slot, uint64_t seen_generation) {
    if (thread_setup_) thread_setup_();
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || generation_ != seen_generation; });
            if (quit_) return;
            seen_generation = generation_;
        }
        runShare(slot);
        bool last;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            last = --busy_ == 0;
        }
        if (last) done_.notify_one();
    }
}

void WorkerPool::run(int threads, size_t count, const Task& task) {
    if (threads < 1) threads = 1;
    if (threads == 1 || count <= 1) {
        // Everything lands on thread 0: run inline (rethrowing the lowest index's exception, as below).
        std::exception_ptr first;
        for (size_t i = 0; i < count; ++i) {
            try {
                task(i);
            } catch (...) {
                if (!first) first = std::current_exception();
            }
        }
        if (first) std::rethrow_exception(first);
        return;
    }
    ensureWorkers(threads - 1);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        task_ = &task;
        count_ = count;
        stride_ = threads;
        failures_.assign(static_cast<size_t>(threads), Failure{});
        busy_ = threads - 1;
        ++generation_;
    }
    wake_.notify_all();
    runShare(0);
    {
        std::unique_lock<std::mutex> lock(mutex_);
        done_.wait(lock, [this] { return busy_ == 0; });
        task_ = nullptr;
    }
    const Failure* first = nullptr;
    for (const Failure& failure : failures_) {
        if (failure.error && (!first || failure.index < first->index)) first = &failure;
    }
    if (first) std::rethrow_exception(first->error);
}

}  // namespace ganarium
