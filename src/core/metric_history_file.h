// metric_history_file.h — a run's metric history as it goes into a
// checkpoint folder (metrics.csv): a header `step,key,...` and one row per
// evaluation, values written with 17 significant digits so they read back
// bit for bit ("nan" where a metric was not recorded). A run loaded from
// the file continues its curves from there.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/metric_log.h"

namespace ganarium {

// The first `count` evaluations of `history` as CSV text.
std::string metricHistoryToCsv(const MetricLogView& history, size_t count);

// A new log from metricHistoryToCsv() text holding `expected_rows` rows; throws UserError naming `path`
// and the line when the text is damaged or has another number of rows.
std::shared_ptr<MetricLog> parseMetricHistoryCsv(const std::string& text, size_t expected_rows, const std::string& path);

}  // namespace ganarium
