// video_encoder.h — a running ffmpeg process fed with raw RGBA frames through
// a pipe. A writer thread moves queued frames into the pipe, so rendering the
// next frame overlaps with ffmpeg reading this one; ffmpeg encodes on the
// other core. ffmpeg writes only into a temporary file that this class
// created exclusively next to the output (see record_ffmpeg.h for the two
// stages and record_finalize.h for what happens to it at the end). Writes to
// the pipe never block for long: an ffmpeg that takes no data for
// `stall_seconds` (or for a few seconds after a stop request) is given up on.
// Write failures (ffmpeg died, disk full: EPIPE) never raise SIGPIPE (the
// writer thread blocks it for itself) and surface as pushFrame() == false
// plus a message in error(). finish() ends ffmpeg's input and makes the final
// file, or keeps what is playable after a fault (outcome()).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/record_ffmpeg.h"
#include "app/record_finalize.h"

namespace ganarium {

class TempOutputFile;

// How an encoder treats its output and a stuck ffmpeg.
struct EncoderControls {
    bool overwrite = false;                   // --force: an existing output file may be replaced
    double stall_seconds = 30;                // give up when ffmpeg takes no frame data for this long
    const std::atomic<bool>* stop = nullptr;  // once true, wait for a stuck ffmpeg only a few seconds
};

class VideoEncoder {
public:
    // Starts `ffmpeg` for `output`. `queue_frames` frames may wait for the pipe. Throws UserError.
    VideoEncoder(const std::string& ffmpeg, const EncodeSettings& settings, const std::string& output,
                 int queue_frames = 3, EncoderControls controls = {});
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

    // Ends ffmpeg's input, waits for it, makes the final file and moves it into place. True when the
    // whole video is at outputPath(); otherwise outcome() says what was kept. Idempotent.
    bool finish();
    // True while frames are still accepted (ffmpeg alive, no write error, not finished).
    bool healthy() const { return !failed_.load(); }
    // Frames written completely into the pipe so far.
    int64_t framesWritten() const { return written_.load(); }
    // What went wrong ("" when nothing did), with ffmpeg's own last log lines.
    std::string error() const;
    // After finish(): where the frames ended up.
    const FinalizeResult& outcome() const { return outcome_; }
    const std::string& outputPath() const { return output_; }
    const EncodeSettings& settings() const { return settings_; }

private:
    void writerLoop();
    int writeFrame(const uint8_t* data, size_t size);
    void setError(const std::string& message);
    int waitForFfmpeg();

    std::string ffmpeg_;
    EncodeSettings settings_;
    std::string output_;
    EncoderControls controls_;
    std::unique_ptr<TempOutputFile> intermediate_;
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
    bool stalled_ = false;      // ffmpeg stopped reading: it is killed, not waited for
    double stalled_for_ = 0;    // seconds without progress when the writer gave up
    std::string error_;
    FinalizeResult outcome_;
    std::atomic<bool> failed_{false};
    std::atomic<int64_t> written_{0};
    std::thread writer_;
};

}  // namespace ganarium
