// record_session.h — the lockstep recording loop behind `ganarium record`:
// for every frame, exactly K training iterations (Trainer::advance), one
// snapshot, one SceneFrame drawn in presentation mode into an offscreen
// framebuffer, pixels read back (PBO double buffer) and handed to ffmpeg
// and/or written as PNG. Video time is training time: the same scene and
// seed give the same frames. A stop request (Ctrl-C, SIGTERM) ends training
// between two steps and the loop at the next frame boundary; when ffmpeg
// stops accepting frames the loop ends too, and the video is always closed
// (record_finalize.h says where the frames ended up).
#pragma once

#include <cstdint>
#include <string>

#include "app/record_finalize.h"
#include "app/record_options.h"
#include "core/scene_spec.h"

namespace ganarium {

class StopSignalGuard;

// How a recording ended.
struct RecordResult {
    int64_t frames_requested = 0;
    int64_t frames_rendered = 0;   // frames drawn and read back
    int64_t frames_encoded = 0;    // frames ffmpeg received completely (0 without a video output)
    int64_t last_step = 0;         // training iteration shown in the last frame
    bool video_ok = true;          // the whole video is at the output path
    FinalizeResult video;          // where the video's frames ended up (with a video output)
    int stop_signal = 0;           // SIGINT / SIGTERM when interrupted, else 0
    std::string error;             // what went wrong (ffmpeg died, disk full, PNG write failed), else ""
    double seconds = 0;            // wall time of the loop
    // Wall time spent per stage over the whole loop (for --stats).
    // train_s and snapshot_s run on a worker thread, overlapped with the rest; wait_s is
    // the time the drawing thread waited for them.
    double train_s = 0, snapshot_s = 0, wait_s = 0, draw_s = 0, readback_s = 0, output_s = 0;
    std::string context;           // "EGL surfaceless: llvmpipe ..." for the log
};

// Records `scene` as `options` ask. `ffmpeg` is the checked ffmpeg path ("" when only PNGs are written).
// Throws UserError for setup failures (no GL context, bad size) before the first frame.
RecordResult recordScene(const SceneSpec& scene, const RecordOptions& options, const std::string& ffmpeg,
                         StopSignalGuard& stop);

// Default body-font size in pixels for a frame `height` pixels tall (20 px at 720p).
float recordFontPixels(int height);

}  // namespace ganarium
