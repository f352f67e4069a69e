// metric_evaluator.h — every metric the trainer records for a run, computed
// on fresh samples drawn from the run's own metric streams (so evaluating
// never changes training). Definitions: docs/objectives.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/distribution.h"
#include "core/snapshot.h"
#include "train/gan_run.h"

namespace ganarium {

// P_data's cell masses on the divergence grid over a fixed box: tabulated once
// per data (or box) change and reused by every evaluation of every run.
struct DivergenceGrid {
    Bounds box;                  // the box the JS/KL grid covers
    std::vector<double> p_data;  // core dataGridForDivergences(data, dim, box)
};

// Tabulates `data` over `box` for the divergences (empty p_data when data has no analytic density).
DivergenceGrid makeDivergenceGrid(const Distribution& data, const Bounds& box);

// What metric evaluation needs besides the run.
struct MetricContext {
    const Distribution* data = nullptr;  // null while custom data is empty
    std::vector<Mode> modes;             // mixture components (empty: no mode metrics)
    std::vector<double> mode_weights;    // same length as modes
    Bounds view;                         // the trainer's view box (grid of d_opt_gap)
    int grid_1d = 256;                   // cells of the 1D d_opt_gap grid
    // P_data on the fixed divergence box (must match `data`); null: tabulated over `view` on each call.
    const DivergenceGrid* divergence_grid = nullptr;
};

// Samples drawn for divergence and mode metrics.
constexpr int kMetricSamples = 2500;
// Samples per set for the D-based estimates (d_estimate, d_accuracy).
constexpr int kCriticSamples = 1000;
// Points per set for the exact 2D W1 assignment (O(n^3): 200 keeps metrics under 10% of training time).
constexpr int kW1Samples2D = 200;

// The names of every recorded metric, in display order.
std::vector<std::string> metricNames();

// Evaluates every metric of `run` now (NaN where undefined), consuming its pending loss means.
std::map<std::string, double> evaluateRunMetrics(GanRun& run, const MetricContext& context,
                                                 std::vector<bool>* mode_covered = nullptr);

// Converts a float tensor to a std::vector<float> (row-major).
std::vector<float> toVector(const torch::Tensor& t);

// L2 norm of the generator-parameter gradient of the G loss on a fresh batch (NaN for a fixed G).
double generatorGradientNorm(GanRun& run);

// Exact 2D W1 between the first n points of `a` and of `b` (n x 2 each). Both sets are reordered
// in strips of x first, which leaves W1 unchanged but shortens the assignment's augmenting paths.
double wasserstein2DOfFirst(const std::vector<float>& a, const std::vector<float>& b, int n);

// Union of `box` and the bounding box of `samples` (n x dim) grown by 5% of the span.
Bounds growToSamples(Bounds box, const std::vector<float>& samples, int dim);

}  // namespace ganarium
