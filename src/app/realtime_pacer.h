// realtime_pacer.h — the frame timing of a "real time" in-app clip: the
// window renders when it can (vsync, on demand, slower under load), the
// video has a fixed frame rate. For each rendered frame the pacer says how
// many video frames it becomes, so that video time follows wall-clock time:
// 0 (dropped: the window drew faster than the clip's fps), 1, or more
// (repeated: the window fell behind, the picture stood still that long).
// Pure arithmetic on timestamps, no clock of its own (tests pass them in).
#pragma once

#include <cstdint>

namespace ganarium {

class RealtimePacer {
public:
    // A clip at `fps` frames per second. A stall longer than `max_gap_seconds` (a suspended laptop,
    // a debugger) is cut to that length instead of filling the clip with one still picture.
    explicit RealtimePacer(double fps = 30, double max_gap_seconds = 5);

    // The frame rendered at wall-clock time `now_seconds` (any steady origin; the first call starts
    // the clip at that time): how many video frames it fills. Video frame k (moment start + k / fps)
    // shows the first frame rendered at or after that moment, so the picture is never more than one
    // render interval off and the clip's length is the wall time (less cutSeconds()).
    int framesFor(double now_seconds);
    // Video frames handed out so far.
    int64_t written() const { return written_; }
    // Seconds of wall-clock time cut from the clip by stalls longer than max_gap_seconds.
    double cutSeconds() const { return static_cast<double>(cut_frames_) / fps_; }
    double fps() const { return fps_; }
    // Wall-clock time the clip covers: from the first frame to the last one, plus that frame's own
    // 1 / fps, less cutSeconds(). written() / fps() stays within one frame period of it.
    double wallSeconds() const;

private:
    double fps_;
    int64_t max_gap_frames_;
    bool started_ = false;
    double start_ = 0;
    double last_ = 0;
    int64_t cut_frames_ = 0;
    int64_t written_ = 0;
};

}  // namespace ganarium
