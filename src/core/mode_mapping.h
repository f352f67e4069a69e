// mode_mapping.h — which mode of a source domain lands in which mode of a
// target domain under a translation (the toy CycleGAN's mapping matrix and
// its mapping_mi metric): each source point's nearest source-mode centre,
// its translation's nearest target-mode centre, the joint count table and
// its mutual information in bits.
#pragma once

#include <vector>

#include "core/snapshot_types.h"

namespace ganarium {

// The joint count table of (source mode, target mode) pairs and its mutual information.
struct ModeMapping {
    int rows = 0, cols = 0;        // source modes, target modes
    std::vector<double> counts;    // rows x cols, row-major: counts[source * cols + target]
    double mutual_information = 0; // I(source; target) in bits: log2(K) for a one-to-one map of K equal modes
};

// Index of the mode centre nearest to (x, y) (-1 when there are none).
int nearestMode(const std::vector<Mode>& modes, double x, double y);

// The mapping of `sources` (n x 2) to `targets` (their translations, n x 2) between the two mode sets.
ModeMapping modeMapping(const std::vector<Mode>& source_modes, const std::vector<Mode>& target_modes,
                        const std::vector<float>& sources, const std::vector<float>& targets);

// For each source mode, the target mode most of its points land in (-1 for a row without points).
std::vector<int> dominantTargets(const ModeMapping& mapping);

// How a map of K ring modes (mode i at angle 2 pi i / K) to K ring modes permutes them.
struct RingPermutation {
    enum class Kind { Rotation, Reflection, Other } kind = Kind::Other;
    int offset = 0;  // Rotation: target = source + offset; Reflection: target = offset - source (mod K)
};
// Classifies `targets` (dominantTargets of a K x K mapping); Other when it is not a bijection of that form.
RingPermutation classifyRingPermutation(const std::vector<int>& targets);

// Mutual information in bits of a rows x cols joint count table (0 for an empty table).
double mutualInformationBits(const std::vector<double>& counts, int rows, int cols);

}  // namespace ganarium
