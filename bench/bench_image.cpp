// bench_image.cpp — image-GAN speed, multi-run scaling, the PyTorch peer and the metric overhead.
#include "bench_image.h"

#include <algorithm>

#include "bench_timing.h"
#include "core/errors.h"
#include "python_peer.h"

namespace ganarium::bench {

namespace {

constexpr double kTargetImageRate = 25.0;       // it/s, 1 run, batch 64 (issue 9)
constexpr double kTargetImagePythonRatio = 1.2;  // C++ / PyTorch, same model
constexpr double kTargetImageTwoRuns = 1.6;      // 2 runs side by side, aggregate / 1 run
constexpr double kTargetImageMetricPercent = 10.0;
constexpr int kImageCadence = 100;               // scenes/fashion-gan.toml's metrics_every

std::string rate(double it_per_s) { return format("%.1f it/s", it_per_s); }
std::string ratio(double r) { return format("%.2fx", r); }

}  // namespace

RunSpec imageRun(Objective objective, Lipschitz lipschitz) {
    RunSpec spec;
    ImageGanSpec& image = spec.options.emplace<ImageGanSpec>();
    image.objective = objective;
    image.lipschitz = lipschitz;
    image.upsample = Upsample::NearestConv;  // as scenes/fashion-gan.toml
    if (lipschitz == Lipschitz::GradientPenalty) {
        image.g_opt.beta1 = image.d_opt.beta1 = 0.0;
        image.g_opt.beta2 = image.d_opt.beta2 = 0.9;
    }
    return spec;
}

void imageGanBench(const BenchOptions& o, BenchReport& report) {
    const ImageGanSpec defaults;
    report.section("Image GAN (DCGAN width " + std::to_string(defaults.width) + ", z=" +
                   std::to_string(defaults.latent_dim) + ", batch " + std::to_string(defaults.batch) +
                   ", Fashion-MNIST), 1 torch thread per run");
    const RunSpec ns = imageRun(Objective::NonSaturating, Lipschitz::None);
    const RunSpec gp = imageRun(Objective::Wasserstein, Lipschitz::GradientPenalty);
    const int steps = std::max(10, o.steps / 5), warmup = std::max(3, o.warmup / 5);
    Figure cpp_ns, cpp_gp;
    try {
        cpp_ns = iterationsPerSecond(benchScene({ns}, 1, kNoMetrics), warmup, steps, o.repeats);
        cpp_gp = iterationsPerSecond(benchScene({gp}, 1, kNoMetrics), warmup, steps, o.repeats);
    } catch (const UserError& error) {
        report.note(std::string("image GAN skipped: ") + error.what());
        return;
    }
    report.check("non-saturating, 1 run", rate(cpp_ns.wall), format(">= %.0f it/s", kTargetImageRate),
                 cpp_ns.wall >= kTargetImageRate, rate(cpp_ns.cpu));
    report.info("WGAN-GP, 1 run", rate(cpp_gp.wall), rate(cpp_gp.cpu));

    const Scaling two = multiRunScaling(benchScene({ns}, 1, kNoMetrics), benchScene({ns, ns}, 2, kNoMetrics), warmup,
                                        steps, o.repeats);
    report.info("1 run on 1 thread (interleaved)", rate(two.single_rate), rate(two.single_cpu_rate));
    report.info("2 runs on 2 threads, aggregate", rate(two.aggregate_rate), rate(two.aggregate_cpu_rate));
    report.check("  ratio", ratio(two.ratio), format(">= %.1fx", kTargetImageTwoRuns), two.ratio >= kTargetImageTwoRuns);

    const MetricOverhead m = metricOverhead(benchScene({ns}, 1, kNoMetrics), kImageCadence, warmup, steps, o.repeats);
    report.info("one image metric evaluation", format("%.1f ms", m.eval_ms.wall), format("%.1f ms", m.eval_ms.cpu));
    report.check("metric overhead at every " + std::to_string(kImageCadence) + " it", format("%.1f %%", m.percent.wall),
                 format("<= %.0f %%", kTargetImageMetricPercent), m.percent.wall <= kTargetImageMetricPercent,
                 format("%.1f %%", m.percent.cpu));

    if (!o.python) {
        report.note("PyTorch comparison skipped (--no-python)");
        return;
    }
    const std::string peer = std::string(GANARIUM_BENCH_DIR) + "/dcgan.py";
    const PythonPeerResult py = runPythonPeer(peer, std::max(10, o.python_steps / 5), o.repeats);
    if (!py.ran) {
        report.note("PyTorch comparison skipped: " + py.skipped_reason);
        return;
    }
    report.info("PyTorch non-saturating (torch " + py.torch_version + ")", rate(py.non_saturating),
                rate(py.non_saturating_cpu));
    report.check("  C++ / PyTorch, non-saturating", ratio(cpp_ns.wall / py.non_saturating),
                 format(">= %.1fx", kTargetImagePythonRatio), cpp_ns.wall / py.non_saturating >= kTargetImagePythonRatio,
                 ratio(cpp_ns.cpu / py.non_saturating_cpu));
    report.info("PyTorch WGAN-GP", rate(py.wgan_gp), rate(py.wgan_gp_cpu));
    report.info("  C++ / PyTorch, WGAN-GP", ratio(cpp_gp.wall / py.wgan_gp), ratio(cpp_gp.cpu / py.wgan_gp_cpu));
    // The peer with G's upsampling + conv pairs as transposed convs, as Ganarium computes them: the same trick on
    // both sides, so the ratio is LibTorch C++ against Python alone.
    const PythonPeerResult same = runPythonPeer(peer, std::max(10, o.python_steps / 5), o.repeats, "--subpixel");
    if (!same.ran) return;
    report.info("PyTorch non-saturating, transposed-conv form", rate(same.non_saturating), rate(same.non_saturating_cpu));
    report.info("  C++ / PyTorch, same form", ratio(cpp_ns.wall / same.non_saturating),
                ratio(cpp_ns.cpu / same.non_saturating_cpu));
}

}  // namespace ganarium::bench
