// metrics.h — the divergences and mode statistics the lectures talk about,
// computed on the CPU from samples and analytic densities. Definitions are
// documented in docs/metrics.md.
#pragma once

#include <vector>

#include "core/distribution.h"
#include "core/snapshot.h"

namespace ganarium {

// JS, KL(P_data||P_G), KL(P_G||P_data) in nats.
struct Divergences {
    double js = 0, kl_pq = 0, kl_qp = 0;
};

// Divergences between analytic P_data and the generator's samples `fake` (n x dim), without a grid:
// P_G's density is an adaptive kernel estimate of all the fakes (adaptive_kde.h). E_Q runs over up to
// 1000 (1D) / 400 (2D) fakes, each left out of its own estimate; E_P over the first 400 `real` samples of
// P_data in 2D, and in 1D over the exact cell masses of 512 cells over `box` (`real` unused). `box` also
// sets the uniform floor the KLs mix in.
// NaN when `data` has no analytic density.
Divergences divergencesAgainstSamples(const Distribution& data, const std::vector<float>& real,
                                      const std::vector<float>& fake, int dim, const Bounds& box);

// Divergences between two densities tabulated on the same grid (any normalisation).
Divergences divergencesOfGrids(const std::vector<double>& p, const std::vector<double>& q);

// Exact W1 between two equal-size 1D sample sets (sorted matching).
double wasserstein1D(std::vector<float> a, std::vector<float> b);

// Exact W1 between two equal-size 2D sample sets (n x 2) by optimal assignment.
double wasserstein2D(const std::vector<float>& a, const std::vector<float>& b);

// VEEGAN/PacGAN mode statistics of `samples` (n x dim) against mixture `modes`.
struct ModeStats {
    int modes_covered = 0;            // modes with at least one high-quality sample
    double hq_share = 0;              // share of samples within 3 std of their nearest centre
    double mode_rkl = 0;              // reverse KL of the per-mode histogram against `weights`
    std::vector<bool> covered;        // per mode
};
ModeStats modeStatistics(const std::vector<Mode>& modes, const std::vector<double>& weights,
                         const std::vector<float>& samples, int dim);

// Sets `markers`' covered flags and high-quality share from `samples` (n x dim) by modeStatistics, so that markers
// describe exactly these samples (the fakes on screen). No change when there are no modes or no samples.
void judgeModeMarkers(ModeMarkers& markers, const std::vector<float>& samples, int dim);

// Optimal discriminator D*(x) = p / (p + q); 0.5 where both vanish.
double optimalDiscriminator(double p_data, double p_g);

// Mean |D - D*| over grid cells where p_data + p_g carries mass.
double optimalGap(const std::vector<float>& d, const std::vector<float>& d_star,
                  const std::vector<float>& p_data, const std::vector<float>& p_g);

// Gaussian kernel density estimate of 1D/2D samples on a grid over `box`
// (nx x ny cells; Scott's bandwidth clamped to [0.5, 2] cells unless bandwidth > 0).
FieldGrid kernelDensity(const std::vector<float>& samples, int dim, const Bounds& box, int nx, int ny,
                        double bandwidth = 0);

}  // namespace ganarium
