// snapshot_builder.cpp — the per-run picture: samples, fields, manifold, GP lines, histograms.
#include "train/snapshot_builder.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "core/metrics.h"
#include "core/snapshot_header.h"
#include "train/field_grid.h"
#include "train/metric_evaluator.h"
#include "train/objectives.h"
#include "train/regularizers.h"

namespace ganarium {

namespace {

// The 2D fields cover the view box widened so that plots from this wide (width / height; a 2x2 grid
// at 16:9 gives ~2.4) ...
constexpr double kWidestPlot = 2.5;
// ... to this tall (side-by-side panels in the app's centre column) show field, not empty strips.
// The grid keeps its cells (64 x 64, or 48 x 48 for 3+ runs), so the build costs the same (cells become wider than tall;
// GL_LINEAR hides it).
constexpr double kTallestPlot = 0.65;

// D* is undefined where both p_data and p_G are below this share of their own peak over the field.
constexpr double kOptimalMassFloor = 1e-4;

// The box the fields are evaluated on: the view box grown about its centre to cover plots of every
// aspect in [kTallestPlot, kWidestPlot] that show the whole view box (2D); the view box itself in 1D.
Bounds fieldBox(const Bounds& view, int dim) {
    if (dim != 2) return view;
    const double w = view.x1 - view.x0, h = view.y1 - view.y0;
    if (!(w > 0) || !(h > 0)) return view;
    const double cx = 0.5 * (view.x0 + view.x1), cy = 0.5 * (view.y0 + view.y1);
    const double half_w = 0.5 * std::max(w, kWidestPlot * h), half_h = 0.5 * std::max(h, w / kTallestPlot);
    return {cx - half_w, cx + half_w, cy - half_h, cy + half_h};
}

// Latent half-range a manifold spans: the uniform box, or +-2.5 std for Gaussian z.
double latentExtent(LatentKind kind) { return kind == LatentKind::Uniform ? 1.0 : 2.5; }

// G over a latent grid: 2D data with latent_dim >= 2 gets a side x side grid in the (z0, z1) plane
// (other coordinates 0); otherwise a line along z0. Empty (nu = 0) for fixed-distribution runs.
PointGrid generatorManifold(GanRun& run) {
    PointGrid grid;
    grid.dim = run.dim();
    if (run.fixedDistribution() || run.condition()) return grid;  // conditional: a grid per label would be needed
    const int latent_dim = run.options().latent_dim;
    const double extent = latentExtent(run.options().latent);
    torch::Tensor z;
    if (run.dim() == 2 && latent_dim >= 2) {
        const torch::Tensor axis = torch::linspace(-extent, extent, kManifoldSide);
        z = torch::zeros({kManifoldSide * kManifoldSide, latent_dim});
        // u (z0) varies fastest: index iv * nu + iu.
        z.select(1, 0).copy_(axis.repeat({kManifoldSide}));
        z.select(1, 1).copy_(axis.repeat_interleave(kManifoldSide));
        grid.nu = kManifoldSide;
        grid.nv = kManifoldSide;
    } else {
        z = torch::zeros({kManifoldLine, latent_dim});
        z.select(1, 0).copy_(torch::linspace(-extent, extent, kManifoldLine));
        grid.nu = kManifoldLine;
        grid.nv = 1;
    }
    torch::NoGradGuard no_grad;
    grid.coords = toVector(run.generator()->forward(z));
    return grid;
}

// -dLoss_G/dx at each fake sample: the direction the generator loss pushes that sample.
std::vector<float> generatorPush(GanRun& run, const torch::Tensor& fake, const torch::Tensor& labels) {
    torch::Tensor x = fake.detach().clone().requires_grad_(true);
    const torch::Tensor loss = generatorLossPerSample(run.options().objective, run.criticScores(x, labels)).sum();
    const torch::Tensor grad = torch::autograd::grad({loss}, {x})[0];
    return toVector(-grad);
}

// GP lines: the last GP step's pairs, or (runs without GP) 64 fresh pairs from the display sets. Pushes the
// pairs, their interpolates and ||grad_x D|| there (when there are any) and the histogram of all norms (always).
void addPenaltyLines(GanRun& run, const torch::Tensor& real, const torch::Tensor& fake, std::vector<Quantity>& parts) {
    const int dim = run.dim();
    Segments pairs;
    PointSet interp;
    ScalarSamples norms;
    pairs.dim = interp.dim = dim;
    std::vector<float> all_norms;
    if (const GradientPenaltyResult* gp = run.lastPenalty()) {
        const int64_t n = std::min<int64_t>(kGpLines, gp->real.size(0));
        pairs.from = toVector(gp->real.slice(0, 0, n));
        pairs.to = toVector(gp->fake.slice(0, 0, n));
        interp.coords = toVector(gp->interp.slice(0, 0, n));
        norms.values = toVector(gp->grad_norm.slice(0, 0, n));
        all_norms = toVector(gp->grad_norm);
    } else if (real.defined() && fake.defined()) {
        const int64_t n = std::min<int64_t>({kGpLines, real.size(0), fake.size(0)});
        const torch::Tensor r = real.slice(0, 0, n), f = fake.slice(0, 0, n);
        // Fixed interpolation weights so the lines do not flicker between frames.
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(12345);
        const torch::Tensor a = torch::rand({n, 1}, gen);
        const torch::Tensor mixed = a * r + (1 - a) * f;
        pairs.from = toVector(r);
        pairs.to = toVector(f);
        interp.coords = toVector(mixed);
        norms.values = toVector(inputGradientNorm(run.pointCritic(), mixed));
        all_norms = norms.values;
    }
    float max_norm = 2.0f;
    for (float v : all_norms) {
        if (std::isfinite(v)) max_norm = std::max(max_norm, v);
    }
    norms.lo = 0;
    norms.hi = max_norm;
    Histogram histogram = makeHistogram(all_norms, 0.0, max_norm, kHistogramBins);
    if (!interp.coords.empty() && !norms.values.empty()) {
        parts.push_back({quantity_names::kGpPairs, std::move(pairs)});
        parts.push_back({quantity_names::kGpInterpolates, std::move(interp)});
        parts.push_back({quantity_names::kGpGradNorm, std::move(norms)});
    }
    parts.push_back({quantity_names::kGpNorms, std::move(histogram)});
}

// The conditional run's label quantities: y of each fake, the component of each real sample (the sampler's,
// or the nearest mode when the run turned conditional after its display samples were drawn).
void addConditionLabels(const ToyCondition& condition, const torch::Tensor& real_labels, const torch::Tensor& real,
                        const torch::Tensor& fake_labels, std::vector<Quantity>& parts) {
    const auto labelsOf = [&](const torch::Tensor& labels) {
        PointLabels out;
        out.classes = condition.labelCount();
        const torch::Tensor c = labels.to(torch::kLong).contiguous();
        out.labels.assign(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
        return out;
    };
    if (fake_labels.defined()) parts.push_back({quantity_names::kFakeLabels, labelsOf(fake_labels)});
    if (!real.defined()) return;
    const bool drawn = real_labels.defined() && real_labels.size(0) == real.size(0);
    parts.push_back({quantity_names::kRealLabels, labelsOf(drawn ? real_labels : condition.nearestLabels(real))});
}

// Histogram of every D parameter; the range covers +-clip when clipping.
Histogram weightHistogram(GanRun& run) {
    std::vector<float> values;
    for (const auto& p : run.critic()->parameters()) {
        const std::vector<float> v = toVector(p);
        values.insert(values.end(), v.begin(), v.end());
    }
    double range = 1e-3;
    if (run.options().lipschitz == Lipschitz::WeightClip) {
        range = 1.1 * run.options().clip;
    } else {
        for (float v : values) {
            if (std::isfinite(v)) range = std::max(range, static_cast<double>(std::fabs(v)));
        }
    }
    return makeHistogram(values, -range, range, kHistogramBins);
}

}  // namespace

Histogram makeHistogram(const std::vector<float>& values, double lo, double hi, int bins) {
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    h.counts.assign(static_cast<size_t>(bins), 0.0f);
    const double scale = bins / std::max(hi - lo, 1e-12);
    for (float v : values) {
        if (!std::isfinite(v)) continue;
        const double f = std::clamp(std::floor((v - lo) * scale), 0.0, static_cast<double>(bins - 1));  // clamp before the cast
        const int bin = static_cast<int>(f);
        h.counts[static_cast<size_t>(bin)] += 1.0f;
    }
    return h;
}

RunSnapshot buildRunSnapshot(GanRun& run, const SnapshotContext& context, bool full) {
    const RunSpec& spec = run.spec();
    const ToyGanSpec& toy = run.options();
    const int dim = run.dim();
    RunSnapshot out = runSnapshotHeader(spec, run.status(), run.statusReason(), run.step());
    out.metrics = run.metrics();
    // Every toy snapshot has its modes (none for non-mixtures): the metrics table counts them, and they carry
    // the data's dimension when the rest is left out.
    ModeMarkers modes;
    modes.dim = dim;
    modes.modes = context.modes;
    modes.covered = run.modeCovered();
    modes.covered.resize(modes.modes.size(), false);
    modes.hq_share = run.metrics().last("hq_share");
    out.parts.reserve(full ? 20 : 1);
    out.parts.push_back({quantity_names::kModes, std::move(modes)});
    if (!full) return out;

    std::vector<Quantity>& parts = out.parts;
    const int nx = context.nx, ny = dim == 1 ? 1 : context.ny;
    torch::Tensor real, fake;
    {
        torch::NoGradGuard no_grad;
        if (context.data && run.displayReal().defined()) real = run.displayReal();
        if (run.fixedDistribution()) {
            fake = run.displayFixedFake();
        } else {
            fake = run.generator()->forward(run.displayLatent());
            // A conditional run's latent also holds y's one-hot columns: only z is published.
            parts.push_back({quantity_names::kLatent, PointSet{toy.latent_dim, toVector(run.displayLatent().narrow(1, 0, toy.latent_dim))}});
        }
    }
    // A conditional run's labels: y of each fake (its latent's one-hot), the component of each real sample.
    torch::Tensor fake_labels;
    if (run.condition() && fake.defined()) fake_labels = run.condition()->labelsOf(run.displayLatent());
    if (run.condition()) addConditionLabels(*run.condition(), run.displayRealLabels(), real, fake_labels, parts);
    PointSet real_points{dim, {}}, fake_points{dim, {}};
    if (real.defined()) real_points.coords = toVector(real);
    if (fake.defined()) {
        fake_points.coords = toVector(fake);
        // The markers judge the dots on screen (same definition as the metric), not the last metric evaluation.
        judgeModeMarkers(*findQuantity<ModeMarkers>(parts, quantity_names::kModes), fake_points.coords, dim);
        parts.push_back({quantity_names::kGeneratorPush, PointSet{dim, generatorPush(run, fake, fake_labels)}});
        if (isSigmoidObjective(toy.objective)) {
            // D(G(z)) of the same batch, for the loss-shape view (a probability only for JS-type objectives).
            torch::NoGradGuard no_grad;
            ScalarSamples scores;
            scores.values = toVector(displayedDiscriminator(toy.objective, run.criticScores(fake, fake_labels)).reshape({-1}));
            parts.push_back({quantity_names::kGeneratorScores, std::move(scores)});
        }
    }

    // D on the field box (the view box widened so that wide panels are covered).
    const Bounds box = fieldBox(context.view, dim);
    const torch::Tensor points = gridPoints(box, nx, ny, dim);
    const Objective objective = toy.objective;
    parts.push_back({quantity_names::kDiscriminator,
                     makeField(box, nx, ny, evaluateChunked(points, [&](const torch::Tensor& x) {
                                   return displayedDiscriminator(objective, run.criticScores(x));
                               }))});

    // Densities: analytic where known, binned KDE of the display samples otherwise.
    const Distribution* fixed = run.fixedDistribution();
    FieldGrid p_data, p_g;
    if (context.data && context.data->hasDensity()) {
        p_data = densityGrid(*context.data, box, nx, ny);
    } else if (!real_points.coords.empty()) {
        p_data = kernelDensity(real_points.coords, dim, box, nx, ny);
    }
    if (fixed && fixed->hasDensity()) {
        p_g = densityGrid(*fixed, box, nx, ny);
    } else if (!fake_points.coords.empty()) {
        p_g = kernelDensity(fake_points.coords, dim, box, nx, ny);
    }
    if (context.data && context.data->hasDensity() && !p_g.empty()) {
        // D* = p_data / (p_data + p_G) where at least one density has real mass. In the far tails it is a
        // ratio of two vanishing numbers (0/0 past the KDE's and the density's cut-offs), whose contour
        // drew jagged D* = 1/2 boxes and fragments: left undefined (NaN) there.
        std::vector<float> d_star(p_data.values.size());
        const auto peak = [](const std::vector<float>& v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); };
        const double p_floor = kOptimalMassFloor * peak(p_data.values);
        const double q_floor = kOptimalMassFloor * peak(p_g.values);
        for (size_t i = 0; i < d_star.size(); ++i) {
            const double p = p_data.values[i], q = p_g.values[i];
            d_star[i] = p > p_floor || q > q_floor ? static_cast<float>(optimalDiscriminator(p, q)) : std::nanf("");
        }
        parts.push_back({quantity_names::kOptimalDiscriminator, makeField(box, nx, ny, std::move(d_star))});
    }
    if (!p_data.empty()) parts.push_back({quantity_names::kDataDensity, std::move(p_data)});
    if (!p_g.empty()) parts.push_back({quantity_names::kGeneratorDensity, std::move(p_g)});

    PointGrid manifold = generatorManifold(run);
    if (manifold.complete()) parts.push_back({quantity_names::kManifold, std::move(manifold)});
    addPenaltyLines(run, real, fake, parts);
    parts.push_back({quantity_names::kWeights, weightHistogram(run)});
    if (!real_points.coords.empty()) parts.push_back({quantity_names::kReal, std::move(real_points)});
    if (!fake_points.coords.empty()) parts.push_back({quantity_names::kFake, std::move(fake_points)});
    return out;
}

}  // namespace ganarium
