// snapshot_builder.cpp — the per-run picture: samples, fields, manifold, GP lines, histograms.
#include "train/snapshot_builder.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "core/metrics.h"
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
// (other coordinates 0); otherwise a line along z0.
void fillManifold(GanRun& run, RunSnapshot& out) {
    if (run.fixedDistribution()) return;
    const int latent_dim = run.spec().latent_dim;
    const double extent = latentExtent(run.spec().latent);
    torch::Tensor z;
    if (run.dim() == 2 && latent_dim >= 2) {
        const torch::Tensor axis = torch::linspace(-extent, extent, kManifoldSide);
        z = torch::zeros({kManifoldSide * kManifoldSide, latent_dim});
        // u (z0) varies fastest: index iv * nu + iu.
        z.select(1, 0).copy_(axis.repeat({kManifoldSide}));
        z.select(1, 1).copy_(axis.repeat_interleave(kManifoldSide));
        out.manifold_nu = kManifoldSide;
        out.manifold_nv = kManifoldSide;
    } else {
        z = torch::zeros({kManifoldLine, latent_dim});
        z.select(1, 0).copy_(torch::linspace(-extent, extent, kManifoldLine));
        out.manifold_nu = kManifoldLine;
        out.manifold_nv = 1;
    }
    torch::NoGradGuard no_grad;
    out.manifold = toVector(run.generator()->forward(z));
}

// -dLoss_G/dx at each fake sample: the direction the generator loss pushes that sample.
std::vector<float> generatorPush(GanRun& run, const torch::Tensor& fake) {
    torch::Tensor x = fake.detach().clone().requires_grad_(true);
    const torch::Tensor loss = generatorLossPerSample(run.spec().objective, run.critic()->forward(x)).sum();
    const torch::Tensor grad = torch::autograd::grad({loss}, {x})[0];
    return toVector(-grad);
}

// GP lines: the last GP step's pairs, or (runs without GP) 64 fresh pairs from the display sets.
void fillPenaltyLines(GanRun& run, const torch::Tensor& real, const torch::Tensor& fake, RunSnapshot& out) {
    std::vector<float> all_norms;
    if (const GradientPenaltyResult* gp = run.lastPenalty()) {
        const int64_t n = std::min<int64_t>(kGpLines, gp->real.size(0));
        out.gp_real = toVector(gp->real.slice(0, 0, n));
        out.gp_fake = toVector(gp->fake.slice(0, 0, n));
        out.gp_interp = toVector(gp->interp.slice(0, 0, n));
        out.gp_grad_norm = toVector(gp->grad_norm.slice(0, 0, n));
        all_norms = toVector(gp->grad_norm);
    } else if (real.defined() && fake.defined()) {
        const int64_t n = std::min<int64_t>({kGpLines, real.size(0), fake.size(0)});
        const torch::Tensor r = real.slice(0, 0, n), f = fake.slice(0, 0, n);
        // Fixed interpolation weights so the lines do not flicker between frames.
        at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(12345);
        const torch::Tensor a = torch::rand({n, 1}, gen);
        const torch::Tensor interp = a * r + (1 - a) * f;
        out.gp_real = toVector(r);
        out.gp_fake = toVector(f);
        out.gp_interp = toVector(interp);
        out.gp_grad_norm = toVector(inputGradientNorm(run.critic(), interp));
        all_norms = out.gp_grad_norm;
    }
    float max_norm = 2.0f;
    for (float v : all_norms) {
        if (std::isfinite(v)) max_norm = std::max(max_norm, v);
    }
    out.gp_norms = makeHistogram(all_norms, 0.0, max_norm, kHistogramBins);
}

// Histogram of every D parameter; the range covers +-clip when clipping.
Histogram weightHistogram(GanRun& run) {
    std::vector<float> values;
    for (const auto& p : run.critic()->parameters()) {
        const std::vector<float> v = toVector(p);
        values.insert(values.end(), v.begin(), v.end());
    }
    double range = 1e-3;
    if (run.spec().lipschitz == Lipschitz::WeightClip) {
        range = 1.1 * run.spec().clip;
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
    RunSnapshot out;
    out.name = spec.name.empty() ? runLabel(spec) : spec.name;
    out.objective = objectiveName(spec.objective);
    out.lipschitz = lipschitzName(spec.lipschitz);
    out.critic = isCriticObjective(spec.objective);
    out.status = run.status();
    out.status_reason = run.statusReason();
    out.step = run.step();
    out.dim = run.dim();
    out.latent_dim = spec.latent_dim;
    out.clip = spec.lipschitz == Lipschitz::WeightClip ? spec.clip : 0.0;
    out.modes = context.modes;
    out.mode_covered = run.modeCovered();
    out.mode_covered.resize(out.modes.size(), false);
    out.metrics = run.metrics();
    if (!full) return out;

    const int dim = run.dim();
    const int nx = context.nx, ny = dim == 1 ? 1 : context.ny;
    torch::Tensor real, fake;
    {
        torch::NoGradGuard no_grad;
        if (context.data && run.displayReal().defined()) real = run.displayReal();
        if (run.fixedDistribution()) {
            fake = run.displayFixedFake();
        } else {
            fake = run.generator()->forward(run.displayLatent());
            out.latent = toVector(run.displayLatent());
        }
    }
    if (real.defined()) out.real = toVector(real);
    if (fake.defined()) {
        out.fake = toVector(fake);
        out.fake_push = generatorPush(run, fake);
        if (isSigmoidObjective(spec.objective)) {
            // D(G(z)) of the same batch, for the loss-shape view (a probability only for JS-type objectives).
            torch::NoGradGuard no_grad;
            ScalarSamples scores;
            scores.values = toVector(displayedDiscriminator(spec.objective, run.critic()->forward(fake)).reshape({-1}));
            out.parts.push_back({quantity_names::kGeneratorScores, std::move(scores)});
        }
    }

    // D on the field box (the view box widened so that wide panels are covered).
    const Bounds box = fieldBox(context.view, dim);
    const torch::Tensor points = gridPoints(box, nx, ny, dim);
    const Objective objective = spec.objective;
    out.d_field = makeField(box, nx, ny, evaluateChunked(points, [&](const torch::Tensor& x) {
                                return displayedDiscriminator(objective, run.critic()->forward(x));
                            }));

    // Densities: analytic where known, binned KDE of the display samples otherwise.
    const Distribution* fixed = run.fixedDistribution();
    if (context.data && context.data->hasDensity()) {
        out.p_data = densityGrid(*context.data, box, nx, ny);
    } else if (!out.real.empty()) {
        out.p_data = kernelDensity(out.real, dim, box, nx, ny);
    }
    if (fixed && fixed->hasDensity()) {
        out.p_g = densityGrid(*fixed, box, nx, ny);
    } else if (!out.fake.empty()) {
        out.p_g = kernelDensity(out.fake, dim, box, nx, ny);
    }
    if (context.data && context.data->hasDensity() && !out.p_g.empty()) {
        // D* = p_data / (p_data + p_G) where at least one density has real mass. In the far tails it is a
        // ratio of two vanishing numbers (0/0 past the KDE's and the density's cut-offs), whose contour
        // drew jagged D* = 1/2 boxes and fragments: left undefined (NaN) there.
        std::vector<float> d_star(out.p_data.values.size());
        const auto peak = [](const std::vector<float>& v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); };
        const double p_floor = kOptimalMassFloor * peak(out.p_data.values);
        const double q_floor = kOptimalMassFloor * peak(out.p_g.values);
        for (size_t i = 0; i < d_star.size(); ++i) {
            const double p = out.p_data.values[i], q = out.p_g.values[i];
            d_star[i] = p > p_floor || q > q_floor ? static_cast<float>(optimalDiscriminator(p, q)) : std::nanf("");
        }
        out.d_optimal = makeField(box, nx, ny, std::move(d_star));
    }

    fillManifold(run, out);
    fillPenaltyLines(run, real, fake, out);
    out.d_weights = weightHistogram(run);
    return out;
}

}  // namespace ganarium
