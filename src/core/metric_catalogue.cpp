// metric_catalogue.cpp — look-ups over the metric and curves-tab tables.
#include "core/metric_catalogue.h"

namespace ganarium {

const MetricInfo* findMetric(std::string_view key) {
    for (const MetricInfo& m : kMetricCatalogue) {
        if (key == m.key) return &m;
    }
    return nullptr;
}

std::vector<std::string> metricKeysOfKind(std::string_view run_kind) {
    std::vector<std::string> out;
    for (const MetricInfo& m : kMetricCatalogue) {
        if (run_kind == m.run_kind) out.emplace_back(m.key);
    }
    return out;
}

std::vector<std::string> metricTableColumns() {
    std::vector<std::string> out;
    for (const MetricInfo& m : kMetricCatalogue) {
        if (m.in_table) out.emplace_back(m.key);
    }
    return out;
}

std::vector<std::string> curvesTabKeys() {
    std::vector<std::string> out;
    for (const CurvesTab& t : kCurvesTabs) out.emplace_back(t.key);
    return out;
}

}  // namespace ganarium
