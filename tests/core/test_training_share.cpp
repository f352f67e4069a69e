// test_training_share.cpp — the window's adaptive training policy: frames over
// budget lower the training share fast, frames well within it raise it slowly,
// and it stays within [lowest_share, 1].
#include <doctest/doctest.h>

#include "core/training_share.h"

using namespace ganarium;

namespace {
// Feeds `frames` frames of `ms` each; returns how many times the share changed.
int feed(TrainingShare& share, int frames, double ms) {
    int changes = 0;
    for (int i = 0; i < frames; ++i) changes += share.addFrame(ms) ? 1 : 0;
    return changes;
}
}  // namespace

TEST_CASE("the training share starts flat out and decides once per window of frames") {
    TrainingShare share;
    CHECK(share.share() == 1.0);
    CHECK(feed(share, 15, 40.0) == 0);  // one window over budget, and 7 of 8 frames of the next: no change yet
    CHECK(share.share() == 1.0);
    CHECK(share.addFrame(40.0));        // the 16th: a second window with median 40 ms > 33 ms budget
    CHECK(share.share() == doctest::Approx(0.7));
}

TEST_CASE("slow frames lower the share geometrically down to the floor; fast frames raise it back to 1") {
    TrainingShareOptions options;
    TrainingShare share(options);
    feed(share, 16 * 3, 50.0);
    CHECK(share.share() == doctest::Approx(0.7 * 0.7 * 0.7));
    feed(share, 16 * 20, 50.0);
    CHECK(share.share() == doctest::Approx(options.lowest_share));
    feed(share, 8 * 2, 5.0);  // well within budget: +0.15 per decision
    CHECK(share.share() == doctest::Approx(options.lowest_share + 2 * options.increase_step));
    feed(share, 8 * 20, 5.0);
    CHECK(share.share() == 1.0);
}

TEST_CASE("frames near the budget hold the share; the median ignores a few outliers") {
    TrainingShare share;
    feed(share, 16, 50.0);
    const double held = share.share();
    CHECK(held < 1.0);
    feed(share, 8, 50.0);
    feed(share, 8, 5.0);  // one window over budget, then a good one: the count starts again
    const double raised = share.share();
    CHECK(raised > held);
    feed(share, 16, 50.0);
    CHECK(share.share() == doctest::Approx(raised * 0.7));
    const double now = share.share();
    CHECK(feed(share, 8 * 4, 28.0) == 0);  // 28 ms: within 33 but above 70 % of it: no change
    CHECK(share.share() == now);
    for (int i = 0; i < 8; ++i) share.addFrame(i < 3 ? 500.0 : 5.0);  // 3 hiccups of 8: median is 5 ms
    CHECK(share.share() > now);
}
