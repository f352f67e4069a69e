// gui_stats.h — frame-time and training-throughput statistics for `--stats`:
// per-frame work time (build UI + render + swap) and frame interval, and
// training steps counted from snapshots, summarised as median / p95.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ganarium {

// Median and 95th percentile of a sample set (0 for an empty set).
struct Percentiles {
    double median = 0, p95 = 0;
};

// Percentiles of `values` (copied and partially sorted).
Percentiles percentiles(std::vector<double> values);

class FrameStats {
public:
    // Reserves room for `frames` samples (no allocation while recording up to that count).
    explicit FrameStats(int frames = 4096);
    // Records one frame: its work time and the interval since the previous frame, in ms.
    void addFrame(double work_ms, double interval_ms);
    // Records how one frame's work splits: UI build (incl. views' GL passes), ImGui render, swap (ms).
    void addPhases(double build_ms, double render_ms, double swap_ms);
    // Records the training position (max run iteration) at time `seconds`.
    void addTraining(double seconds, int64_t iteration);
    // Frames recorded (after the first `warmup` skipped ones).
    int frames() const { return static_cast<int>(work_ms_.size()); }
    Percentiles work() const { return percentiles(work_ms_); }
    Percentiles interval() const { return percentiles(interval_ms_); }
    // Training iterations per second between the first and the last addTraining().
    double stepsPerSecond() const;
    // The `--stats` report.
    std::string report() const;

private:
    std::vector<double> work_ms_, interval_ms_, build_ms_, render_ms_, swap_ms_;
    double t0_ = -1, t1_ = -1;
    int64_t i0_ = 0, i1_ = 0;
};

}  // namespace ganarium
