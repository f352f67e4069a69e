// metrics_table.h — the plain-text table `ganarium train` prints at the end:
// one row per run with its status, step and latest metrics ('-' where a
// metric is not defined), followed by a line for every diverged run.
#pragma once

#include <string>
#include <vector>

#include "core/snapshot.h"

namespace ganarium {

// Metric columns of the final table: the catalogue's table columns (core metric_catalogue.h), in order
// (mode and Dirac-GAN columns appear only when some run defines them).
std::vector<std::string> metricsTableColumns();

// Latest value of `metric` for a run: its value at the run's last evaluation, else NaN.
double latestMetric(const RunSnapshot& run, const std::string& metric);

// The whole table (header, rule, rows, then "name: DIVERGED at step N: reason" lines), ending in a newline.
std::string formatMetricsTable(const std::vector<RunSnapshot>& runs);

}  // namespace ganarium
