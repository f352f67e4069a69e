// lockstep_driver.h — the one "train the next frame" step of lockstep
// playback, shared by `ganarium record` and the window (REC and its
// synchronous mode): advance the trainer exactly K iterations, then take a
// full snapshot. start()/wait() run that step on the driver's own persistent
// thread, so frame i+1 trains while frame i is drawn, read back and encoded;
// stepNow() runs it on the caller. Either way the sequence of training steps
// and snapshots is the same, so the frames are the same.
//
// A step that throws (a run's own errors are caught inside the Trainer; this
// is the last resort) is logged, and the frame falls back to the trainer's
// latest published snapshot with the reason in `error`.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "core/snapshot.h"

namespace ganarium {

class Trainer;

// One lockstep frame: the snapshot after the step, and where the time went.
struct LockstepFrame {
    SnapshotPtr snapshot;
    double train_s = 0;     // wall time of advance(K)
    double snapshot_s = 0;  // wall time of snapshot()
    std::string error;      // "" unless the step threw (snapshot is then trainer.latest())
};

class LockstepDriver {
public:
    // `stop` (optional) is handed to Trainer::advance: when it becomes true, training ends between two steps.
    explicit LockstepDriver(const std::atomic<bool>* stop = nullptr);
    // Waits for a step in flight, then ends the driver's thread.
    ~LockstepDriver();
    LockstepDriver(const LockstepDriver&) = delete;
    LockstepDriver& operator=(const LockstepDriver&) = delete;

    // Starts "advance `k` (none when k <= 0), then snapshot" of `trainer` on the driver's thread (made on the
    // first call, by the caller, so it shares the caller's scheduling and signal mask). The trainer must not
    // be touched until wait(). Waits first for a step still in flight.
    void start(Trainer& trainer, int k);
    // True while a started step has not been collected by wait().
    bool busy() const { return in_flight_; }
    // Waits for the started step and returns its frame; an empty frame when none was started.
    LockstepFrame wait();
    // The same step on the calling thread (synchronous sessions).
    LockstepFrame stepNow(Trainer& trainer, int k);

private:
    // The driver thread's loop: one step per start().
    void threadLoop();

    const std::atomic<bool>* stop_;
    std::thread thread_;
    bool in_flight_ = false;  // touched only by the owning thread

    std::mutex mutex_;
    std::condition_variable posted_, finished_;
    Trainer* trainer_ = nullptr;  // the posted step (guarded by mutex_)
    int k_ = 0;
    bool pending_ = false;        // a step is posted and not yet done
    bool quit_ = false;
    LockstepFrame result_;
};

}  // namespace ganarium
