// run_factory.cpp — makeRun(): the one place that maps a RunSpec's kind to
// the class that trains it.
#include "train/cycle_gan_run.h"
#include "train/dirac_gan_run.h"
#include "train/image_gan_run.h"
#include "train/toy_gan_run.h"

namespace ganarium {

std::unique_ptr<Run> makeRun(const RunSpec& spec, int dim, uint64_t seed, int display_samples) {
    switch (kindOf(spec)) {
        case RunKind::DiracGan: return std::make_unique<DiracGanRun>(spec);
        case RunKind::ImageGan: return std::make_unique<ImageGanRun>(spec, seed);
        case RunKind::CycleGan: return std::make_unique<CycleGanRun>(spec, seed);
        case RunKind::ToyGan: break;
    }
    return std::make_unique<ToyGanRun>(spec, dim, seed, display_samples);
}

}  // namespace ganarium
