// snapshot_builder.h — turns one toy run's live state into a plain RunSnapshot
// of named quantities (core/quantity.h): display samples and where G is
// pushed, D on the view grid, D*, density grids, the generator manifold,
// gradient-penalty lines, histograms and the mixture modes.
// Only reads the run (its fixed display streams), never changes training.
#pragma once

#include <vector>

#include "core/distribution.h"
#include "core/snapshot.h"
#include "train/gan_run.h"

namespace ganarium {

// What building a run snapshot needs besides the run.
struct SnapshotContext {
    const Distribution* data = nullptr;  // null while custom data is empty
    std::vector<Mode> modes;
    Bounds view;
    int nx = 64, ny = 64;                // field resolution (1D: ny = 1)
    bool heavy = true;  // false: image runs reuse the slow parts of their previous snapshot (snapshot_cadence.h)
};

// Number of gradient-penalty lines kept in a snapshot.
constexpr int kGpLines = 64;
// Latent grid side of the 2D-latent manifold.
constexpr int kManifoldSide = 24;
// Latent samples along a 1D manifold line.
constexpr int kManifoldLine = 128;
// Bins of the weight and gradient-norm histograms.
constexpr int kHistogramBins = 64;

// Builds the snapshot of `run`; `full` = false leaves out samples, fields and geometry (header, metrics and
// the modes only). For JS-type objectives `parts` also gets D(G(z)) of the display batch (kGeneratorScores).
// Each vector is built once and moved into `parts`.
RunSnapshot buildRunSnapshot(GanRun& run, const SnapshotContext& context, bool full);

// Histogram of `values` over [lo, hi] with `bins` bins (values outside are clamped into the end bins).
Histogram makeHistogram(const std::vector<float>& values, double lo, double hi, int bins);

}  // namespace ganarium
