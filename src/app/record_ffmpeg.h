// record_ffmpeg.h — everything the recorder knows about ffmpeg: which output
// formats exist (chosen by file extension), checks done BEFORE any work
// (ffmpeg installed and able to encode H.264, output path writable), and the
// exact command lines, in two stages so that a fault never costs the frames
// already recorded:
//   1. raw RGBA frames on stdin -> an intermediate file that stays playable
//      when cut off at any point (fragmented MP4 with a keyframe every second
//      for .mp4; lossless FFV1 in Matroska for .gif, since palettegen needs
//      the whole clip);
//   2. intermediate -> the final file (a copy remux to a +faststart MP4, or
//      the one-palette GIF).
// Identical input gives a bit-identical final file.
#pragma once

#include <string>
#include <vector>

namespace ganarium {

// Container/codec of a recording, chosen from the output file's extension.
enum class VideoFormat {
    Mp4,  // .mp4 / .m4v / .mov: H.264, yuv420p, +faststart (plays in browsers and slide software)
    Gif,  // .gif: one global palette built from all frames (palettegen + paletteuse)
};

// The format an output path asks for. Throws UserError for other extensions.
VideoFormat videoFormatForPath(const std::string& path);

// What the encoder is asked to produce.
struct EncodeSettings {
    int width = 1280, height = 720;  // even numbers (yuv420p needs them)
    double fps = 30;
    VideoFormat format = VideoFormat::Mp4;
    int crf = 18;                    // H.264 constant quality (lower = better, bigger)
    int threads = 2;                 // fixed, never "auto": the output must not depend on the machine
};

// Full path of a usable ffmpeg. Throws UserError naming the package when it
// is missing, does not run, or (for Mp4) lacks the libx264 encoder.
std::string requireFfmpeg(VideoFormat format);

// Throws UserError unless `path` can be created: its directory exists and is
// writable, it is not a directory, a symbolic link or a special file, and it
// does not exist yet unless `overwrite` (--force). Leaves no file behind.
void requireWritableOutput(const std::string& path, bool overwrite = false);

// Stage 1: ffmpeg's argv (argv[0] = `ffmpeg`) reading raw RGBA top-down frames from stdin into
// the intermediate file `intermediate` (fragmented MP4, or FFV1 Matroska for a GIF).
std::vector<std::string> ffmpegArguments(const std::string& ffmpeg, const EncodeSettings& settings,
                                         const std::string& intermediate);

// Stage 2: ffmpeg's argv turning the intermediate file into the final `output` (+faststart MP4 or GIF).
std::vector<std::string> ffmpegFinishArguments(const std::string& ffmpeg, const EncodeSettings& settings,
                                               const std::string& intermediate, const std::string& output);

// File name ending of the stage-1 file: ".mp4" (fragmented MP4) or ".mkv" (FFV1 for GIFs).
std::string intermediateSuffix(VideoFormat format);

}  // namespace ganarium
