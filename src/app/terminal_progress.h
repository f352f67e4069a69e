// terminal_progress.h — progress reporting for long headless jobs (`ganarium
// train`, `ganarium record`): a redrawn one-line bar with rate and ETA on a
// terminal, plain periodic lines (every ~10%) when the output is a pipe or a
// file. Knows nothing about training or video: the caller says what "done"
// means and may append its own text (e.g. the current loss).
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace ganarium {

// How a TerminalProgress writes; the defaults suit most callers.
struct ProgressOptions {
    std::string unit = "steps";     // rate label: "<rate> <unit>/s"
    int bar_width = 28;             // characters of the bar itself (terminal mode)
    double redraw_seconds = 0.1;    // minimum time between terminal redraws
    int plain_percent_step = 10;    // non-terminal mode: one line per this many percent
    int force_terminal = -1;        // -1 = detect; 0 = plain lines; 1 = terminal redraws
};

// A progress reporter for `total` units of work written to one stream.
class TerminalProgress {
public:
    // Starts the clock. `out` must be stdout or stderr for terminal detection to apply (else plain mode).
    TerminalProgress(std::ostream& out, std::string label, int64_t total, ProgressOptions options = {});
    // Reports that `done` units are complete; `extra` is appended to the line. Cheap to call often.
    void update(int64_t done, const std::string& extra = {});
    // Writes the final line (with the total elapsed time) and ends the bar's line. Idempotent.
    void finish(const std::string& extra = {});
    // True when redrawing in place (a terminal), false when writing plain lines.
    bool isTerminal() const { return terminal_; }
    // Seconds since construction.
    double elapsedSeconds() const;
    // Units per second so far (0 before any progress).
    double rate() const;

private:
    void drawTerminal(const std::string& extra, bool final_line);
    void writePlainLine(const std::string& extra, bool final_line);

    std::ostream& out_;
    std::string label_;
    int64_t total_;
    ProgressOptions options_;
    bool terminal_;
    bool finished_ = false;
    int64_t done_ = 0;
    int last_plain_bucket_ = 0;
    std::size_t last_width_ = 0;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

// "1h02m", "3m05s", "12.3s" — a compact duration for progress lines and reports.
std::string formatDuration(double seconds);

// True when `out` is std::cout or std::cerr and that stream is attached to a terminal.
bool streamIsTerminal(const std::ostream& out);

}  // namespace ganarium
