// bench_metric_publish.h — what publishing a run's metrics costs as the run
// grows: a snapshot shares the run's metric log (core/metric_log.h), so the
// cost must stay flat from 100 evaluations to tens of thousands.
#pragma once

#include "bench_timing.h"

namespace ganarium::bench {

// Median microseconds of one metrics-only publish (Run::snapshot with full = false) of a toy run whose
// metric log already holds `evaluations` evaluations of every toy metric.
Figure metricPublishMicroseconds(int evaluations, int repeats);

}  // namespace ganarium::bench
