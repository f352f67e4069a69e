// metrics_export.h — writes the metric histories of a training session as
// JSON or CSV (`ganarium train --metrics FILE`). Formats:
//   JSON: {"scene": title, "seed": S, "interrupted": false, "runs": [{"name", "objective",
//          "lipschitz", "status": "ok"|"diverged", ["diverged_step": N, "diverged_reason": "..."],
//          "series": [{"step": 0, "js": ..., ...}, ...]}]}
//         with NaN / infinity written as null; the two diverged_ keys only for diverged runs;
//   CSV:  header `run,objective,step,<metric>...` (union of all runs' metrics,
//         sorted), one row per (run, evaluation step); NaN is an empty cell. The
//         CSV has no place for a run's status: use JSON to see why a run diverged.
// The file is written whole into a temporary file next to the target and
// renamed into place, so a crash or a full disk never leaves a half file
// under the final name, and a symbolic link there is never followed.
// Plain data in, text out: no LibTorch, no training knowledge.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/snapshot.h"

namespace ganarium {

enum class MetricsFormat { Json, Csv };

// The format a path's extension asks for (.json / .csv, any case). Throws UserError otherwise.
MetricsFormat metricsFormatForPath(const std::string& path);

// Writes the JSON document described above; `interrupted` says training was stopped early (Ctrl-C, SIGTERM).
void writeMetricsJson(std::ostream& out, const std::string& scene_title, uint64_t seed,
                      const std::vector<RunSnapshot>& runs, bool interrupted = false);

// Writes the CSV table described above.
void writeMetricsCsv(std::ostream& out, const std::vector<RunSnapshot>& runs);

// "ok" or "diverged": the status word used in both formats.
const char* metricsStatusWord(RunStatus status);

// A metrics file checked up front, so a bad path fails before any training
// time is spent; the content is written (atomically) at the end.
class MetricsFile {
public:
    // Checks `path`: extension, folder writable, not a link; an existing file only with `overwrite`
    // (--force). Throws UserError naming the path, the reason and the fix.
    explicit MetricsFile(const std::string& path, bool overwrite = false);
    // Writes all runs in the file's format to a temporary file and renames it onto the path.
    // Throws UserError if writing fails (the path is then untouched).
    void write(const std::string& scene_title, uint64_t seed, const std::vector<RunSnapshot>& runs,
               bool interrupted = false);
    const std::string& path() const { return path_; }
    MetricsFormat format() const { return format_; }

private:
    std::string path_;
    MetricsFormat format_;
    bool overwrite_;
};

}  // namespace ganarium
