// snapshot_cadence.cpp — when the slow snapshot parts are due (snapshot_cadence.h).
#include "train/snapshot_cadence.h"

#include <algorithm>

namespace ganarium {

bool heavyPartsDue(bool playing, double since_heavy_seconds, double heavy_build_seconds) {
    if (!playing) return true;
    const double interval = std::max(kHeavyShortestSeconds, std::max(0.0, heavy_build_seconds) / kHeavyShare);
    return since_heavy_seconds >= interval;
}

}  // namespace ganarium
