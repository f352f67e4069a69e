// toy_parts.h — the toy GAN's quantities of one run, looked up by name once
// per draw (a struct of const pointers into the snapshot's `parts`). A
// quantity the run did not publish is null, and the views draw nothing for it.
#pragma once

#include "core/snapshot.h"

namespace ganarium {

// The toy quantities of a run; each pointer is null when the run has no such quantity.
struct ToyParts {
    const PointSet* real = nullptr;            // display samples of the data
    const PointSet* fake = nullptr;            // generated samples
    const PointSet* latent = nullptr;          // z of each generated sample (dim = latent_dim)
    const PointSet* push = nullptr;            // -dLoss_G/dx at each generated sample
    const FieldGrid* d_field = nullptr;        // D(x) or the critic f(x)
    const FieldGrid* d_optimal = nullptr;      // D*
    const FieldGrid* p_data = nullptr;         // data density
    const FieldGrid* p_g = nullptr;            // generator density
    const PointGrid* manifold = nullptr;       // G over a latent grid
    const Segments* gp_pairs = nullptr;        // GP pairs real -> fake
    const PointSet* gp_interp = nullptr;       // their interpolates
    const ScalarSamples* gp_grad_norm = nullptr;  // ||grad D|| at each interpolate
    const Histogram* d_weights = nullptr;      // all D weights
    const Histogram* gp_norms = nullptr;       // ||grad D|| at every interpolate of the batch
    const ModeMarkers* modes = nullptr;        // mixture modes and whether each is covered
    const PointLabels* fake_labels = nullptr;  // conditional runs: y of each generated sample
    const PointLabels* real_labels = nullptr;  // conditional runs: the component of each real sample

    // True when the run has GP lines to draw (pairs, interpolates and their norms).
    bool hasGp() const {
        return gp_pairs && gp_interp && gp_grad_norm && !gp_interp->coords.empty() && !gp_grad_norm->values.empty();
    }
    // True when the run has mixture modes.
    bool hasModes() const { return modes && !modes->modes.empty(); }
    // True when the generated samples carry one condition label each (the views colour them by it).
    bool labelledFakes() const { return fake && fake_labels && fake_labels->labels.size() == fake->size(); }
    // True when the real samples carry one component label each.
    bool labelledReals() const { return real && real_labels && real_labels->labels.size() == real->size(); }
    // True when the run has a drawable generator manifold (at least two points along u).
    bool hasManifold() const { return manifold && manifold->nu > 1 && manifold->complete(); }
};

// Looks up the toy quantities of `run` (quantity_names).
ToyParts findToyParts(const RunSnapshot& run);

// True when `field` is present and holds values.
inline bool hasField(const FieldGrid* field) { return field && !field->empty(); }

// True when `points` is present and holds at least one point.
inline bool hasPoints(const PointSet* points) { return points && points->size() > 0; }

// The dimension of the run's data quantities (samples, else modes); 0 when it has none.
int toyDataDimension(const RunSnapshot& run);

}  // namespace ganarium
