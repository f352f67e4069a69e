// metric_evaluator.h — every metric the trainer records for a run, computed
// on fresh samples drawn from the run's own metric streams, reseeded from the
// step at each evaluation (so evaluating never changes training, and the value
// at a step does not depend on the cadence). Names and docs: core/metric_catalogue.h.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/distribution.h"
#include "core/snapshot.h"
#include "train/gan_run.h"

namespace ganarium {

// The fixed box of the divergences, set once per data (or view) change: 1D quadrature
// runs over it and its size sets the uniform floor of the KLs (core divergencesAgainstSamples).
struct DivergenceGrid {
    Bounds box;  // the data's starting view box, never grown with the samples
};

// The divergence box for `data` over `box`.
DivergenceGrid makeDivergenceGrid(const Distribution& data, const Bounds& box);

// What metric evaluation needs besides the run.
class ImageEvaluator;

struct MetricContext {
    const Distribution* data = nullptr;  // null while custom data is empty
    std::vector<Mode> modes;             // mixture components (empty: no mode metrics)
    std::vector<double> mode_weights;    // same length as modes
    Bounds view;                         // the trainer's view box (grid of d_opt_gap)
    int grid_1d = 256;                   // cells of the 1D d_opt_gap grid
    // The fixed divergence box (for `data`); null: `view` is used.
    const DivergenceGrid* divergence_grid = nullptr;
    // Image runs' classifier metrics (null: not computed).
    ImageEvaluator* images = nullptr;
};

// Samples drawn for divergence and mode metrics.
constexpr int kMetricSamples = 2500;
// Samples per set for the D-based estimates (d_estimate, d_accuracy).
constexpr int kCriticSamples = 1000;
// Points per set for the exact 2D W1 assignment (O(n^3): 150 keeps metrics under 10% of training time).
constexpr int kW1Samples2D = 150;

// The names of every metric a toy GAN run records, in catalogue order (core metric_catalogue.h).
std::vector<std::string> metricNames();

// Evaluates every metric of `run` now (NaN where undefined), consuming its pending loss means.
std::map<std::string, double> evaluateRunMetrics(GanRun& run, const MetricContext& context,
                                                 std::vector<bool>* mode_covered = nullptr);

// Converts a float tensor to a std::vector<float> (row-major).
std::vector<float> toVector(const torch::Tensor& t);

// Largest |parameter| of D (weights and biases), as stored (before any spectral normalisation).
double criticWeightMaxAbs(GanRun& run);

// Mean and standard deviation of ||grad_x D|| at the last D step's gradient-penalty interpolates (NaN without a GP).
std::pair<double, double> penaltyNormStatistics(const GanRun& run);

// L2 norm of the generator-parameter gradient of the G loss on a fresh batch (NaN for a fixed G).
double generatorGradientNorm(GanRun& run);

// Exact 2D W1 between the first n points of `a` and of `b` (n x 2 each). Both sets are reordered
// in strips of x first, which leaves W1 unchanged but shortens the assignment's augmenting paths.
double wasserstein2DOfFirst(const std::vector<float>& a, const std::vector<float>& b, int n);

// Union of `box` and the bounding box of `samples` (n x dim) grown by 5% of the span.
Bounds growToSamples(Bounds box, const std::vector<float>& samples, int dim);

}  // namespace ganarium
