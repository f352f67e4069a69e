// realtime_pacer.cpp — wall-clock frame timing for real-time clips.
#include "app/realtime_pacer.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

RealtimePacer::RealtimePacer(double fps, double max_gap_seconds)
    : fps_(fps > 0 ? fps : 30),
      max_gap_frames_(std::max<int64_t>(1, static_cast<int64_t>(std::llround(max_gap_seconds * fps_)))) {}

int RealtimePacer::framesFor(double now_seconds) {
    if (!started_) {
        started_ = true;
        start_ = last_ = now_seconds;
        written_ = 1;
        return 1;
    }
    last_ = std::max(last_, now_seconds);
    // Video frames whose moment (start + k / fps) has come: k = 0 .. floor((now - start) * fps), less
    // the frames cut from long stalls. The epsilon keeps a timestamp exactly on a frame boundary from
    // losing that frame to rounding.
    const int64_t due = static_cast<int64_t>(std::floor((now_seconds - start_) * fps_ + 1e-6)) + 1 - cut_frames_;
    int64_t owed = due - written_;
    if (owed <= 0) return 0;  // this moment is already in the clip: the frame is dropped
    if (owed > max_gap_frames_) {  // a long stall: keep max_gap_frames_ of it, cut the rest
        cut_frames_ += owed - max_gap_frames_;
        owed = max_gap_frames_;
    }
    written_ += owed;
    return static_cast<int>(owed);
}

double RealtimePacer::wallSeconds() const {
    if (!started_) return 0;
    return last_ - start_ + 1.0 / fps_ - cutSeconds();
}

}  // namespace ganarium
