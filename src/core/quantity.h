// quantity.h — the named pieces a run snapshot is made of (polyscope's
// structure/quantity idea): a run publishes quantities, and the view
// registry (views/view_registry.h) picks views by the kinds it finds, never
// by asking what kind of run it is. Plain data only: no tensors, no GL.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/snapshot_types.h"

namespace ganarium {

// Points of any dimension, row after row: coords[i * dim + d]. Samples of 1D or 2D data, latent codes,
// markers in the plane (an equilibrium, a start point), or one vector per point of another set (the push
// on each generated sample).
struct PointSet {
    int dim = 2;
    std::vector<float> coords;
    // Number of points.
    size_t size() const { return dim > 0 ? coords.size() / static_cast<size_t>(dim) : 0; }
    // Coordinate `d` of point `i`.
    float at(size_t i, int d) const { return coords[i * static_cast<size_t>(dim) + static_cast<size_t>(d)]; }
};

// Line segments from[i] -> to[i], each stored like a PointSet's coords (e.g. gradient-penalty pairs real -> fake).
struct Segments {
    int dim = 2;
    std::vector<float> from, to;
    // Number of segments.
    size_t size() const { return dim > 0 ? std::min(from.size(), to.size()) / static_cast<size_t>(dim) : 0; }
};

// Points over a regular nu x nv parameter grid, u fastest: coords[((iv * nu) + iu) * dim + d]. A curve
// has nv == 1 (e.g. the generator over a latent grid or line).
struct PointGrid {
    int nu = 0, nv = 0, dim = 2;
    std::vector<float> coords;
    // Coordinate `d` of the point at (iu, iv).
    float at(int iu, int iv, int d) const {
        return coords[(static_cast<size_t>(iv) * static_cast<size_t>(nu) + static_cast<size_t>(iu)) * static_cast<size_t>(dim) +
                      static_cast<size_t>(d)];
    }
    // True when coords holds all nu x nv points.
    bool complete() const {
        return nu > 0 && nv > 0 && coords.size() >= static_cast<size_t>(nu) * static_cast<size_t>(nv) * static_cast<size_t>(dim);
    }
};

// Mixture modes in data space of dimension `dim`, each with a covered flag (same length as modes). Full snapshots judge the fakes on screen (kFake), so markers, count and
// share describe the dots drawn; metrics-only snapshots carry the last metric evaluation's verdict.
struct ModeMarkers {
    int dim = 2;
    std::vector<Mode> modes;
    std::vector<bool> covered;
    double hq_share = std::numeric_limits<double>::quiet_NaN();  // share of high-quality samples (NaN: unknown)
    // How many modes are covered.
    int coveredCount() const {
        int n = 0;
        for (size_t i = 0; i < modes.size() && i < covered.size(); ++i) n += covered[i] ? 1 : 0;
        return n;
    }
};

// A 2D vector field sampled at grid cell centres over `box`: (u, v)[iy * nx + ix].
struct VectorField {
    Bounds box;
    int nx = 0, ny = 0;
    std::vector<float> u, v;
};

// A path in the plane in time order, x0,y0,x1,y1,...; `steps[i]` is the step of point i.
struct Trajectory {
    std::vector<float> xy;
    std::vector<int64_t> steps;
};

// Scalar samples (e.g. D(G(z)) of the current batch) with the range they live on.
struct ScalarSamples {
    double lo = 0, hi = 1;
    std::vector<float> values;
};

// rows x cols grey images of side x side pixels, brightness in [0, 1]; tile (r, c) starts at
// pixels[(r * cols + c) * side * side] and is row-major, top row first.
struct ImageGrid {
    int rows = 0, cols = 0, side = 0;
    std::vector<float> pixels;
    std::vector<int> row_classes;  // a conditional run's grid: the Fashion-MNIST label of each row (empty: none)
};

// Image tiles in columns, a number under each column, and the sample-grid tiles they refer to: the progress
// strip (rows = z, columns = capture steps), the latent interpolation (one row from A to B) and the nearest
// training neighbour (sample, its neighbour, a test image, its neighbour).
struct ImageStrip {
    ImageGrid images;
    std::vector<double> column_values;  // one per column (a step, a position t, a distance); NaN: none
    std::vector<int> tiles;             // tiles of the sample grid the strip belongs to (e.g. A and B)
};

// One class label per point of another PointSet (0..classes-1): the conditional toy GAN's y of each
// generated and real display sample, which the data views colour by.
struct PointLabels {
    int classes = 0;
    std::vector<int> labels;
};

// n paths of `length` points each (dimension `dim`), path i at coords[i * length * dim ...], with a label per
// path (e.g. the mode its first point came from; -1: none). The toy CycleGAN's triplets x -> G_XY(x) -> G_YX(G_XY(x)).
struct PointPaths {
    int dim = 2, length = 3;
    std::vector<float> coords;
    std::vector<int> labels;
    // Number of paths.
    size_t size() const { return dim > 0 && length > 0 ? coords.size() / static_cast<size_t>(dim * length) : 0; }
    // Coordinate `d` of point `k` of path `i`.
    float at(size_t i, int k, int d) const {
        return coords[(i * static_cast<size_t>(length) + static_cast<size_t>(k)) * static_cast<size_t>(dim) +
                      static_cast<size_t>(d)];
    }
};

// One named quantity of a run.
struct Quantity {
    std::string name;
    std::variant<PointSet, Segments, PointGrid, ModeMarkers, VectorField, Trajectory, ScalarSamples, FieldGrid, Histogram,
                 ImageGrid, ImageStrip, PointLabels, PointPaths>
        data;
};

// The quantity named `name` holding a T, or null.
template <typename T>
const T* findQuantity(const std::vector<Quantity>& parts, const std::string& name) {
    for (const Quantity& q : parts) {
        if (q.name == name) return std::get_if<T>(&q.data);
    }
    return nullptr;
}

// The same, writable (tests and producers that edit a picture before publishing it).
template <typename T>
T* findQuantity(std::vector<Quantity>& parts, const std::string& name) {
    for (Quantity& q : parts) {
        if (q.name == name) return std::get_if<T>(&q.data);
    }
    return nullptr;
}

// Sets the quantity `name` to `value` (replacing one of that name, else appending) and returns it.
template <typename T>
T& setQuantity(std::vector<Quantity>& parts, const std::string& name, T value) {
    for (Quantity& q : parts) {
        if (q.name == name) return q.data.emplace<T>(std::move(value));
    }
    parts.push_back({name, std::move(value)});
    return std::get<T>(parts.back().data);
}

// True when some quantity holds a T.
template <typename T>
bool hasQuantityOfKind(const std::vector<Quantity>& parts) {
    for (const Quantity& q : parts) {
        if (std::holds_alternative<T>(q.data)) return true;
    }
    return false;
}

// Names of the quantities runs publish (one list, shared by producers and views).
namespace quantity_names {
inline const char* const kPhaseField = "phase_field";       // VectorField over (theta, psi)
inline const char* const kTrajectory = "trajectory";        // Trajectory of (theta, psi)
inline const char* const kEquilibrium = "equilibrium";      // PointSet
inline const char* const kStart = "start";                  // PointSet
inline const char* const kGeneratorScores = "d_of_gz";      // ScalarSamples: D(G(z)) of the display batch
// The image GAN's picture.
inline const char* const kImageSamples = "image_samples";   // ImageGrid: G of the run's fixed z (8x8)
inline const char* const kImageReal = "image_real";         // ImageGrid: real training images (8x8)
inline const char* const kScoresReal = "d_scores_real";     // Histogram: D's displayed score on real images
inline const char* const kScoresFake = "d_scores_fake";     // Histogram: the same on generated images (same bins)
inline const char* const kClassesGenerated = "classes_generated";  // Histogram [0, 10): % of samples per class (classifier)
inline const char* const kClassesData = "classes_data";            // Histogram [0, 10): % of the run's data per class
inline const char* const kImageProgress = "image_progress";  // ImageStrip: a few fixed z (rows) at capture steps (values)
inline const char* const kImageInterpolation = "image_interpolation";  // ImageStrip: G on z from A to B (values: t)
inline const char* const kImageNeighbour = "image_neighbour";  // ImageStrip: A, its nearest training image, a test image, its
                                                               // nearest (values: NaN, distance, NaN, distance)
// The toy GAN's picture (dimension 1 or 2 = the data's).
inline const char* const kReal = "real";                    // PointSet: real samples drawn for display
inline const char* const kFake = "fake";                    // PointSet: generated samples G(z) of the display batch
inline const char* const kLatent = "latent";                // PointSet (dim = latent_dim): the z of each fake sample
inline const char* const kGeneratorPush = "fake_push";      // PointSet: -dLoss_G/dx at each fake sample (one vector per point)
inline const char* const kDiscriminator = "d_field";        // FieldGrid: D(x) in [0,1], or f(x) for critics (1D: ny == 1)
inline const char* const kOptimalDiscriminator = "d_optimal";  // FieldGrid: D* = p_data/(p_data+p_G); NaN without mass
inline const char* const kDataDensity = "p_data";           // FieldGrid: density of the data
inline const char* const kGeneratorDensity = "p_g";         // FieldGrid: density of the generator
inline const char* const kManifold = "manifold";            // PointGrid: G over a latent grid (1D latent: nv == 1)
inline const char* const kGpPairs = "gp_pairs";             // Segments: gradient-penalty pairs real -> fake
inline const char* const kGpInterpolates = "gp_interp";     // PointSet: the interpolates of those pairs
inline const char* const kGpGradNorm = "gp_grad_norm";      // ScalarSamples: ||grad_x D|| at each interpolate
inline const char* const kWeights = "d_weights";            // Histogram: all D weights (clipping piles up at +-clip)
inline const char* const kGpNorms = "gp_norms";             // Histogram: ||grad_x D|| at every interpolate of the batch
inline const char* const kModes = "modes";                  // ModeMarkers: mixture centres (none for other data)
// The conditional toy GAN (conditional = true): the condition y of each display sample.
inline const char* const kFakeLabels = "fake_labels";       // PointLabels: y of each `fake` sample (G(z, y))
inline const char* const kRealLabels = "real_labels";       // PointLabels: the component of each `real` sample
// The toy CycleGAN's picture (both domains 2D).
inline const char* const kCyclePathsX = "cycle_paths_x";    // PointPaths: x -> G_XY(x) -> G_YX(G_XY(x)), label = x's X mode
inline const char* const kCyclePathsY = "cycle_paths_y";    // PointPaths: y -> G_YX(y) -> G_XY(G_YX(y)), label = y's Y mode
inline const char* const kModesX = "modes_x";               // ModeMarkers: X's mode centres (covered: hit by G_YX(y))
inline const char* const kModesY = "modes_y";               // ModeMarkers: Y's mode centres (covered: hit by G_XY(x))
inline const char* const kModeMapping = "mode_mapping";     // FieldGrid: nx = Y modes, ny = X modes, share of X mode row
                                                            // whose G_XY lands nearest each Y mode (rows sum to 1)
}  // namespace quantity_names

}  // namespace ganarium
