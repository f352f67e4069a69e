// record_ffmpeg.h — everything the recorder knows about ffmpeg: which output
// formats exist (chosen by file extension), checks done BEFORE any work
// (ffmpeg installed and able to encode H.264, output path writable), and the
// exact command line that turns raw RGBA frames on stdin into a video that is
// bit-identical for identical input.
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
// writable, it is not a directory. Leaves no file behind.
void requireWritableOutput(const std::string& path);

// ffmpeg's argv (argv[0] = `ffmpeg`) reading raw RGBA top-down frames from stdin.
std::vector<std::string> ffmpegArguments(const std::string& ffmpeg, const EncodeSettings& settings,
                                         const std::string& output);

}  // namespace ganarium
