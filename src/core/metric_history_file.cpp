// metric_history_file.cpp — metrics.csv of a checkpoint folder: writing and strict reading.
#include "core/metric_history_file.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <vector>

#include "core/errors.h"

namespace ganarium {

namespace {

// The comma-separated fields of one line.
std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ',')) out.push_back(field);
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
}

// A double written by metricHistoryToCsv (or "nan"); false when `text` is not one.
bool parseValue(const std::string& text, double& value) {
    if (text == "nan") {
        value = std::nan("");
        return true;
    }
    if (text.empty()) return false;
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);  // a subnormal sets ERANGE yet reads back exactly
    return end == text.c_str() + text.size();
}

}  // namespace

std::string metricHistoryToCsv(const MetricLogView& history, size_t count) {
    const std::vector<std::string> keys = history.keys();
    std::string out = "step";
    for (const std::string& key : keys) out += "," + key;
    out += '\n';
    std::vector<MetricColumn> columns;
    for (const std::string& key : keys) columns.push_back(history.column(key));
    char buffer[40];
    for (size_t i = 0; i < std::min(count, history.size()); ++i) {
        out += std::to_string(history.step(i));
        for (const MetricColumn& column : columns) {
            const double v = column[i];
            if (std::isnan(v)) {
                out += ",nan";
            } else {
                std::snprintf(buffer, sizeof buffer, ",%.17g", v);
                out += buffer;
            }
        }
        out += '\n';
    }
    return out;
}

std::shared_ptr<MetricLog> parseMetricHistoryCsv(const std::string& text, size_t expected_rows, const std::string& path) {
    auto fail = [&](size_t line, const std::string& what) {
        throw UserError(path + ":" + std::to_string(line) + ": " + what +
                        "; the metric history is damaged. Save the checkpoint again or pick another step.");
    };
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line)) fail(1, "empty file");
    const std::vector<std::string> header = splitFields(line);
    if (header.empty() || header[0] != "step") fail(1, "the first column must be 'step'");
    auto log = std::make_shared<MetricLog>();
    size_t line_number = 1, rows = 0;
    while (std::getline(in, line)) {
        ++line_number;
        const std::vector<std::string> fields = splitFields(line);
        if (fields.size() != header.size())
            fail(line_number, std::to_string(fields.size()) + " fields, expected " + std::to_string(header.size()));
        char* end = nullptr;
        const long long step = std::strtoll(fields[0].c_str(), &end, 10);
        if (fields[0].empty() || *end != '\0') fail(line_number, "step '" + fields[0] + "' is not an integer");
        std::map<std::string, double> values;
        for (size_t k = 1; k < fields.size(); ++k) {
            double v = 0;
            if (!parseValue(fields[k], v)) fail(line_number, "value '" + fields[k] + "' of " + header[k] + " is not a number");
            values[header[k]] = v;  // NaN too: a metric recorded only as NaN keeps its column
        }
        log->append(step, values);
        ++rows;
    }
    if (rows != expected_rows)
        fail(line_number, std::to_string(rows) + " evaluations, the header says " + std::to_string(expected_rows));
    return log;
}

}  // namespace ganarium
