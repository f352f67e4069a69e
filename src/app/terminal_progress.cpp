// terminal_progress.cpp — the progress bar / plain progress lines.
#include "app/terminal_progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace ganarium {

namespace {
using Clock = std::chrono::steady_clock;

double secondsBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// "215 steps/s", "3.4 frames/s": fewer decimals for bigger rates.
std::string formatRate(double rate, const std::string& unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, rate >= 100 ? "%.0f %s/s" : "%.1f %s/s", rate, unit.c_str());
    return buf;
}
}  // namespace

std::string formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "?";
    char buf[32];
    if (seconds < 60) {
        std::snprintf(buf, sizeof buf, "%.1fs", seconds);
    } else if (seconds < 3600) {
        const long s = std::lround(seconds);
        std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
    } else {
        const long m = std::lround(seconds / 60);
        std::snprintf(buf, sizeof buf, "%ldh%02ldm", m / 60, m % 60);
    }
    return buf;
}

bool streamIsTerminal(const std::ostream& out) {
    if (&out == &std::cout) return ::isatty(STDOUT_FILENO) == 1;
    if (&out == &std::cerr) return ::isatty(STDERR_FILENO) == 1;
    return false;
}

TerminalProgress::TerminalProgress(std::ostream& out, std::string label, int64_t total, ProgressOptions options)
    : out_(out),
      label_(std::move(label)),
      total_(total),
      options_(std::move(options)),
      terminal_(options_.force_terminal < 0 ? streamIsTerminal(out) : options_.force_terminal == 1),
      start_(Clock::now()),
      last_draw_(Clock::time_point{}) {}

double TerminalProgress::elapsedSeconds() const { return secondsBetween(start_, Clock::now()); }

double TerminalProgress::rate() const {
    const double t = elapsedSeconds();
    return (t > 0 && done_ > 0) ? static_cast<double>(done_) / t : 0.0;
}

void TerminalProgress::update(int64_t done, const std::string& extra) {
    if (finished_) return;
    done_ = std::max<int64_t>(0, done);
    if (terminal_) {
        const auto now = Clock::now();
        if (secondsBetween(last_draw_, now) < options_.redraw_seconds && done_ < total_) return;
        last_draw_ = now;
        drawTerminal(extra, false);
        return;
    }
    if (total_ <= 0) return;
    const int step = std::max(1, options_.plain_percent_step);
    const int bucket = static_cast<int>((100 * std::min(done_, total_) / total_) / step);
    if (bucket > last_plain_bucket_ && done_ < total_) {
        last_plain_bucket_ = bucket;
        writePlainLine(extra, false);
    }
}

void TerminalProgress::finish(const std::string& extra) {
    if (finished_) return;
    finished_ = true;
    if (terminal_) {
        drawTerminal(extra, true);
        out_ << '\n';
    } else {
        writePlainLine(extra, true);
    }
    out_.flush();
}

void TerminalProgress::drawTerminal(const std::string& extra, bool final_line) {
    std::ostringstream line;
    line << label_ << ' ';
    if (total_ > 0) {
        const double frac = std::clamp(static_cast<double>(done_) / static_cast<double>(total_), 0.0, 1.0);
        const int width = std::max(4, options_.bar_width);
        const int filled = static_cast<int>(std::lround(frac * width));
        line << '[' << std::string(filled, '#') << std::string(width - filled, '-') << "] ";
        line << done_ << '/' << total_ << ' ' << options_.unit;
    } else {
        line << done_ << ' ' << options_.unit;
    }
    const double r = rate();
    if (r > 0) line << "  " << formatRate(r, options_.unit);
    if (final_line) {
        line << "  in " << formatDuration(elapsedSeconds());
    } else if (total_ > 0 && r > 0 && done_ < total_) {
        line << "  ETA " << formatDuration(static_cast<double>(total_ - done_) / r);
    }
    if (!extra.empty()) line << "  " << extra;
    std::string text = line.str();
    const std::size_t width = text.size();
    if (width < last_width_) text.append(last_width_ - width, ' ');  // erase the previous, longer line
    last_width_ = width;
    out_ << '\r' << text << std::flush;
}

void TerminalProgress::writePlainLine(const std::string& extra, bool final_line) {
    std::ostringstream line;
    line << label_ << ": ";
    const double r = rate();
    if (final_line) {
        line << "done " << done_;
        if (total_ > 0) line << '/' << total_;
        line << ' ' << options_.unit << " in " << formatDuration(elapsedSeconds());
        if (r > 0) line << " (" << formatRate(r, options_.unit) << ')';
    } else {
        line << (100 * done_ / std::max<int64_t>(1, total_)) << "% (" << done_ << '/' << total_ << ' '
             << options_.unit;
        if (r > 0) {
            line << ", " << formatRate(r, options_.unit) << ", ETA "
                 << formatDuration(static_cast<double>(total_ - done_) / r);
        }
        line << ')';
    }
    if (!extra.empty()) line << "  " << extra;
    out_ << line.str() << '\n' << std::flush;
}

}  // namespace ganarium
