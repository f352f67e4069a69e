// in_app_recorder.cpp — timestamped clips from the window's framebuffer.
#include "app/in_app_recorder.h"

#include <glad/gl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "app/offscreen_frame.h"
#include "app/output_file.h"
#include "app/record_ffmpeg.h"
#include "app/video_encoder.h"
#include "core/errors.h"

namespace ganarium {

namespace {

// A name in `folder` that does not exist yet: NAME.mp4, else NAME-2.mp4, ...
std::string freshPath(const std::string& folder, const std::string& name) {
    const std::string stem = name.substr(0, name.size() - 4);
    std::string path = folder + "/" + name;
    for (int i = 2; ::access(path.c_str(), F_OK) == 0 && i < 1000; ++i)
        path = folder + "/" + stem + "-" + std::to_string(i) + ".mp4";
    return path;
}

}  // namespace

std::string timestampedVideoName(std::time_t when) {
    std::tm local{};
    localtime_r(&when, &local);
    char buf[64];
    std::strftime(buf, sizeof buf, "ganarium-%Y%m%d-%H%M%S.mp4", &local);
    return buf;
}

InAppRecorder::InAppRecorder() = default;

InAppRecorder::~InAppRecorder() {
    if (recording_) stop();
}

std::string InAppRecorder::start(const std::string& folder_in, int width, int height, double fps) {
    if (recording_) stop();
    error_.clear();
    const std::string folder = folder_in.empty() ? "." : folder_in;
    prepareOutputFolder(folder, "videos");
    width_ = std::max(2, width - width % 2);
    height_ = std::max(2, height - height % 2);
    fps_ = fps > 0 ? fps : 30;
    const std::string ffmpeg = requireFfmpeg(VideoFormat::Mp4);
    path_ = freshPath(folder, timestampedVideoName(std::time(nullptr)));
    requireWritableOutput(path_);
    EncodeSettings settings;
    settings.width = width_;
    settings.height = height_;
    settings.fps = fps_;
    settings.format = VideoFormat::Mp4;
    encoder_ = std::make_unique<VideoEncoder>(ffmpeg, settings, path_, 4);
    readback_ = std::make_unique<FrameReadback>(width_, height_);
    pending_copies_.clear();
    frames_ = 0;
    recording_ = true;
    return path_;
}

bool InAppRecorder::queueCurrent(const std::vector<uint8_t>& buffer, int copies) {
    // `buffer` is the encoder's current one: keep a copy for the repeats before handing it over.
    if (copies > 1) repeat_ = buffer;
    bool ok = encoder_->submitFrame();
    for (int i = 1; ok && i < copies; ++i) ok = encoder_->pushFrame(repeat_.data());
    return ok;
}

bool InAppRecorder::takeOldestRead() {
    const int copies = pending_copies_.empty() ? 1 : pending_copies_.front();
    if (!pending_copies_.empty()) pending_copies_.pop_front();
    std::vector<uint8_t>& buffer = encoder_->beginFrame();
    readback_->takeOldest(buffer.data());
    return queueCurrent(buffer, copies);
}

bool InAppRecorder::deliverOldest() {
    if (takeOldestRead()) return true;
    error_ = encoder_->error();
    stop();
    return false;
}

void InAppRecorder::readPending() {
    while (readback_ && readback_->pending() > 0 && recording_)
        if (!deliverOldest()) return;
}

void InAppRecorder::captureFramebuffer(int framebuffer_width, int framebuffer_height, int x, int y, int copies) {
    if (!recording_ || copies <= 0) return;
    x = std::max(0, x);
    y = std::max(0, y);
    if (x + width_ <= framebuffer_width && y + height_ <= framebuffer_height) {
        // Usual case: the whole clip rectangle exists; read it through the PBO pair (no GPU stall).
        if (readback_->pending() == 2 && !deliverOldest()) return;
        readback_->startRead(x, framebuffer_height - y - height_);
        pending_copies_.push_back(copies);
        frames_ += copies;
        return;
    }
    // The window shrank below the clip: keep the order, read what exists, pad with black.
    readPending();
    if (!recording_) return;
    const int w = std::min(width_, framebuffer_width - x), h = std::min(height_, framebuffer_height - y);
    std::vector<uint8_t> part(static_cast<size_t>(std::max(w, 0)) * std::max(h, 0) * 4);
    if (w > 0 && h > 0) readPixelsTopDown(x, framebuffer_height - y - h, w, h, part.data());
    std::vector<uint8_t>& buffer = encoder_->beginFrame();
    std::fill(buffer.begin(), buffer.end(), 0);
    for (int row = 0; row < h; ++row)
        std::memcpy(buffer.data() + static_cast<size_t>(row) * width_ * 4, part.data() + static_cast<size_t>(row) * w * 4,
                    static_cast<size_t>(w) * 4);
    for (size_t i = 3; i < buffer.size(); i += 4) buffer[i] = 255;
    frames_ += copies;
    if (!queueCurrent(buffer, copies)) {
        error_ = encoder_->error();
        stop();
    }
}

void InAppRecorder::pushFrame(const uint8_t* rgba) {
    if (!recording_) return;
    readPending();
    if (!recording_) return;
    ++frames_;
    if (!encoder_->pushFrame(rgba)) {
        error_ = encoder_->error();
        stop();
    }
}

std::string InAppRecorder::stop() {
    if (!encoder_) return "";
    const bool was_recording = recording_;
    recording_ = false;
    if (was_recording && readback_) {
        // Deliver the frame still in flight (needs the GL context current, as every call here).
        while (readback_->pending() > 0)
            if (!takeOldestRead()) break;
    }
    pending_copies_.clear();
    if (!encoder_->finish() && error_.empty()) error_ = encoder_->error();
    encoder_.reset();
    readback_.reset();
    return path_;
}

double InAppRecorder::elapsedSeconds() const { return static_cast<double>(frames_) / fps_; }

}  // namespace ganarium
