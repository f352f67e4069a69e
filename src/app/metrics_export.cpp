// metrics_export.cpp — JSON and CSV writers for the runs' metric logs.
#include "app/metrics_export.h"
#include "core/quoted_string.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/output_file.h"
#include "core/errors.h"

namespace ganarium {

namespace {

std::string lowerExtension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// A JSON string literal with the required escapes.
std::string jsonString(const std::string& s) { return quotedString(s); }

// A finite number with round-trip-ish precision; `missing` for NaN and infinities.
std::string numberText(double v, const char* missing) {
    if (!std::isfinite(v)) return missing;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

// A CSV field, quoted when it holds a comma, quote or newline.
std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

MetricsFormat metricsFormatForPath(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == "json") return MetricsFormat::Json;
    if (ext == "csv") return MetricsFormat::Csv;
    throw UserError("--metrics '" + path + "': unknown file type; the name must end in .json or .csv");
}

const char* metricsStatusWord(RunStatus status) { return status == RunStatus::Diverged ? "diverged" : "ok"; }

void writeMetricsJson(std::ostream& out, const std::string& scene_title, uint64_t seed,
                      const std::vector<RunSnapshot>& runs, bool interrupted) {
    out << "{\n  \"scene\": " << jsonString(scene_title) << ",\n  \"seed\": " << seed
        << ",\n  \"interrupted\": " << (interrupted ? "true" : "false") << ",\n  \"runs\": [";
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const RunSnapshot& run = runs[r];
        out << (r ? ",\n" : "\n") << "    {\"name\": " << jsonString(run.name)
            << ", \"objective\": " << jsonString(run.objective) << ", \"lipschitz\": " << jsonString(run.lipschitz)
            << ", \"status\": " << jsonString(metricsStatusWord(run.status));
        if (run.status == RunStatus::Diverged)
            out << ", \"diverged_step\": " << run.step << ", \"diverged_reason\": " << jsonString(run.status_reason);
        out << ",\n     \"series\": [";
        const MetricLogView& log = run.metrics;
        std::vector<std::pair<std::string, MetricColumn>> columns;  // sorted by key
        for (const std::string& key : log.keys())
            if (key != "step") columns.emplace_back(key, log.column(key));
        for (std::size_t i = 0; i < log.size(); ++i) {
            out << (i ? ",\n       " : "\n       ") << "{\"step\": " << log.step(i);
            for (const auto& [key, column] : columns) out << ", " << jsonString(key) << ": " << numberText(column[i], "null");
            out << '}';
        }
        out << (log.empty() ? "]}" : "\n     ]}");
    }
    out << (runs.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

void writeMetricsCsv(std::ostream& out, const std::vector<RunSnapshot>& runs) {
    std::set<std::string> keys;
    for (const auto& run : runs)
        for (const std::string& key : run.metrics.keys())
            if (key != "step") keys.insert(key);
    out << "run,objective,step";
    for (const auto& key : keys) out << ',' << csvField(key);
    out << '\n';
    for (const auto& run : runs) {
        const MetricLogView& log = run.metrics;
        std::vector<MetricColumn> columns;  // in `keys` order; empty where this run never recorded the metric
        for (const auto& key : keys) columns.push_back(log.column(key));
        for (std::size_t i = 0; i < log.size(); ++i) {
            out << csvField(run.name) << ',' << csvField(run.objective) << ',' << log.step(i);
            for (const MetricColumn& column : columns) out << ',' << (column ? numberText(column[i], "") : std::string());
            out << '\n';
        }
    }
}

MetricsFile::MetricsFile(const std::string& path, bool overwrite)
    : path_(path), format_(metricsFormatForPath(path)), overwrite_(overwrite) {
    requireOutputPath(path, overwrite, {"the metrics file", "--metrics"});
}

void MetricsFile::write(const std::string& scene_title, uint64_t seed, const std::vector<RunSnapshot>& runs,
                        bool interrupted) {
    std::ostringstream text;
    if (format_ == MetricsFormat::Json) {
        writeMetricsJson(text, scene_title, seed, runs, interrupted);
    } else {
        writeMetricsCsv(text, runs);
    }
    const OutputLabel label{"the metrics file", "--metrics"};
    TempOutputFile temp(path_, "tmp", "", label);
    if (!temp.write(text.str()) || !temp.syncAndClose())
        throw UserError("writing the metrics file '" + path_ + "' failed: " + std::strerror(errno) +
                        " (disk full? free some space or choose another --metrics path); nothing was written");
    const std::string error = temp.publish(path_, overwrite_);
    if (!error.empty())
        throw UserError("cannot move the finished metrics file onto '" + path_ + "': " + error +
                        "; nothing was written");
}

}  // namespace ganarium
