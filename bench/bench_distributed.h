// bench_distributed.h — the data-parallel part of ganarium-bench (issue 13):
// the default image model (bench_image.h) trained by 1 rank (1 and 2 torch
// threads) and by 2 ranks on loopback (threads of this process, each its own
// Gloo group member, 1 torch thread each), the all-reduce time, calls and bytes
// per step, flat against per-tensor, and from those figures the expected
// speed-up on 2..16 machines over 1 and 10 Gbit/s links (docs/distributed.md).
#pragma once

#include "bench_report.h"
#include "bench_setup.h"

namespace ganarium::bench {

// Measures and reports the data-parallel figures.
void distributedBench(const BenchOptions& options, BenchReport& report);

}  // namespace ganarium::bench
