// video_encoder_test.cpp — the ffmpeg side of recording without OpenGL:
// synthetic frames through VideoEncoder (H.264 and GIF), bit-exact output
// for identical input, a dying or stuck ffmpeg, and the before-any-work checks.
#include <doctest/doctest.h>

#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "app/record_ffmpeg.h"
#include "app/video_encoder.h"
#include "core/errors.h"
#include "record/record_test_support.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

// Frame `i` of a little animation: a dark background with a square moving right.
std::vector<uint8_t> syntheticFrame(int w, int h, int i) {
    std::vector<uint8_t> rgba(static_cast<size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &rgba[(static_cast<size_t>(y) * w + x) * 4];
            const bool square = x >= 4 * i && x < 4 * i + 20 && y >= h / 2 - 10 && y < h / 2 + 10;
            p[0] = square ? 240 : static_cast<uint8_t>(20 + x / 4);
            p[1] = square ? 180 : 24;
            p[2] = square ? 40 : static_cast<uint8_t>(30 + y / 3);
            p[3] = 255;
        }
    return rgba;
}

// Encodes `frames` synthetic frames to `path`; returns finish()'s verdict.
bool encodeSynthetic(const std::string& path, VideoFormat format, int frames, int w = 160, int h = 90) {
    EncodeSettings settings;
    settings.width = w;
    settings.height = h;
    settings.fps = 30;
    settings.format = format;
    VideoEncoder encoder(requireFfmpeg(format), settings, path);
    for (int i = 0; i < frames; ++i) {
        const auto frame = syntheticFrame(w, h, i);
        if (!encoder.pushFrame(frame.data())) return false;
    }
    const bool ok = encoder.finish();
    CHECK(encoder.framesWritten() == frames);
    return ok;
}

// Child pids of this process (read from /proc), to find the ffmpeg an encoder started.
std::vector<pid_t> childProcesses() {
    std::vector<pid_t> pids;
    DIR* tasks = ::opendir("/proc/self/task");
    if (!tasks) return pids;
    while (dirent* entry = ::readdir(tasks)) {
        if (entry->d_name[0] == '.') continue;
        std::ifstream in(std::string("/proc/self/task/") + entry->d_name + "/children");
        pid_t pid = 0;
        while (in >> pid) pids.push_back(pid);
    }
    ::closedir(tasks);
    return pids;
}

// Scoped replacement of $PATH.
class PathOverride {
public:
    explicit PathOverride(const std::string& path) {
        const char* old = std::getenv("PATH");
        had_ = old != nullptr;
        if (old) old_ = old;
        ::setenv("PATH", path.c_str(), 1);
    }
    ~PathOverride() {
        if (had_) ::setenv("PATH", old_.c_str(), 1);
        else ::unsetenv("PATH");
    }

private:
    bool had_ = false;
    std::string old_;
};

}  // namespace

TEST_CASE("the output format follows the file extension") {
    CHECK(videoFormatForPath("lecture.mp4") == VideoFormat::Mp4);
    CHECK(videoFormatForPath("dir.v2/Lecture.MOV") == VideoFormat::Mp4);
    CHECK(videoFormatForPath("slides/ring.GIF") == VideoFormat::Gif);
    CHECK_THROWS_AS(videoFormatForPath("lecture.avi"), UserError);
    CHECK_THROWS_AS(videoFormatForPath("dir.v2/lecture"), UserError);
}

TEST_CASE("a missing ffmpeg is reported with the package to install") {
    TempDir empty;
    PathOverride path(empty.path());
    try {
        requireFfmpeg(VideoFormat::Mp4);
        FAIL("requireFfmpeg did not throw without ffmpeg on PATH");
    } catch (const UserError& e) {
        const std::string message = e.what();
        CHECK(message.find("apt-get install ffmpeg") != std::string::npos);
    }
}

TEST_CASE("unwritable output paths are refused before any work") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(requireWritableOutput(dir.file("missing/sub/out.mp4")),
                         doctest::Contains("does not exist"), UserError);
    CHECK_THROWS_WITH_AS(requireWritableOutput(dir.path()), doctest::Contains("folder"), UserError);
    const std::string ok = dir.file("fine.mp4");
    CHECK_NOTHROW(requireWritableOutput(ok));
    CHECK_FALSE(fileExists(ok));  // the probe leaves nothing behind
}

TEST_CASE("the finished mp4 has its index at the front and leaves no temporary file") {
    TempDir dir;
    const std::string out = dir.file("fast.mp4");
    REQUIRE(encodeSynthetic(out, VideoFormat::Mp4, 12));
    const std::string bytes = readFile(out);
    const auto moov = bytes.find("moov"), mdat = bytes.find("mdat");
    REQUIRE(moov != std::string::npos);
    REQUIRE(mdat != std::string::npos);
    CHECK(moov < mdat);                                  // +faststart
    CHECK(bytes.find("moof") == std::string::npos);      // remuxed from the fragmented stage-1 file
    CHECK(folderEntries(dir.path()) == std::vector<std::string>{"fast.mp4"});
}

TEST_CASE("synthetic frames become an H.264 mp4 with the right size and frame count") {
    TempDir dir;
    const std::string out = dir.file("synthetic.mp4");
    REQUIRE(encodeSynthetic(out, VideoFormat::Mp4, 30));
    CHECK(probeVideo(out) == "h264,160,90,30");
}

TEST_CASE("identical frames give a bit-identical mp4") {
    TempDir dir;
    REQUIRE(encodeSynthetic(dir.file("a.mp4"), VideoFormat::Mp4, 24));
    REQUIRE(encodeSynthetic(dir.file("b.mp4"), VideoFormat::Mp4, 24));
    const std::string a = readFile(dir.file("a.mp4")), b = readFile(dir.file("b.mp4"));
    CHECK(a.size() > 1000);
    CHECK(a == b);
}

TEST_CASE("a GIF gets one palette for the whole clip") {
    TempDir dir;
    const std::string out = dir.file("synthetic.gif");
    REQUIRE(encodeSynthetic(out, VideoFormat::Gif, 12));
    CHECK(probeVideo(out) == "gif,160,90,12");
    const std::string bytes = readFile(out);
    CHECK(bytes.compare(0, 6, "GIF89a") == 0);
}

TEST_CASE("ffmpeg dying mid-way is a clear error, not a crash (EPIPE, no SIGPIPE)") {
    TempDir dir;
    EncodeSettings settings;
    settings.width = 160;
    settings.height = 90;
    const auto before = childProcesses();
    VideoEncoder encoder(requireFfmpeg(VideoFormat::Mp4), settings, dir.file("dies.mp4"));
    pid_t ffmpeg = -1;
    for (pid_t pid : childProcesses())
        if (std::find(before.begin(), before.end(), pid) == before.end()) ffmpeg = pid;
    REQUIRE(ffmpeg > 0);
    const auto frame = syntheticFrame(160, 90, 0);
    for (int i = 0; i < 5; ++i) REQUIRE(encoder.pushFrame(frame.data()));
    ::kill(ffmpeg, SIGKILL);
    bool accepted = true;
    for (int i = 0; i < 200 && accepted; ++i) accepted = encoder.pushFrame(frame.data());
    CHECK_FALSE(accepted);
    CHECK_FALSE(encoder.finish());
    CHECK(encoder.error().find("ffmpeg") != std::string::npos);
    CHECK(encoder.error().find("signal 9") != std::string::npos);
    // 5 frames are less than one fragment (a second): nothing playable, and nothing left behind.
    CHECK(encoder.outcome().outcome == VideoOutcome::Lost);
    CHECK(folderEntries(dir.path()).empty());
}

TEST_CASE("ffmpeg killed after a few seconds of video: the output keeps every complete second and plays") {
    TempDir dir;
    EncodeSettings settings;
    settings.width = 160;
    settings.height = 90;
    settings.fps = 10;  // a keyframe, hence a fragment, every 10 frames
    const auto before = childProcesses();
    const std::string out = dir.file("cut.mp4");
    VideoEncoder encoder(requireFfmpeg(VideoFormat::Mp4), settings, out);
    pid_t ffmpeg = -1;
    for (pid_t pid : childProcesses())
        if (std::find(before.begin(), before.end(), pid) == before.end()) ffmpeg = pid;
    REQUIRE(ffmpeg > 0);
    for (int i = 0; i < 45; ++i) REQUIRE(encoder.pushFrame(syntheticFrame(160, 90, i % 30).data()));
    // Let ffmpeg write the fragments of the frames it has; x264 keeps a few frames in its lookahead.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ::kill(ffmpeg, SIGKILL);
    CHECK_FALSE(encoder.finish());
    CHECK(encoder.outcome().outcome == VideoOutcome::Partial);
    CHECK(encoder.outcome().path == out);
    const int frames = decodedFrames(out);
    CHECK(frames >= 10);
    CHECK(frames < 45);
    CHECK(frames % 10 == 0);  // whole fragments only
    CHECK(folderEntries(dir.path()) == std::vector<std::string>{"cut.mp4"});  // no temporary file left
}

TEST_CASE("when the GIF cannot be made, the frames are kept losslessly and the message says how to finish") {
    TempDir dir;
    const std::string real = requireFfmpeg(VideoFormat::Gif);
    writeScript(dir.file("no-gif-ffmpeg"),
                "case \"$*\" in *'-f gif'*) echo 'gif muxer broken' >&2; exit 1;; esac\nexec " + real + " \"$@\"\n");
    EncodeSettings settings;
    settings.width = 160;
    settings.height = 90;
    settings.format = VideoFormat::Gif;
    const std::string out = dir.file("slide.gif");
    VideoEncoder encoder(dir.file("no-gif-ffmpeg"), settings, out);
    for (int i = 0; i < 12; ++i) REQUIRE(encoder.pushFrame(syntheticFrame(160, 90, i).data()));
    CHECK_FALSE(encoder.finish());
    CHECK(encoder.error().find("gif muxer broken") != std::string::npos);
    CHECK(encoder.outcome().outcome == VideoOutcome::Intermediate);
    CHECK(encoder.outcome().path == out + ".partial.mkv");
    CHECK(decodedFrames(out + ".partial.mkv") == 12);  // every frame, losslessly
    CHECK_FALSE(fileExists(out));
    CHECK(describeOutcome(encoder.outcome(), out).find("ffmpeg -i " + out + ".partial.mkv") != std::string::npos);
    CHECK(folderEntries(dir.path()) == std::vector<std::string>{"no-gif-ffmpeg", "slide.gif.partial.mkv"});
}

TEST_CASE("an ffmpeg that never reads is given up on after the stall timeout, not waited for forever") {
    TempDir dir;
    writeScript(dir.file("stuck-ffmpeg"), "exec sleep 1000\n");
    EncodeSettings settings;
    settings.width = 160;
    settings.height = 90;
    EncoderControls controls;
    controls.stall_seconds = 1.0;
    const auto start = std::chrono::steady_clock::now();
    VideoEncoder encoder(dir.file("stuck-ffmpeg"), settings, dir.file("never.mp4"), 3, controls);
    const auto frame = syntheticFrame(160, 90, 0);
    bool accepted = true;
    for (int i = 0; i < 1000 && accepted; ++i) accepted = encoder.pushFrame(frame.data());
    CHECK_FALSE(accepted);
    CHECK_FALSE(encoder.finish());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 10);
    CHECK(encoder.error().find("took no frame data for 1 s") != std::string::npos);
    CHECK(encoder.outcome().outcome == VideoOutcome::Lost);
    CHECK(folderEntries(dir.path()) == std::vector<std::string>{"stuck-ffmpeg"});
}

TEST_CASE("a stop request ends the wait for a stuck ffmpeg within seconds, whatever the stall timeout") {
    TempDir dir;
    writeScript(dir.file("stuck-ffmpeg"), "exec sleep 1000\n");
    EncodeSettings settings;
    settings.width = 160;
    settings.height = 90;
    std::atomic<bool> stop{false};
    EncoderControls controls;
    controls.stall_seconds = 1000;
    controls.stop = &stop;
    VideoEncoder encoder(dir.file("stuck-ffmpeg"), settings, dir.file("never.mp4"), 3, controls);
    std::thread stopper([&stop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        stop.store(true);
    });
    const auto start = std::chrono::steady_clock::now();
    const auto frame = syntheticFrame(160, 90, 0);
    bool accepted = true;
    for (int i = 0; i < 1000 && accepted; ++i) accepted = encoder.pushFrame(frame.data());
    CHECK_FALSE(encoder.finish());
    stopper.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK_FALSE(accepted);
    CHECK(seconds < 12);  // 0.5 s until the request + the 5 s grace, never the 1000 s
    CHECK(encoder.error().find("and a stop was requested") != std::string::npos);
}
