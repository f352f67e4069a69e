// record_ffmpeg.cpp — format by extension, the before-any-work checks and the
// deterministic ffmpeg command lines (H.264 mp4 and palette GIF).
#include "app/record_ffmpeg.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

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

std::string directoryOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string formatNumber(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

const char* kInstallHint = "install it with: sudo apt-get install ffmpeg";

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
    if (format == VideoFormat::Gif && encoders.find(" gif ") == std::string::npos)
        throw UserError("ffmpeg at " + ffmpeg + " has no gif encoder; " + kInstallHint);
    return ffmpeg;
}

void requireWritableOutput(const std::string& path) {
    if (path.empty()) throw UserError("the output file name is empty: give one with -o FILE.mp4");
    const std::string dir = directoryOf(path);
    struct stat st{};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw UserError("cannot write '" + path + "': the folder '" + dir +
                        "' does not exist (create it first: mkdir -p " + dir + ")");
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        throw UserError("cannot write '" + path + "': it is a folder; give a file name such as " + path +
                        "/ganarium.mp4");
    const bool existed = ::access(path.c_str(), F_OK) == 0;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0)
        throw UserError("cannot write '" + path + "': " + std::strerror(errno) +
                        " (choose a folder you can write to, e.g. -o $HOME/ganarium.mp4)");
    ::close(fd);
    if (!existed) ::unlink(path.c_str());
}

std::vector<std::string> ffmpegArguments(const std::string& ffmpeg, const EncodeSettings& s,
                                         const std::string& output) {
    std::vector<std::string> a = {ffmpeg, "-hide_banner", "-nostats", "-loglevel", "error", "-y",
                                  "-f", "rawvideo", "-pix_fmt", "rgba",
                                  "-s", std::to_string(s.width) + "x" + std::to_string(s.height),
                                  "-r", formatNumber(s.fps), "-i", "pipe:0", "-an"};
    if (s.format == VideoFormat::Mp4) {
        // BT.709 matrix (what players assume for HD), bit-exact swscale, fixed
        // x264 thread count: identical input gives an identical file.
        const std::vector<std::string> mp4 = {
            "-vf", "scale=out_color_matrix=bt709:out_range=tv:flags=bicubic+accurate_rnd+bitexact,format=yuv420p",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", std::to_string(s.crf),
            "-threads", std::to_string(s.threads), "-x264-params", "threads=" + std::to_string(s.threads),
            "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
            "-color_range", "tv", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
            "-movflags", "+faststart", output};
        a.insert(a.end(), mp4.begin(), mp4.end());
    } else {
        // One palette for the whole clip, built from every frame in the same graph.
        const std::vector<std::string> gif = {
            "-filter_complex",
            "[0:v]split[a][b];[a]palettegen=max_colors=256:stats_mode=full[p];[b][p]paletteuse=dither=bayer:bayer_scale=4",
            "-loop", "0", "-fflags", "+bitexact", "-flags:v", "+bitexact", output};
        a.insert(a.end(), gif.begin(), gif.end());
    }
    return a;
}

}  // namespace ganarium
