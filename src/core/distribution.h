// distribution.h — toy data distributions: a sampler and, where one exists,
// the analytic density, so metrics against P_data are exact.
#pragma once

#include <memory>
#include <vector>

#include "core/rng.h"
#include "core/scene_spec.h"
#include "core/snapshot.h"

namespace ganarium {

// A 1D or 2D distribution that can be sampled and (usually) evaluated.
class Distribution {
public:
    virtual ~Distribution() = default;
    // 1 or 2.
    virtual int dim() const = 0;
    // Writes n samples (n x dim floats, row-major) drawn with `rng` into out.
    virtual void sample(int n, Rng& rng, float* out) const = 0;
    // Like sample(), with the same draws, and also the mixture component of each sample in labels[i]
    // (0..modes().size()-1; the conditional toy GAN's y). Throws UserError for families without components.
    virtual void sampleLabelled(int n, Rng& rng, float* out, int* labels) const;
    // True when density() is the exact analytic density.
    virtual bool hasDensity() const = 0;
    // Density at x (dim values); 0 where there is no mass. Only valid if hasDensity().
    virtual double density(const double* x) const = 0;
    // Mixture components (centre + std) for mode metrics; empty if not a mixture.
    virtual std::vector<Mode> modes() const { return {}; }
    // Mixture weights, normalised, one per modes() entry (empty when modes() is empty).
    virtual std::vector<double> modeWeights() const { return {}; }
    // A box holding essentially all the mass, with a margin, for views and grids.
    virtual Bounds bounds() const = 0;
    // Probability mass in the cell [lo, hi] (dim values each); exact for Gaussian
    // mixtures and 1D families, a 4x4 midpoint rule otherwise. Only valid if hasDensity().
    virtual double cellMass(const double* lo, const double* hi) const;
};

// Builds the distribution a DataSpec describes. Throws SceneError on bad parameters.
std::unique_ptr<Distribution> makeDistribution(const DataSpec& spec);

// The analytic density at every cell centre of an nx x ny grid over `box`
// (ny == 1 in 1D). Only meaningful when dist.hasDensity().
FieldGrid densityGrid(const Distribution& dist, const Bounds& box, int nx, int ny);

// Convenience: n samples as a vector (n x dim).
std::vector<float> sampleVector(const Distribution& dist, int n, Rng& rng);

}  // namespace ganarium
