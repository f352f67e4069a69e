// gui_stats.cpp — median / p95 summaries for `--stats`.
#include "app/gui_stats.h"

#include <algorithm>
#include <cstdio>

namespace ganarium {

Percentiles percentiles(std::vector<double> values) {
    Percentiles p;
    if (values.empty()) return p;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    p.median = n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    const size_t k = std::min(n - 1, static_cast<size_t>(0.95 * static_cast<double>(n - 1) + 0.5));
    p.p95 = values[k];
    return p;
}

FrameStats::FrameStats(int frames) {
    for (auto* v : {&work_ms_, &interval_ms_, &build_ms_, &render_ms_, &swap_ms_}) v->reserve(frames);
}

void FrameStats::addPhases(double build_ms, double render_ms, double swap_ms) {
    build_ms_.push_back(build_ms);
    render_ms_.push_back(render_ms);
    swap_ms_.push_back(swap_ms);
}

void FrameStats::addFrame(double work_ms, double interval_ms) {
    work_ms_.push_back(work_ms);
    interval_ms_.push_back(interval_ms);
}

void FrameStats::addTraining(double seconds, int64_t iteration) {
    if (t0_ < 0) {
        t0_ = seconds;
        i0_ = iteration;
    }
    t1_ = seconds;
    i1_ = iteration;
}

double FrameStats::stepsPerSecond() const {
    return t1_ > t0_ ? static_cast<double>(i1_ - i0_) / (t1_ - t0_) : 0.0;
}

std::string FrameStats::report() const {
    const Percentiles w = work(), iv = interval();
    const Percentiles b = percentiles(build_ms_), r = percentiles(render_ms_), s = percentiles(swap_ms_);
    char buf[768];
    std::snprintf(buf, sizeof buf,
                  "frames: %d\n"
                  "frame time (build + render + swap): median %.2f ms, p95 %.2f ms\n"
                  "  of which UI build + views %.2f ms, ImGui render %.2f ms, swap %.2f ms (medians)\n"
                  "frame interval (incl. vsync/limiter): median %.2f ms, p95 %.2f ms (%.1f fps)\n"
                  "training: %.1f steps/s\n",
                  frames(), w.median, w.p95, b.median, r.median, s.median, iv.median, iv.p95, iv.median > 0 ? 1000.0 / iv.median : 0.0,
                  stepsPerSecond());
    return buf;
}

}  // namespace ganarium
