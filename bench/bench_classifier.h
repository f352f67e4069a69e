// bench_classifier.h — the cost of one image-metric evaluation (tracker
// issue 9): the Fashion-MNIST classifier's pass, the Fréchet distance and the
// nearest-neighbour search on 1000 generated images, and the one-time costs
// (loading or training the classifier, building the reference).
#pragma once

#include "bench_report.h"
#include "bench_setup.h"

namespace ganarium::bench {

// Loads (or trains, once, into the user cache) the classifier, then times each part of an evaluation.
void classifierCosts(const BenchOptions& options, BenchReport& report);

}  // namespace ganarium::bench
