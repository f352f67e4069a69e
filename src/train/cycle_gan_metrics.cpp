// cycle_gan_metrics.cpp — what a toy CycleGAN records at each evaluation, on
// fresh points of a metric stream reseeded from the step (evaluating never
// changes training): the mean loss of both critics and both generators since
// the last evaluation, the mean Euclidean cycle errors, W1 between each
// translated set and its target domain (exact assignment, core/wasserstein),
// and mapping_mi, the mutual information between X's source mode and the Y
// mode nearest to G_XY(x) (core/mode_mapping.h; NaN unless both domains are
// mixtures with modes).
#include <cmath>
#include <limits>

#include "core/metrics.h"
#include "core/mode_mapping.h"
#include "train/cycle_gan_run.h"
#include "train/metric_evaluator.h"
#include "train/seeds.h"

namespace ganarium {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Mean Euclidean distance between two n x 2 point lists.
double meanDistance(const std::vector<float>& a, const std::vector<float>& b) {
    const size_t n = std::min(a.size(), b.size()) / 2;
    if (n == 0) return kNaN;
    double sum = 0;
    for (size_t i = 0; i < n; ++i) sum += std::hypot(double(a[2 * i]) - b[2 * i], double(a[2 * i + 1]) - b[2 * i + 1]);
    return sum / static_cast<double>(n);
}

// Exact W1 between the first `n` points of two n x 2 lists (NaN when either holds a non-finite value).
double w1OfFirst(const std::vector<float>& a, const std::vector<float>& b, int n) {
    const size_t count = static_cast<size_t>(n) * 2;
    std::vector<float> first_a(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(std::min(count, a.size())));
    std::vector<float> first_b(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(std::min(count, b.size())));
    for (float v : first_a)
        if (!std::isfinite(v)) return kNaN;
    return wasserstein2D(first_a, first_b);
}

}  // namespace

std::map<std::string, double> CycleGanRun::currentMetrics() {
    const uint64_t seed = deriveSeed(deriveSeed(seed_, SeedStream::Metrics) + static_cast<uint64_t>(step_),
                                     SeedStream::Metrics);
    Rng rng(seed);
    const std::vector<float> x = sampleVector(*x_data_, kCycleMetricSamples, rng);
    const std::vector<float> y = sampleVector(*y_data_, kCycleMetricSamples, rng);
    const std::vector<float> xy = translateXY(x, rng), yx = translateYX(y, rng);
    const std::vector<float> xyx = translateYX(xy, rng), yxy = translateXY(yx, rng);
    std::map<std::string, double> out;
    out["cycle_error_x"] = meanDistance(xyx, x);
    out["cycle_error_y"] = meanDistance(yxy, y);
    // The first points of the other domain's list serve as the target sample (drawn independently of these x).
    out["w1_xy"] = w1OfFirst(xy, y, kW1Samples2D);
    out["w1_yx"] = w1OfFirst(yx, x, kW1Samples2D);
    const std::vector<Mode> x_modes = x_data_->modes(), y_modes = y_data_->modes();
    out["mapping_mi"] = x_modes.empty() || y_modes.empty() ? kNaN : modeMapping(x_modes, y_modes, x, xy).mutual_information;
    return out;
}

void CycleGanRun::evaluate(const MetricContext&) {
    std::map<std::string, double> values = currentMetrics();
    values["loss_d"] = loss_d_count_ > 0 ? loss_d_sum_ / static_cast<double>(loss_d_count_) : kNaN;
    values["loss_g"] = loss_g_count_ > 0 ? loss_g_sum_ / static_cast<double>(loss_g_count_) : kNaN;
    loss_d_sum_ = loss_g_sum_ = 0;
    loss_d_count_ = loss_g_count_ = 0;
    metrics_->append(step_, values);
}

}  // namespace ganarium
