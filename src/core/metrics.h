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

// Divergences between analytic P_data and a density estimate of P_G from
// `fake` samples (n x dim), integrated on a grid over `box`.
Divergences divergencesAgainstSamples(const Distribution& data, const std::vector<float>& fake, int dim,
                                      const Bounds& box);

// P_data's cell masses on the grid divergencesAgainstSamples uses over `box`
// (512 cells in 1D, 96 x 96 in 2D). Compute once per view box and reuse.
std::vector<double> dataGridForDivergences(const Distribution& data, int dim, const Bounds& box);

// Same as above with P_data given by dataGridForDivergences(data, dim, box).
Divergences divergencesAgainstSamples(const std::vector<double>& data_grid, const std::vector<float>& fake, int dim,
                                      const Bounds& box);

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
