// push_bins.h — the 1D "push on G(z)" arrows, one per stretch of x: generated
// samples are binned along x and each bin draws one arrow with the mean push
// of its samples, so hundreds of samples give a calm row of arrows instead
// of a dark stack of overlapping ones.
#pragma once

#include <vector>

namespace ganarium {

// One bin's arrow: which bin (0 = leftmost), where its samples sit (mean x), their mean signed push,
// and how many there are.
struct PushBin {
    int index = 0;
    double x = 0;
    double push = 0;
    int count = 0;
};

// Bins the samples `xs` (with signed pushes `push`, same length) into `bins` equal bins over [x0, x1];
// returns the non-empty bins, left to right. Samples outside the range or with a non-finite x or push are skipped.
std::vector<PushBin> binPushes(const std::vector<float>& xs, const std::vector<float>& push, double x0, double x1,
                               int bins);

}  // namespace ganarium
