// bench_image.h — the image-GAN part of ganarium-bench: the default image
// model (scenes/fashion-gan.toml's non-saturating run: DCGAN width 32,
// nearest upsampling + 3x3 convs, z = 64, batch 64, Adam 2e-4) on 1 run and on 2 runs side by side, the same
// model in PyTorch (bench/dcgan.py, when python3-torch is installed), and the
// cost of one metric evaluation at the scene's cadence.
#pragma once

#include "bench_report.h"
#include "bench_setup.h"

namespace ganarium::bench {

// The default image run with `objective` and `lipschitz`.
RunSpec imageRun(Objective objective, Lipschitz lipschitz);

// Measures and reports the image-GAN figures.
void imageGanBench(const BenchOptions& options, BenchReport& report);

}  // namespace ganarium::bench
