// metrics_table.cpp — formatting of the final per-run metrics table.
#include "app/metrics_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string_view>

#include "core/metric_catalogue.h"

namespace ganarium {

namespace {

const char* kModeColumns[] = {"modes_covered", "hq_share"};

bool isModeColumn(const std::string& c) { return c == kModeColumns[0] || c == kModeColumns[1]; }

// Display width of UTF-8 text (code points; good enough for Latin and most labels).
std::size_t displayWidth(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string padRight(const std::string& s, std::size_t width) {
    const std::size_t w = displayWidth(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string padLeft(const std::string& s, std::size_t width) {
    const std::size_t w = displayWidth(s);
    return w >= width ? s : std::string(width - w, ' ') + s;
}

std::string statusWord(const RunSnapshot& run) {
    switch (run.status) {
        case RunStatus::Diverged: return "DIVERGED";
        case RunStatus::Paused: return "paused";
        case RunStatus::Running: break;
    }
    return "ok";
}

std::string cellText(const RunSnapshot& run, const std::string& column) {
    const double v = latestMetric(run, column);
    if (!std::isfinite(v)) return "-";
    char buf[48];
    if (column == "modes_covered") {
        const ModeMarkers* modes = findQuantity<ModeMarkers>(run.parts, quantity_names::kModes);
        if (!modes || modes->modes.empty()) {
            std::snprintf(buf, sizeof buf, "%.0f", v);
        } else {
            std::snprintf(buf, sizeof buf, "%.0f/%zu", v, modes->modes.size());
        }
    } else {
        std::snprintf(buf, sizeof buf, "%.4g", v);
    }
    return buf;
}

}  // namespace

std::vector<std::string> metricsTableColumns() { return metricTableColumns(); }

double latestMetric(const RunSnapshot& run, const std::string& metric) {
    return run.metrics.last(metric);
}

std::string formatMetricsTable(const std::vector<RunSnapshot>& runs) {
    std::vector<std::string> columns;
    const bool toy = std::any_of(runs.begin(), runs.end(), [](const RunSnapshot& r) { return r.kind == "toy"; });
    for (const auto& c : metricsTableColumns()) {
        const bool defined = std::any_of(runs.begin(), runs.end(),
                                         [&](const RunSnapshot& r) { return std::isfinite(latestMetric(r, c)); });
        const MetricInfo* info = findMetric(c);
        const bool own_column = info && std::string_view(info->run_kind) != "toy";
        // Toy columns whenever a toy run is there (a dash says "undefined for this run") or another kind records
        // them (image runs: losses); the others when defined.
        const bool shown = own_column || isModeColumn(c) ? defined : toy || defined;
        if (shown) columns.push_back(c);
    }

    std::vector<std::string> header{"run", "status", "step"};
    header.insert(header.end(), columns.begin(), columns.end());
    std::vector<std::vector<std::string>> rows;
    for (const auto& run : runs) {
        std::vector<std::string> row{run.name, statusWord(run), std::to_string(run.step)};
        for (const auto& c : columns) row.push_back(cellText(run, c));
        rows.push_back(std::move(row));
    }

    std::vector<std::size_t> widths(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        widths[i] = displayWidth(header[i]);
        for (const auto& row : rows) widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    std::ostringstream out;
    auto writeRow = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) line += "  ";
            line += i < 2 ? padRight(row[i], widths[i]) : padLeft(row[i], widths[i]);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    writeRow(header);
    std::size_t total = 0;
    for (auto w : widths) total += w;
    out << std::string(total + 2 * (widths.size() - 1), '-') << '\n';
    for (const auto& row : rows) writeRow(row);

    for (const auto& run : runs) {
        if (run.status != RunStatus::Diverged) continue;
        out << run.name << ": DIVERGED at step " << run.step;
        if (!run.status_reason.empty()) out << ": " << run.status_reason;
        out << '\n';
    }
    return out.str();
}

}  // namespace ganarium
