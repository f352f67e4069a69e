// video_encoder.cpp — ffmpeg child + bounded frame queue + pipe writer thread
// with time-limited writes; stage 2 and the rename are in record_finalize.cpp.
#include "app/video_encoder.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/output_file.h"
#include "app/record_process.h"
#include "core/errors.h"

namespace ganarium {

namespace {

using Clock = std::chrono::steady_clock;

// After a stop request, how long a silent ffmpeg is waited for (taking frames, or finishing its file).
constexpr double kStopGraceSeconds = 5.0;
// How often a blocked write or wait looks at the clock and the stop flag.
constexpr int kPollMilliseconds = 50;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

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

// ffmpeg 5 reports some output failures (a full disk while writing the
// trailer) only in its log and still exits 0: these lines mean failure.
bool logShowsOutputFailure(const std::string& log) {
    for (const char* pattern : {"No space left on device", "Error writing", "Error closing", "Input/output error",
                                "Conversion failed", "Disk quota exceeded", "File too large"})
        if (log.find(pattern) != std::string::npos) return true;
    return false;
}

// Size of a file in bytes (0 when missing).
off_t fileSize(const std::string& path) {
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 ? st.st_size : 0;
}

std::string secondsText(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g s", s);
    return buf;
}

}  // namespace

VideoEncoder::VideoEncoder(const std::string& ffmpeg, const EncodeSettings& settings, const std::string& output,
                           int queue_frames, EncoderControls controls)
    : ffmpeg_(ffmpeg), settings_(settings), output_(output), controls_(controls) {
    assert(settings.width > 0 && settings.height > 0 && settings.width % 2 == 0 && settings.height % 2 == 0);
    frame_bytes_ = static_cast<size_t>(settings.width) * static_cast<size_t>(settings.height) * 4;
    intermediate_ = std::make_unique<TempOutputFile>(output, "part", intermediateSuffix(settings.format),
                                                     OutputLabel{"the video", "-o"});
    intermediate_->syncAndClose();  // ffmpeg opens it by name
    log_path_ = makeLogFile();
    const PipedChild child =
        spawnWithInputPipe(ffmpegArguments(ffmpeg, settings, intermediate_->path()), log_path_);
    pid_ = child.pid;
    fd_ = child.stdin_fd;
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);  // writes wait in poll(), never forever
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

int VideoEncoder::writeFrame(const uint8_t* data, size_t size) {
    auto progress = Clock::now();
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n > 0) {
            data += n;
            size -= static_cast<size_t>(n);
            progress = Clock::now();
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return errno;
        const bool stopping = controls_.stop && controls_.stop->load();
        const double limit = stopping ? std::min(controls_.stall_seconds, kStopGraceSeconds) : controls_.stall_seconds;
        if (secondsSince(progress) >= limit) {
            stalled_for_ = stopping ? secondsSince(progress) : limit;
            return ETIMEDOUT;
        }
        pollfd ready{fd_, POLLOUT, 0};
        ::poll(&ready, 1, kPollMilliseconds);  // POLLERR (ffmpeg gone) makes the next write fail with EPIPE
    }
    return 0;
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
        if (!failed_.load()) err = writeFrame(buffers_[static_cast<size_t>(index)].data(), frame_bytes_);
        if (err == 0 && !failed_.load()) {
            written_.fetch_add(1);
            if (fileSize(log_path_) > 0 && logShowsOutputFailure(tailOfFile(log_path_, 6))) {
                failed_.store(true);  // e.g. the disk filled up: stop feeding frames
                setError("ffmpeg cannot write " + output_ + " after " + std::to_string(written_.load()) + " frames");
            }
        }
        if (err != 0 && !failed_.load()) {
            failed_.store(true);
            const std::string frames = std::to_string(written_.load()) + " frames";
            if (err != ETIMEDOUT) {
                setError(std::string("ffmpeg stopped accepting frames (") + std::strerror(err) + ") after " + frames);
            } else {
                stalled_ = true;  // read by finish() after joining this thread
                const bool stopping = controls_.stop && controls_.stop->load();
                setError("ffmpeg took no frame data for " + secondsText(stalled_for_) +
                         (stopping ? " and a stop was requested" : "") + " (it seems stuck; stopped it after " +
                         frames + (stopping ? ")" : "; --ffmpeg-timeout SECONDS waits longer)"));
            }
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            free_.push_back(index);
            changed_.notify_all();
        }
    }
}

void VideoEncoder::setError(const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (error_.empty()) error_ = message;
}

int VideoEncoder::waitForFfmpeg() {
    if (pid_ <= 0) return -1;
    if (stalled_) ::kill(pid_, SIGKILL);
    auto progress = Clock::now();
    off_t size = fileSize(intermediate_->path());
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            pid_ = -1;
            if (WIFEXITED(status)) return WEXITSTATUS(status);
            return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
        }
        if (done < 0 && errno != EINTR) return -1;
        const off_t now_size = fileSize(intermediate_->path());
        if (now_size != size) {
            size = now_size;
            progress = Clock::now();
        }
        const bool stopping = controls_.stop && controls_.stop->load();
        const double limit = stopping ? std::min(controls_.stall_seconds, kStopGraceSeconds) : controls_.stall_seconds;
        if (secondsSince(progress) >= limit) {
            setError("ffmpeg wrote nothing for " + secondsText(limit) + " while finishing the video (stopped it)");
            ::kill(pid_, SIGKILL);
            const int code = waitForChild(pid_);
            pid_ = -1;
            return code;
        }
        ::usleep(kPollMilliseconds * 1000);
    }
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
    const int code = waitForFfmpeg();
    const std::string log = tailOfFile(log_path_, 6);
    std::string message = error();
    const bool stage1_ok = code == 0 && message.empty() && !logShowsOutputFailure(log);
    if (!stage1_ok) {
        if (message.empty()) message = "ffmpeg could not write " + output_;
        if (code >= 128) message += " (ffmpeg was killed by signal " + std::to_string(code - 128) + ")";
        else if (code != 0) message += " (ffmpeg exit code " + std::to_string(code) + ")";
        if (!log.empty()) {
            std::string indented = "  " + log;
            for (size_t at = indented.find('\n'); at != std::string::npos; at = indented.find('\n', at + 1))
                indented.insert(at + 1, "  ");
            message += "; ffmpeg said:\n" + indented;
        }
        if (log.find("No space left") != std::string::npos || log.find("File too large") != std::string::npos)
            message += "\nThe disk is full (or the file reached its size limit): free some space or record into "
                       "another folder.";
    }
    if (written_.load() > 0) {
        outcome_ = finalizeVideo(ffmpeg_, settings_, *intermediate_, output_, controls_.overwrite, stage1_ok);
    } else if (message.empty()) {
        message = "no frame was recorded";  // (stopped at once): an empty video would only mislead
    }
    intermediate_.reset();  // removes the temporary file unless it was moved or kept
    const bool ok = stage1_ok && outcome_.outcome == VideoOutcome::Complete;
    if (stage1_ok && !ok && message.empty()) message = "could not finish " + output_ + ": " + outcome_.problem;
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    failed_.store(true);  // no more frames after finish
    error_ = message;
    finish_ok_ = ok;
    return ok;
}

std::string VideoEncoder::error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
}

}  // namespace ganarium
