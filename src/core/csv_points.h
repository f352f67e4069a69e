// csv_points.h — reads a 2D point set (`x,y` per line) for the `points`
// data family: streamed in chunks, numbers parsed in place (no per-line
// allocation), bounded in bytes, points and magnitude. Errors are
// SceneErrors naming the file and line and saying what to do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/input_limits.h"

namespace ganarium {

// What a points file may hold (tests lower these).
struct CsvLimits {
    uint64_t max_bytes = kMaxCsvBytes;
    size_t max_points = kMaxCsvPoints;
    double max_abs = kMaxCoordinate;  // |x| and |y| at most this
    uint64_t progress_above_bytes = kProgressAboveBytes;  // smaller files report no progress
};

// How far reading a big file has got (see CsvLimits::progress_above_bytes).
struct ReadProgress {
    std::string path;
    uint64_t done_bytes = 0;
    uint64_t total_bytes = 0;
};

// Called while a big file is read (about every megabyte), and once at 100 %.
using ProgressCallback = std::function<void(const ReadProgress&)>;

// Reads `x,y` lines (optional header line, '#' comments, blank lines ignored) into
// x0,y0,x1,y1,... Only regular files are read: a FIFO, device or directory is
// refused before it is opened. Throws SceneError on a missing, unreadable, too
// large or malformed file, or one with no points. `progress` may be empty.
std::vector<double> loadPointsCsv(const std::string& path, const CsvLimits& limits = {},
                                  const ProgressCallback& progress = {});

// Same, from text already in memory; `name` is used in error messages.
std::vector<double> parsePointsCsv(std::string_view text, const std::string& name, const CsvLimits& limits = {});

}  // namespace ganarium
