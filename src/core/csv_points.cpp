// csv_points.cpp — the `x,y` CSV reader for the `points` data family: lines
// are string_views into a reused chunk buffer, numbers go through
// std::from_chars, and every limit is checked as the file streams in.
#include "core/csv_points.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/errors.h"
#include "core/quoted_string.h"
#include "core/regular_file.h"

namespace ganarium {
namespace {

constexpr size_t kChunkBytes = size_t{1} << 20;  // also the longest line accepted
constexpr size_t kShownLineChars = 60;

std::string_view trim(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

// A whole field as a finite number (an optional leading '+' allowed).
bool parseNumber(std::string_view field, double& out) {
    field = trim(field);
    if (field.size() > 1 && field[0] == '+' && field[1] != '-') field.remove_prefix(1);
    if (field.empty()) return false;
    const char* end = field.data() + field.size();
    const auto result = std::from_chars(field.data(), end, out);
    return result.ec == std::errc() && result.ptr == end && std::isfinite(out);
}

// The line as it may be printed in a message.
std::string printable(std::string_view line) { return printableExcerpt(line, kShownLineChars); }

// Turns lines into points and enforces the limits; one per file.
class PointsCsvParser {
public:
    PointsCsvParser(const std::string& name, const CsvLimits& limits) : name_(name), limits_(limits) {}

    // Takes one line (without its '\n').
    void line(std::string_view raw) {
        ++line_no_;
        std::string_view text = raw.substr(0, raw.find('#'));
        text = trim(text);
        if (text.empty()) return;
        const size_t comma = text.find(',');
        double x = 0, y = 0;
        const bool ok = comma != std::string_view::npos && text.find(',', comma + 1) == std::string_view::npos &&
                        parseNumber(text.substr(0, comma), x) && parseNumber(text.substr(comma + 1), y);
        if (!ok) {
            const bool has_digit = text.find_first_of("0123456789") != std::string_view::npos;
            if (!seen_data_or_header_ && !has_digit && text.find('\0') == std::string_view::npos) {
                seen_data_or_header_ = true;  // the first non-comment line may be a header such as "x,y"
                return;
            }
            fail("expected two numbers 'x,y', got '" + printable(trim(raw)) + "'" +
                 (raw.find('\0') != std::string_view::npos ? " (this looks like a binary file, not CSV text)" : ""));
        }
        seen_data_or_header_ = true;
        if (std::fabs(x) > limits_.max_abs || std::fabs(y) > limits_.max_abs)
            fail("point (" + printable(trim(text)) + ") is outside -" + shortNumber(limits_.max_abs) + ".." +
                 shortNumber(limits_.max_abs) + ": rescale the data (Ganarium's views and nets work at unit scale)");
        if (points_.size() / 2 >= limits_.max_points)
            fail("more than " + std::to_string(limits_.max_points) +
                 " points, the most a points file may hold: subsample it (e.g. keep every 10th line: "
                 "awk 'NR % 10 == 1' big.csv > small.csv)");
        points_.push_back(x);
        points_.push_back(y);
    }

    // Lines longer than a chunk are refused (no CSV of two numbers needs them).
    [[noreturn]] void lineTooLong() {
        ++line_no_;
        fail("a line longer than " + std::to_string(kChunkBytes) + " bytes: expected two numbers 'x,y' per line");
    }

    std::vector<double> finish() {
        if (points_.empty()) throw SceneError(name_ + ": contains no points (write one 'x,y' pair of numbers per line)");
        return std::move(points_);
    }

    void reserveFor(uint64_t bytes) {
        // About 20 bytes per line in a typical file; capped by the point limit.
        const uint64_t guess = std::min<uint64_t>(bytes / 20, limits_.max_points);
        points_.reserve(static_cast<size_t>(2 * guess));
    }

private:
    static std::string shortNumber(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }
    [[noreturn]] void fail(const std::string& message) const {
        throw SceneError(name_ + ":" + std::to_string(line_no_) + ": " + message);
    }

    std::string name_;
    CsvLimits limits_;
    std::vector<double> points_;
    size_t line_no_ = 0;
    bool seen_data_or_header_ = false;
};

// Feeds every complete line of `text` to `parser`; returns the bytes consumed.
size_t feedLines(std::string_view text, PointsCsvParser& parser) {
    size_t start = 0;
    for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', start)) {
        parser.line(text.substr(start, nl - start));
        start = nl + 1;
    }
    return start;
}

}  // namespace

std::vector<double> parsePointsCsv(std::string_view text, const std::string& name, const CsvLimits& limits) {
    PointsCsvParser parser(name, limits);
    parser.reserveFor(text.size());
    const size_t used = feedLines(text, parser);
    if (used < text.size()) parser.line(text.substr(used));
    return parser.finish();
}

std::vector<double> loadPointsCsv(const std::string& path, const CsvLimits& limits, const ProgressCallback& progress) {
    const FileRules rules{"points file", limits.max_bytes, "the `csv` path is relative to the scene file's folder",
                          "subsample it (e.g. keep every 10th line: awk 'NR % 10 == 1' big.csv > small.csv)"};
    RegularFile file(path, rules);
    PointsCsvParser parser(path, limits);
    parser.reserveFor(file.size());
    const bool report = progress && file.size() >= limits.progress_above_bytes;
    std::vector<char> buffer(kChunkBytes);
    size_t held = 0;  // bytes of an unfinished line kept at the buffer's start
    uint64_t done = 0;
    for (;;) {
        const size_t got = file.read(buffer.data() + held, buffer.size() - held);
        done += got;
        if (got == 0) break;
        const std::string_view text(buffer.data(), held + got);
        const size_t used = feedLines(text, parser);
        held = text.size() - used;
        if (held == buffer.size()) parser.lineTooLong();
        std::memmove(buffer.data(), buffer.data() + used, held);
        if (report) progress({path, done, file.size()});
    }
    if (held > 0) parser.line(std::string_view(buffer.data(), held));
    if (report) progress({path, std::max(done, file.size()), std::max(done, file.size())});
    return parser.finish();
}

}  // namespace ganarium
