// test_metric_catalogue.cpp — the metric catalogue is consistent with itself,
// with the scene file's `curves` names and with docs/metrics.md (every
// anchor exists there). The evaluator side is checked in tests/train.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/metric_catalogue.h"
#include "core/scene_spec.h"

using namespace ganarium;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

bool isTabKey(const char* key) {
    for (const CurvesTab& tab : kCurvesTabs) {
        if (std::string(tab.key) == key) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("metric catalogue: unique keys, known tabs, every tab series is a catalogued metric") {
    std::set<std::string> keys;
    for (const MetricInfo& m : kMetricCatalogue) {
        CAPTURE(m.key);
        CHECK(keys.insert(m.key).second);
        CHECK((std::string(m.tab).empty() || isTabKey(m.tab)));
        CHECK((std::string(m.run_kind) == "toy" || std::string(m.run_kind) == "dirac" ||
               std::string(m.run_kind) == "image" || std::string(m.run_kind) == "cyclegan"));
        CHECK(std::string(m.label_key) == std::string("metric.") + m.key);
        CHECK(findMetric(m.key) == &m);
    }
    CHECK(findMetric("no_such_metric") == nullptr);
    for (const CurvesTab& tab : kCurvesTabs) {
        CAPTURE(tab.key);
        for (const char* series : {tab.solid, tab.solid_critic, tab.dashed, tab.spread}) {
            if (series) CHECK(findMetric(series) != nullptr);
        }
    }
    CHECK(metricKeysOfKind("dirac") == std::vector<std::string>{"theta", "psi", "distance"});
    CHECK(metricKeysOfKind("image") ==
          std::vector<std::string>{"classifier_score", "fcd", "classes_covered", "class_rkl", "nn_ratio",
                                   "d_score_real", "d_score_fake", "label_agreement"});
    CHECK(metricKeysOfKind("cyclegan") ==
          std::vector<std::string>{"cycle_error_x", "cycle_error_y", "w1_xy", "w1_yx", "mapping_mi"});
    CHECK(findMetric("d_weight_max_abs") != nullptr);
    CHECK(findMetric("gp_norm_mean") != nullptr);
    CHECK(findMetric("gp_norm_std") != nullptr);
}

TEST_CASE("metric catalogue: the scene file's curves names are the catalogue's tabs, in order") {
    const std::vector<std::string> tabs = curvesTabKeys();
    const std::vector<std::string>& names = curveNames();
    REQUIRE(names.size() <= tabs.size());
    for (size_t i = 0; i < names.size(); ++i) CHECK(names[i] == tabs[i]);
    CHECK(names.size() == tabs.size());
}

TEST_CASE("metric catalogue: every anchor is defined in docs/metrics.md") {
    const std::string doc = readFile(std::string(GANARIUM_SOURCE_DIR) + "/docs/metrics.md");
    REQUIRE(!doc.empty());
    for (const MetricInfo& m : kMetricCatalogue) {
        CAPTURE(m.key);
        CHECK(doc.find(std::string("<a id=\"") + m.anchor + "\"></a>") != std::string::npos);
        // The catalogue table in the doc names the key too.
        CHECK(doc.find(std::string("`") + m.key + "`") != std::string::npos);
    }
}
