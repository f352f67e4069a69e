// in_app_recorder.h — the backend of the window's record button. It knows
// nothing about ImGui or the trainer: the window
//   1. calls start(folder, fb_width, fb_height) -> "FOLDER/ganarium-YYYYmmdd-HHMMSS.mp4"
//      (the size is rounded down to even numbers and fixed for the whole clip);
//   2. while recording(), drives the trainer in lockstep itself (advance(K) +
//      snapshot() once per frame, no background thread) so no frame is lost;
//   3. after rendering each frame and BEFORE swapping buffers calls
//      captureFramebuffer(fb_width, fb_height) (a real-time clip passes how
//      many video frames this one becomes, see realtime_pacer.h; reads the top-left part of
//      the bound read framebuffer, normally the back buffer; pass x, y to
//      record another part, e.g. the scene area right of the controls);
//   4. shows the REC indicator from elapsedSeconds() (video time) / frames();
//   5. calls stop() (button, shortcut, closing the window) — with the GL
//      context still current: the last frame is still in a pixel buffer.
// Every call needs the GL context current on the calling thread.
// Frames travel to ffmpeg through a pipe on a writer thread; if ffmpeg dies
// (disk full) recording stops by itself and lastError() says why.
#pragma once

#include <cstdint>
#include <ctime>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace ganarium {

class FrameReadback;
class VideoEncoder;

class InAppRecorder {
public:
    InAppRecorder();
    ~InAppRecorder();  // stops (and finalises the file) if still recording
    InAppRecorder(const InAppRecorder&) = delete;
    InAppRecorder& operator=(const InAppRecorder&) = delete;

    // Starts a clip in `folder` (created if missing) at fb size rounded down to even.
    // Returns the file path. Throws UserError (ffmpeg missing, folder not writable).
    std::string start(const std::string& folder, int width, int height, double fps = 30);
    // Reads the clip-sized rectangle whose top-left corner is (x, y) (window pixels, y down) from the
    // bound read framebuffer and queues it `copies` times (real-time clips repeat a frame when the window
    // fell behind the clip's fps; 0 queues nothing). After a resize the clip keeps its size (cropped or
    // black-padded).
    void captureFramebuffer(int framebuffer_width, int framebuffer_height, int x = 0, int y = 0, int copies = 1);
    // Queues one top-down RGBA frame of exactly width() x height() pixels.
    void pushFrame(const uint8_t* rgba);
    // Ends the clip; returns the file path ("" when not recording). The file is playable afterwards.
    std::string stop();

    // True between start() and stop() (false again by itself after a write failure).
    bool recording() const { return recording_; }
    // Video time recorded so far: frames / fps (for the REC indicator).
    double elapsedSeconds() const;
    // Frames queued so far in this clip.
    int64_t frames() const { return frames_; }
    int width() const { return width_; }
    int height() const { return height_; }
    // Path of the current (or last) clip.
    const std::string& path() const { return path_; }
    // What went wrong in the last clip ("" when nothing did).
    const std::string& lastError() const { return error_; }

private:
    void readPending();
    bool queueCurrent(const std::vector<uint8_t>& buffer, int copies);  // the encoder's current buffer, `copies` times
    bool takeOldestRead();           // the oldest pending read into the encoder (false: ffmpeg failed)
    bool deliverOldest();            // takeOldestRead(), stopping the clip on failure

    std::unique_ptr<VideoEncoder> encoder_;
    std::unique_ptr<FrameReadback> readback_;
    std::deque<int> pending_copies_;  // how many video frames each pending read becomes
    std::vector<uint8_t> repeat_;     // a frame queued more than once
    bool recording_ = false;
    int64_t frames_ = 0;
    double fps_ = 30;
    int width_ = 0, height_ = 0;
    std::string path_, error_;
};

// "ganarium-20261122-231500.mp4" for local time `when`.
std::string timestampedVideoName(std::time_t when);

}  // namespace ganarium
