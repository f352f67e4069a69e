// cycle_gan_snapshot.cpp — a toy CycleGAN's picture: fixed display points of
// both domains with their translations and reconstructions (PointPaths,
// labelled with the mode each came from), both domains' mode markers (each
// judged by the points translated into it) and the mode-to-mode mapping
// matrix of X -> Y (rows: X modes, columns: Y modes, each row's shares).
#include "core/metrics.h"
#include "core/mode_mapping.h"
#include "core/snapshot_header.h"
#include "train/cycle_gan_run.h"
#include "train/seeds.h"

namespace ganarium {
namespace {

// Paths start -> first -> second, labelled with the nearest of `modes` to each start (-1 without modes).
PointPaths cyclePaths(const std::vector<float>& start, const std::vector<float>& first, const std::vector<float>& second,
                      const std::vector<Mode>& modes) {
    PointPaths paths;
    const size_t n = start.size() / 2;
    paths.coords.reserve(n * 6);
    paths.labels.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        for (const std::vector<float>* points : {&start, &first, &second}) {
            paths.coords.push_back((*points)[2 * i]);
            paths.coords.push_back((*points)[2 * i + 1]);
        }
        paths.labels.push_back(modes.empty() ? -1 : nearestMode(modes, start[2 * i], start[2 * i + 1]));
    }
    return paths;
}

// A domain's mode markers, judged by the points translated into it.
ModeMarkers domainMarkers(const std::vector<Mode>& modes, const std::vector<float>& arrivals) {
    ModeMarkers markers;
    markers.modes = modes;
    markers.covered.assign(modes.size(), false);
    judgeModeMarkers(markers, arrivals, 2);
    return markers;
}

// The mapping's rows as shares (each row of counts divided by its sum), on a grid of Y modes x X modes.
FieldGrid mappingGrid(const ModeMapping& mapping) {
    FieldGrid grid;
    grid.nx = mapping.cols;
    grid.ny = mapping.rows;
    grid.box = Bounds{0, static_cast<double>(mapping.cols), 0, static_cast<double>(mapping.rows)};
    grid.values.assign(mapping.counts.size(), 0.0f);
    for (int r = 0; r < mapping.rows; ++r) {
        double sum = 0;
        for (int c = 0; c < mapping.cols; ++c) sum += mapping.counts[static_cast<size_t>(r * mapping.cols + c)];
        for (int c = 0; c < mapping.cols && sum > 0; ++c)
            grid.values[static_cast<size_t>(r * mapping.cols + c)] =
                static_cast<float>(mapping.counts[static_cast<size_t>(r * mapping.cols + c)] / sum);
    }
    return grid;
}

}  // namespace

RunSnapshot CycleGanRun::snapshot(const SnapshotContext&, bool full) {
    RunSnapshot out = runSnapshotHeader(spec_, status_, reason_, step_);
    out.metrics = MetricLogView(metrics_);
    if (!full) return out;
    // The same display points at every snapshot, so the picture changes only with the networks.
    Rng rng(deriveSeed(seed_, SeedStream::Display));
    const std::vector<float> x = sampleVector(*x_data_, kCycleDisplaySamples, rng);
    const std::vector<float> y = sampleVector(*y_data_, kCycleDisplaySamples, rng);
    const std::vector<float> xy = translateXY(x, rng), yx = translateYX(y, rng);
    const std::vector<float> xyx = translateYX(xy, rng), yxy = translateXY(yx, rng);
    const std::vector<Mode> x_modes = x_data_->modes(), y_modes = y_data_->modes();
    out.parts.push_back({quantity_names::kCyclePathsX, cyclePaths(x, xy, xyx, x_modes)});
    out.parts.push_back({quantity_names::kCyclePathsY, cyclePaths(y, yx, yxy, y_modes)});
    out.parts.push_back({quantity_names::kModesX, domainMarkers(x_modes, yx)});
    out.parts.push_back({quantity_names::kModesY, domainMarkers(y_modes, xy)});
    if (!x_modes.empty() && !y_modes.empty())
        out.parts.push_back({quantity_names::kModeMapping, mappingGrid(modeMapping(x_modes, y_modes, x, xy))});
    return out;
}

}  // namespace ganarium
