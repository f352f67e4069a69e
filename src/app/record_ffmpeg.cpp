// record_ffmpeg.cpp — format by extension, the before-any-work checks and the
// deterministic ffmpeg command lines (H.264 mp4 and palette GIF).
#include "app/record_ffmpeg.h"

#include <algorithm>
#include <cstdio>

#include "app/output_file.h"
#include "app/record_process.h"
#include "core/errors.h"

namespace ganarium {

namespace {

std::string lowerExtension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

std::string formatNumber(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

const char* kInstallHint = "install it with: sudo apt-get install ffmpeg";

// One palette for the whole clip, built from every frame in the same graph.
const char* kGifFilter =
    "[0:v]split[a][b];[a]palettegen=max_colors=256:stats_mode=full[p];[b][p]paletteuse=dither=bayer:bayer_scale=4";

// Frames between two keyframes: one per second, so a cut-off file loses at most about a second.
int keyframeInterval(double fps) { return std::max(1, static_cast<int>(fps + 0.5)); }

}  // namespace

VideoFormat videoFormatForPath(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == "mp4" || ext == "m4v" || ext == "mov") return VideoFormat::Mp4;
    if (ext == "gif") return VideoFormat::Gif;
    throw UserError("cannot tell the video format of '" + path +
                    "': end the output name with .mp4 (H.264 video) or .gif (animated GIF for slides)");
}

std::string requireFfmpeg(VideoFormat format) {
    const std::string ffmpeg = findExecutableOnPath("ffmpeg");
    if (ffmpeg.empty())
        throw UserError(std::string("ffmpeg was not found on PATH; Ganarium encodes videos with it: ") + kInstallHint);
    int code = -1;
    const std::string encoders = runAndCapture({ffmpeg, "-hide_banner", "-encoders"}, code);
    if (code != 0)
        throw UserError("'" + ffmpeg + " -encoders' failed (exit " + std::to_string(code) +
                        "): the ffmpeg installation looks broken; re" + kInstallHint);
    if (format == VideoFormat::Mp4 && encoders.find("libx264") == std::string::npos)
        throw UserError("ffmpeg at " + ffmpeg +
                        " has no libx264 (H.264) encoder; use Debian's ffmpeg (sudo apt-get install ffmpeg) "
                        "or record a .gif instead");
    if (format == VideoFormat::Gif &&
        (encoders.find(" gif ") == std::string::npos || encoders.find(" ffv1 ") == std::string::npos))
        throw UserError("ffmpeg at " + ffmpeg + " lacks the gif or ffv1 encoder that GIF recording needs; " +
                        kInstallHint);
    return ffmpeg;
}

void requireWritableOutput(const std::string& path, bool overwrite) {
    if (path.empty()) throw UserError("the output file name is empty: give one with -o FILE.mp4");
    requireOutputPath(path, overwrite, {"the video", "-o"});
}

std::string intermediateSuffix(VideoFormat format) { return format == VideoFormat::Mp4 ? ".mp4" : ".mkv"; }

std::vector<std::string> ffmpegArguments(const std::string& ffmpeg, const EncodeSettings& s,
                                         const std::string& intermediate) {
    std::vector<std::string> a = {ffmpeg, "-hide_banner", "-nostats", "-loglevel", "error", "-y",
                                  "-f", "rawvideo", "-pix_fmt", "rgba",
                                  "-s", std::to_string(s.width) + "x" + std::to_string(s.height),
                                  "-r", formatNumber(s.fps), "-i", "pipe:0", "-an"};
    const std::string keyint = std::to_string(keyframeInterval(s.fps));
    if (s.format == VideoFormat::Mp4) {
        // BT.709 matrix (what players assume for HD), bit-exact swscale, fixed
        // x264 thread count: identical input gives an identical file. A fragment
        // per keyframe (one a second), each on the disk as soon as it is complete
        // (-flush_packets: small fragments would otherwise wait in ffmpeg's 32 KB buffer).
        const std::vector<std::string> mp4 = {
            "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=bicubic+accurate_rnd+bitexact,format=yuv420p",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", std::to_string(s.crf), "-g", keyint,
            "-threads", std::to_string(s.threads), "-x264-params", "threads=" + std::to_string(s.threads),
            "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
            "-color_range", "tv", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
            "-flush_packets", "1", "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-f", "mp4",
            intermediate};
        a.insert(a.end(), mp4.begin(), mp4.end());
    } else {
        // Lossless, so the GIF made from it is the GIF the raw frames would give;
        // a Matroska cluster a second, flushed at once, so a cut-off file decodes.
        const std::vector<std::string> ffv1 = {
            "-c:v", "ffv1", "-level", "3", "-g", keyint, "-slices", "4", "-slicecrc", "1",
            "-threads", std::to_string(s.threads), "-fflags", "+bitexact", "-flags:v", "+bitexact",
            "-map_metadata", "-1", "-flush_packets", "1", "-cluster_time_limit", "1000", "-f", "matroska",
            intermediate};
        a.insert(a.end(), ffv1.begin(), ffv1.end());
    }
    return a;
}

std::vector<std::string> ffmpegFinishArguments(const std::string& ffmpeg, const EncodeSettings& s,
                                               const std::string& intermediate, const std::string& output) {
    std::vector<std::string> a = {ffmpeg, "-hide_banner", "-nostats", "-loglevel", "error", "-y",
                                  "-i", intermediate, "-an"};
    std::vector<std::string> rest;
    if (s.format == VideoFormat::Mp4) {
        rest = {"-c", "copy", "-fflags", "+bitexact", "-map_metadata", "-1", "-movflags", "+faststart",
                "-f", "mp4", output};
    } else {
        rest = {"-filter_complex", kGifFilter, "-loop", "0", "-fflags", "+bitexact", "-flags:v", "+bitexact",
                "-f", "gif", output};
    }
    a.insert(a.end(), rest.begin(), rest.end());
    return a;
}

}  // namespace ganarium
