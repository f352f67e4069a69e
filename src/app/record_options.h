// record_options.h — what `ganarium record` was asked to do, parsed and
// checked from the command line before any work starts:
//   ganarium record SCENE -o OUT.mp4|OUT.gif [--frames N | --seconds S] [--fps F]
//       [--size WxH] [--steps-per-frame K] [--layout auto|CxR] [--lang en|zh]
//       [--caption TEXT] [--png-dir DIR] [--seed S] [--no-curves] [--stats]
//       [--force] [--ffmpeg-timeout S] [--lesson]
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "core/scene_spec.h"

namespace ganarium {

struct RecordOptions {
    std::string scene;                  // scene file, or "default" / "" for the embedded scene
    std::string output;                 // .mp4/.m4v/.mov or .gif; may be empty when png_dir is given
    std::string png_dir;                // numbered PNG sequence (frame_00000.png, ...) when non-empty
    std::optional<int64_t> frames;      // --frames
    std::optional<double> seconds;      // --seconds (frames = round(seconds * fps))
    double fps = 30;
    int width = 1280, height = 720;     // even (H.264 yuv420p needs even sizes)
    int steps_per_frame = 1;            // K training iterations between two frames
    std::string layout = "auto";        // run grid, COLSxROWS as in the window ("2x2", "3x1", ...)
    std::string lang = "en";            // "en" or "zh"
    std::optional<std::string> caption; // replaces the scene's caption line
    std::optional<uint64_t> seed;       // replaces the scene's seed
    bool curves = true;                 // the curves/weights strip under the panels (--no-curves hides it)
    bool image_metrics = true;          // image runs: class bars and metrics from the cached classifier (--no-image-metrics)
    bool stats = false;                 // print where the time went
    bool force = false;                 // replace an existing output file / PNG frames (never through a link)
    double ffmpeg_timeout = 30;         // give up when ffmpeg takes no frame data for this many seconds
    bool lesson = false;                // --lesson: play the scene's [[lesson.step]]s (app/record_lesson.h)
    bool help = false;
};

// Parses argv[first..argc) ("-o" is accepted for --output). Throws UserError with the fix.
RecordOptions parseRecordOptions(int argc, char** argv, int first);

// Number of frames to record: --frames, else --seconds * fps, else the scene's `steps` / K (rounded up).
int64_t resolveFrameCount(const RecordOptions& options, const SceneSpec& scene);

// The usage text of `ganarium record`.
void printRecordUsage(std::ostream& out);

}  // namespace ganarium
