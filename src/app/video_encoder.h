// video_encoder.h — a running ffmpeg process fed with raw RGBA frames through
// a pipe. A writer thread moves queued frames into the pipe, so rendering the
// next frame overlaps with ffmpeg reading this one; ffmpeg encodes on the
// other core. Write failures (ffmpeg died, disk full: EPIPE) never raise
// SIGPIPE (the writer thread blocks it for itself) and surface as
// pushFrame() == false plus a message in error(). finish() closes the pipe so
// ffmpeg finalises a playable file from every frame it received.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/record_ffmpeg.h"

namespace ganarium {

class VideoEncoder {
public:
    // Starts `ffmpeg` writing `output`. `queue_frames` frames may wait for the pipe. Throws UserError.
    VideoEncoder(const std::string& ffmpeg, const EncodeSettings& settings, const std::string& output,
                 int queue_frames = 3);
    // Finishes the file if finish() was not called.
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // A free frame buffer (width*height*4 bytes, top-down RGBA) to fill; blocks while the queue is full.
    std::vector<uint8_t>& beginFrame();
    // Queues the buffer from beginFrame(). False once ffmpeg has stopped accepting frames.
    bool submitFrame();
    // Copies one top-down RGBA frame into the queue. False once ffmpeg has stopped accepting frames.
    bool pushFrame(const uint8_t* rgba);

    // Ends ffmpeg's input and waits until it has written the file. True on success. Idempotent.
    bool finish();
    // True while frames are still accepted (ffmpeg alive, no write error, not finished).
    bool healthy() const { return !failed_.load(); }
    // Frames written completely into the pipe so far.
    int64_t framesWritten() const { return written_.load(); }
    // What went wrong ("" when nothing did), with ffmpeg's own last log lines.
    std::string error() const;
    const std::string& outputPath() const { return output_; }
    const EncodeSettings& settings() const { return settings_; }

private:
    void writerLoop();
    void setError(const std::string& message);

    EncodeSettings settings_;
    std::string output_;
    std::string log_path_;
    size_t frame_bytes_ = 0;
    pid_t pid_ = -1;
    int fd_ = -1;

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::vector<uint8_t>> buffers_;
    std::deque<int> free_, filled_;
    int current_ = -1;          // buffer handed out by beginFrame()
    bool closing_ = false;
    bool finished_ = false;
    bool finish_ok_ = false;
    std::string error_;
    std::atomic<bool> failed_{false};
    std::atomic<int64_t> written_{0};
    std::thread writer_;
};

}  // namespace ganarium
