// metric_catalogue.h — the one list of every recorded metric and every tab of
// the curves panel. The evaluator's names, the curves panel, the final table
// of `ganarium train` and docs/metrics.md all follow it (tests check the
// evaluator and the docs against it). Adding a metric: one row here, its
// label in ui/i18n.cpp, its anchor and definition in docs/metrics.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ganarium {

// One recorded metric.
struct MetricInfo {
    const char* key;        // metric key in the metric log, the JSON and the CSV
    const char* label_key;  // translation key of its label (ui/i18n.cpp, metricLabel)
    const char* tab;        // key of the curves tab that draws it ("" when none does)
    const char* run_kind;   // run kind that records it ("toy", "dirac", "image", "cyclegan"; image runs also record loss_d, loss_g, g_grad_norm, cyclegan runs loss_d, loss_g)
    bool log_scale;         // its curve defaults to a log y axis
    bool in_table;          // a column of the final table of `ganarium train`
    const char* anchor;     // `<a id="...">` of its definition in docs/metrics.md
};

// One tab of the curves panel.
struct CurvesTab {
    const char* key;           // scene-file `curves` name
    const char* label_key;     // translation key of the tab title
    const char* solid;         // series drawn solid
    const char* solid_critic;  // series drawn solid for critic objectives (null: `solid`)
    const char* dashed;        // series drawn dashed over it, or null
    const char* spread;        // series drawn as a +-band around `solid`, or null
    bool log_scale;            // the tab defaults to a log y axis
    bool from_zero;            // a linear y axis always includes 0
    bool when_defined = false; // shown only once some run has a finite value (e.g. only GP runs have GP norms)
};

inline constexpr MetricInfo kMetricCatalogue[] = {
    // key                 label key                    tab                 kind     log    table  anchor
    {"loss_d",            "metric.loss_d",             "loss_d",           "toy",   false, true,  "loss_d"},
    {"loss_g",            "metric.loss_g",             "loss_g",           "toy",   false, true,  "loss_g"},
    {"js",                "metric.js",                 "js",               "toy",   false, true,  "js"},
    {"kl_pq",             "metric.kl_pq",              "",                 "toy",   false, false, "kl_pq"},
    {"kl_qp",             "metric.kl_qp",              "",                 "toy",   false, false, "kl_qp"},
    {"w1",                "metric.w1",                 "w1",               "toy",   false, true,  "w1"},
    {"d_estimate",        "metric.d_estimate",         "divergence",       "toy",   false, true,  "d_estimate"},
    {"d_accuracy",        "metric.d_accuracy",         "",                 "toy",   false, false, "d_accuracy"},
    {"g_grad_norm",       "metric.g_grad_norm",        "g_grad_norm",      "toy",   true,  true,  "g_grad_norm"},
    {"d_weight_max_abs",  "metric.d_weight_max_abs",   "d_weight_max_abs", "toy",   false, false, "d_weight_max_abs"},
    {"gp_norm_mean",      "metric.gp_norm_mean",       "gp_norm",          "toy",   false, false, "gp_norm_mean"},
    {"gp_norm_std",       "metric.gp_norm_std",        "gp_norm",          "toy",   false, false, "gp_norm_std"},
    {"modes_covered",     "metric.modes_covered",      "modes_covered",    "toy",   false, true,  "modes_covered"},
    {"hq_share",          "metric.hq_share",           "",                 "toy",   false, true,  "hq_share"},
    {"mode_rkl",          "metric.mode_rkl",           "",                 "toy",   false, false, "mode_rkl"},
    {"d_opt_gap",         "metric.d_opt_gap",          "",                 "toy",   false, false, "d_opt_gap"},
    {"theta",             "metric.theta",              "",                 "dirac", false, true,  "theta"},
    {"psi",               "metric.psi",                "",                 "dirac", false, true,  "psi"},
    {"distance",          "metric.distance",           "distance",         "dirac", false, true,  "distance"},
    // Image runs, judged by the Fashion-MNIST classifier (train/image_metrics.h). Not yet in the final table:
    // formatMetricsTable shows every non-dirac column whenever a toy run is there.
    {"classifier_score",  "metric.classifier_score",   "classifier_score", "image", false, false, "classifier_score"},
    {"fcd",               "metric.fcd",                "fcd",              "image", true,  false, "fcd"},
    {"classes_covered",   "metric.classes_covered",    "classes_covered",  "image", false, false, "classes_covered"},
    {"class_rkl",         "metric.class_rkl",          "class_rkl",        "image", false, false, "class_rkl"},
    {"nn_ratio",          "metric.nn_ratio",           "nn_ratio",         "image", false, false, "nn_ratio"},
    {"d_score_real",      "metric.d_score_real",       "d_scores",         "image", false, true,  "d_score_real"},
    {"d_score_fake",      "metric.d_score_fake",       "d_scores",         "image", false, true,  "d_score_fake"},
    // Conditional image runs only: share of G(z, y) the classifier labels y.
    {"label_agreement",   "metric.label_agreement",    "label_agreement",  "image", false, false, "label_agreement"},
    // Conditional toy runs only: share of G(z, y) whose nearest mode is y.
    {"condition_accuracy", "metric.condition_accuracy", "condition_accuracy", "toy", false, false, "condition_accuracy"},
    // Toy CycleGAN runs (train/cycle_gan_run.h; they also record loss_d and loss_g).
    {"cycle_error_x",     "metric.cycle_error_x",      "cycle_error",      "cyclegan", false, true, "cycle_error_x"},
    {"cycle_error_y",     "metric.cycle_error_y",      "cycle_error",      "cyclegan", false, true, "cycle_error_y"},
    {"w1_xy",             "metric.w1_xy",              "",                 "cyclegan", false, true, "w1_xy"},
    {"w1_yx",             "metric.w1_yx",              "",                 "cyclegan", false, true, "w1_yx"},
    {"mapping_mi",        "metric.mapping_mi",         "mapping_mi",       "cyclegan", false, true, "mapping_mi"},
};

// In the order of the panel's tabs and of the scene file's `curves` names (new tabs go last).
inline constexpr CurvesTab kCurvesTabs[] = {
    // key               label key              solid               critic  dashed        spread         log    zero   defined
    {"divergence",       "curves.divergence",   "js",               "w1",   "d_estimate", nullptr,       false, false},
    {"loss_d",           "curves.loss_d",       "loss_d",           nullptr, nullptr,     nullptr,       false, false},
    {"loss_g",           "curves.loss_g",       "loss_g",           nullptr, nullptr,     nullptr,       false, false},
    {"js",               "curves.js",           "js",               nullptr, nullptr,     nullptr,       false, true},
    {"w1",               "curves.w1",           "w1",               nullptr, nullptr,     nullptr,       false, true},
    {"g_grad_norm",      "curves.g_grad_norm",  "g_grad_norm",      nullptr, nullptr,     nullptr,       true,  true},
    {"modes_covered",    "curves.modes_covered", "modes_covered",   nullptr, nullptr,     nullptr,       false, true},
    {"distance",         "curves.distance",     "distance",         nullptr, nullptr,     nullptr,       false, true},
    {"d_weight_max_abs", "curves.d_weight_max_abs", "d_weight_max_abs", nullptr, nullptr, nullptr,       false, true},
    {"gp_norm",          "curves.gp_norm",      "gp_norm_mean",     nullptr, nullptr,     "gp_norm_std", false, true, true},
    {"d_scores",         "curves.d_scores",     "d_score_real",     nullptr, "d_score_fake", nullptr,    false, false, true},
    {"classifier_score", "curves.classifier_score", "classifier_score", nullptr, nullptr,  nullptr,       false, true,  true},
    {"fcd",              "curves.fcd",          "fcd",              nullptr, nullptr,     nullptr,       true,  false, true},
    {"classes_covered",  "curves.classes_covered", "classes_covered", nullptr, nullptr,   nullptr,       false, true,  true},
    {"class_rkl",        "curves.class_rkl",    "class_rkl",        nullptr, nullptr,     nullptr,       false, true,  true},
    {"nn_ratio",         "curves.nn_ratio",     "nn_ratio",         nullptr, nullptr,     nullptr,       false, true,  true},
    {"label_agreement",  "curves.label_agreement", "label_agreement", nullptr, nullptr,   nullptr,       false, true,  true},
    {"condition_accuracy", "curves.condition_accuracy", "condition_accuracy", nullptr, nullptr, nullptr,   false, true,  true},
    {"mapping_mi",       "curves.mapping_mi",   "mapping_mi",       nullptr, nullptr,     nullptr,       false, true,  true},
    {"cycle_error",      "curves.cycle_error",  "cycle_error_x",    nullptr, "cycle_error_y", nullptr,   false, true,  true},
};

inline constexpr std::size_t kMetricCount = sizeof(kMetricCatalogue) / sizeof(kMetricCatalogue[0]);
inline constexpr std::size_t kCurvesTabCount = sizeof(kCurvesTabs) / sizeof(kCurvesTabs[0]);

// The catalogue entry of `key`, or null when there is none.
const MetricInfo* findMetric(std::string_view key);

// Keys of the metrics a run of `run_kind` records, in catalogue order.
std::vector<std::string> metricKeysOfKind(std::string_view run_kind);

// Keys of the final table's columns, in catalogue order.
std::vector<std::string> metricTableColumns();

// The curves tabs' keys (the scene file's `curves` names), in tab order.
std::vector<std::string> curvesTabKeys();

}  // namespace ganarium
