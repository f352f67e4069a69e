// metrics_export.h — writes the metric histories of a training session as
// JSON or CSV (`ganarium train --metrics FILE`). Formats:
//   JSON: {"scene": title, "seed": S, "runs": [{"name", "objective", "lipschitz",
//          "status": "ok"|"diverged", "series": [{"step": 0, "js": ..., ...}, ...]}]}
//         with NaN / infinity written as null;
//   CSV:  header `run,objective,step,<metric>...` (union of all runs' metrics,
//         sorted), one row per (run, evaluation step); NaN is an empty cell.
// Plain data in, text out: no LibTorch, no training knowledge.
#pragma once

#include <cstdint>
#include <fstream>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/snapshot.h"

namespace ganarium {

enum class MetricsFormat { Json, Csv };

// The format a path's extension asks for (.json / .csv, any case). Throws UserError otherwise.
MetricsFormat metricsFormatForPath(const std::string& path);

// Writes the JSON document described above.
void writeMetricsJson(std::ostream& out, const std::string& scene_title, uint64_t seed,
                      const std::vector<RunSnapshot>& runs);

// Writes the CSV table described above.
void writeMetricsCsv(std::ostream& out, const std::vector<RunSnapshot>& runs);

// "ok" or "diverged": the status word used in both formats.
const char* metricsStatusWord(RunStatus status);

// A metrics file opened up front, so an unwritable path fails before any
// training time is spent; the content is written at the end.
class MetricsFile {
public:
    // Opens (creates/truncates) `path`. Throws UserError naming the path, the reason and the fix.
    explicit MetricsFile(const std::string& path);
    // Writes all runs in the file's format and closes it. Throws UserError if writing fails.
    void write(const std::string& scene_title, uint64_t seed, const std::vector<RunSnapshot>& runs);
    const std::string& path() const { return path_; }
    MetricsFormat format() const { return format_; }

private:
    std::string path_;
    MetricsFormat format_;
    std::ofstream stream_;
};

}  // namespace ganarium
