// video_encoder.cpp — ffmpeg child + bounded frame queue + pipe writer thread.
#include "app/video_encoder.h"

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "app/record_process.h"
#include "core/errors.h"

namespace ganarium {

namespace {

// A fresh empty log file for ffmpeg's stderr; returns its path.
std::string makeLogFile() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/ganarium-ffmpeg-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return "/dev/null";
    ::close(fd);
    return name.data();
}

// Writes all of `data` to `fd`, retrying short writes; returns errno or 0.
int writeAll(int fd, const uint8_t* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
    return 0;
}

// ffmpeg 5 reports some output failures (a full disk while writing the
// trailer) only in its log and still exits 0: these lines mean failure.
bool logShowsOutputFailure(const std::string& log) {
    for (const char* pattern : {"No space left on device", "Error writing", "Error closing", "Input/output error",
                                "Conversion failed", "Disk quota exceeded"})
        if (log.find(pattern) != std::string::npos) return true;
    return false;
}

// Size of a file in bytes (0 when missing).
off_t fileSize(const std::string& path) {
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 ? st.st_size : 0;
}

}  // namespace

VideoEncoder::VideoEncoder(const std::string& ffmpeg, const EncodeSettings& settings, const std::string& output,
                           int queue_frames)
    : settings_(settings), output_(output) {
    assert(settings.width > 0 && settings.height > 0 && settings.width % 2 == 0 && settings.height % 2 == 0);
    frame_bytes_ = static_cast<size_t>(settings.width) * static_cast<size_t>(settings.height) * 4;
    log_path_ = makeLogFile();
    const PipedChild child = spawnWithInputPipe(ffmpegArguments(ffmpeg, settings, output), log_path_);
    pid_ = child.pid;
    fd_ = child.stdin_fd;
    const int n = queue_frames < 1 ? 1 : queue_frames;
    buffers_.resize(static_cast<size_t>(n) + 1);
    for (int i = 0; i <= n; ++i) free_.push_back(i);
    writer_ = std::thread([this] { writerLoop(); });
}

VideoEncoder::~VideoEncoder() {
    finish();
    if (log_path_ != "/dev/null") ::unlink(log_path_.c_str());
}

std::vector<uint8_t>& VideoEncoder::beginFrame() {
    std::unique_lock<std::mutex> lock(mutex_);
    assert(current_ < 0 && !finished_);
    changed_.wait(lock, [this] { return !free_.empty(); });
    current_ = free_.front();
    free_.pop_front();
    auto& buffer = buffers_[static_cast<size_t>(current_)];
    if (buffer.size() != frame_bytes_) buffer.assign(frame_bytes_, 0);
    return buffer;
}

bool VideoEncoder::submitFrame() {
    std::lock_guard<std::mutex> lock(mutex_);
    assert(current_ >= 0);
    if (failed_.load()) {
        free_.push_back(current_);
    } else {
        filled_.push_back(current_);
    }
    current_ = -1;
    changed_.notify_all();
    return !failed_.load();
}

bool VideoEncoder::pushFrame(const uint8_t* rgba) {
    if (failed_.load()) return false;
    std::vector<uint8_t>& buffer = beginFrame();
    std::memcpy(buffer.data(), rgba, frame_bytes_);
    return submitFrame();
}

void VideoEncoder::writerLoop() {
    // A write to a dead ffmpeg must give EPIPE, not kill the program: SIGPIPE
    // is thread-directed, so blocking it in this (the only writing) thread suffices.
    sigset_t pipe_signal;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
    for (;;) {
        int index = -1;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return !filled_.empty() || closing_; });
            if (filled_.empty()) return;  // closing and drained
            index = filled_.front();
            filled_.pop_front();
        }
        int err = 0;
        if (!failed_.load()) err = writeAll(fd_, buffers_[static_cast<size_t>(index)].data(), frame_bytes_);
        if (err == 0 && !failed_.load()) {
            written_.fetch_add(1);
            if (fileSize(log_path_) > 0 && logShowsOutputFailure(tailOfFile(log_path_, 6))) {
                failed_.store(true);  // e.g. the disk filled up: stop feeding frames
                setError("ffmpeg cannot write " + output_ + " after " + std::to_string(written_.load()) + " frames");
            }
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            free_.push_back(index);
            changed_.notify_all();
        }
        if (err != 0 && !failed_.load()) {
            failed_.store(true);
            setError(std::string("ffmpeg stopped accepting frames (") + std::strerror(err) + ") after " +
                     std::to_string(written_.load()) + " frames");
        }
    }
}

void VideoEncoder::setError(const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (error_.empty()) error_ = message;
}

bool VideoEncoder::finish() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (finished_) return finish_ok_;
        closing_ = true;
        changed_.notify_all();
    }
    if (writer_.joinable()) writer_.join();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    const int code = pid_ > 0 ? waitForChild(pid_) : -1;
    pid_ = -1;
    std::string log = tailOfFile(log_path_, 6);
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    failed_.store(true);  // no more frames after finish
    const bool ok = code == 0 && error_.empty() && !logShowsOutputFailure(log);
    if (!ok) {
        std::string message = error_.empty() ? "ffmpeg could not write " + output_ : error_;
        if (code >= 128) message += " (ffmpeg was killed by signal " + std::to_string(code - 128) + ")";
        else if (code != 0) message += " (ffmpeg exit code " + std::to_string(code) + ")";
        if (!log.empty()) {
            std::string indented = "  " + log;
            for (size_t at = indented.find('\n'); at != std::string::npos; at = indented.find('\n', at + 1))
                indented.insert(at + 1, "  ");
            message += "; ffmpeg said:\n" + indented;
        }
        if (log.find("No space left") != std::string::npos)
            message += "\nThe disk is full: free some space or record into another folder.";
        error_ = message;
    }
    finish_ok_ = ok;
    return ok;
}

std::string VideoEncoder::error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
}

}  // namespace ganarium
