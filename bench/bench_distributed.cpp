// bench_distributed.cpp — 1 rank against 2 ranks on loopback, the all-reduce cost, and the speed-up on paper.
#include "bench_distributed.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

#include "bench_image.h"
#include "bench_timing.h"
#include "core/errors.h"
#include "train/distributed_group.h"
#include "train/gradient_averaging.h"
#include "train/image_gan_run.h"

namespace ganarium::bench {

namespace {

using Clock = std::chrono::steady_clock;
constexpr uint64_t kSeed = 3;
constexpr double kLatencySeconds = 50e-6;  // per message on a LAN (assumed, not measured here)

// A port the kernel just handed out on 127.0.0.1.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        throw UserError("could not find a free loopback port for the data-parallel bench");
    ::close(fd);
    return ntohs(address.sin_port);
}

// What one measured configuration did per iteration.
struct StepCost {
    double rate = 0;             // iterations per second of the job (global batch)
    double allreduce_ms = 0;     // per iteration, this rank
    double calls = 0;            // all-reduce calls per iteration
    double bytes = 0;            // bytes this rank contributed per iteration
};

// Times `steps` iterations of `run` after `warmup`; the group's counters cover the timed part only.
StepCost timeRun(ImageGanRun& run, DistributedGroup* group, int warmup, int steps) {
    for (int i = 0; i < warmup; ++i) run.iterate(nullptr);
    const CommunicationStats before = group ? group->stats() : CommunicationStats{};
    const auto start = Clock::now();
    for (int i = 0; i < steps; ++i) run.iterate(nullptr);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    StepCost cost;
    cost.rate = steps / seconds;
    if (group) {
        const CommunicationStats after = group->stats();
        cost.allreduce_ms = 1000.0 * (after.seconds - before.seconds) / steps;
        cost.calls = static_cast<double>(after.calls - before.calls) / steps;
        cost.bytes = static_cast<double>(after.bytes - before.bytes) / steps;
    }
    return cost;
}

StepCost alone(const RunSpec& spec, std::shared_ptr<const ImageDataset> images, int torch_threads, int warmup, int steps) {
    StepCost cost;
    std::thread worker([&] {
        at::set_num_threads(torch_threads);
        ImageGanRun run(spec, kSeed, images);
        cost = timeRun(run, nullptr, warmup, steps);
    });
    worker.join();
    return cost;
}

// Runs `body(run, group)` on two ranks, threads of this process on loopback, each with its own image run of `spec`
// joined to the group; returns rank 0's result (a rank's exception is rethrown here).
template <typename Result, typename Body>
Result onTwoRanks(const RunSpec& spec, std::shared_ptr<const ImageDataset> images, GradientTransfer transfer, Body body) {
    const int port = freePort();
    Result results[2]{};
    std::exception_ptr errors[2];
    std::vector<std::thread> ranks;
    for (int r = 0; r < 2; ++r) {
        ranks.emplace_back([&, r] {
            try {
                at::set_num_threads(1);
                DistributedOptions o;
                o.world_size = 2;
                o.rank = r;
                o.master_port = port;
                o.timeout_s = 60;
                auto group = DistributedGroup::join(o, "bench\n");
                group->setTransfer(transfer);
                ImageGanRun run(spec, kSeed, images);
                run.joinGroup(group);
                results[r] = body(run, *group);
            } catch (...) {
                errors[r] = std::current_exception();
            }
        });
    }
    for (auto& t : ranks) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
    return results[0];
}

// Two ranks as threads of this process on loopback; returns rank 0's figures.
StepCost twoRanks(const RunSpec& spec, std::shared_ptr<const ImageDataset> images, GradientTransfer transfer, int warmup,
                  int steps) {
    return onTwoRanks<StepCost>(spec, std::move(images), transfer,
                                [&](ImageGanRun& run, DistributedGroup& group) { return timeRun(run, &group, warmup, steps); });
}

// Milliseconds per step of the two all-reduces alone (D's gradients; G's gradients and statistics), 2 ranks with no
// compute between them: the transfer cost without waiting for a slower rank.
double pureAllreduceMs(const RunSpec& spec, std::shared_ptr<const ImageDataset> images, GradientTransfer transfer,
                       int repeats) {
    return onTwoRanks<double>(spec, std::move(images), transfer, [&](ImageGanRun& run, DistributedGroup& group) {
        run.iterate(nullptr);  // gradients exist from here on
        std::vector<double> scalars{0.0};
        const auto start = Clock::now();
        for (int i = 0; i < repeats; ++i) {
            averageOverRanks(group, run.critic()->parameters(), {}, scalars);
            averageOverRanks(group, run.generator()->parameters(), run.generator()->buffers(), scalars);
        }
        return 1000.0 * std::chrono::duration<double>(Clock::now() - start).count() / repeats;
    });
}

// Seconds of one ring all-reduce of `bytes` over `machines` on a link of `bits_per_second`.
double ringAllreduceSeconds(double bytes, int machines, double bits_per_second) {
    const double share = 2.0 * (machines - 1) / machines;
    return share * bytes * 8.0 / bits_per_second + 2.0 * (machines - 1) * kLatencySeconds;
}

}  // namespace

void distributedBench(const BenchOptions& o, BenchReport& report) {
    const RunSpec spec = imageRun(Objective::NonSaturating, Lipschitz::None);
    const ImageGanSpec& image = std::get<ImageGanSpec>(spec.options);
    report.section("Data-parallel image training (default image model, global batch " + std::to_string(image.batch) +
                   "; ranks are threads of this process on loopback Gloo)");
    const int steps = std::max(10, o.steps / 5), warmup = std::max(3, o.warmup / 10);
    std::shared_ptr<const ImageDataset> images;
    try {
        images = std::make_shared<const ImageDataset>(loadImageDataset(image.classes, image.subset));
    } catch (const UserError& error) {
        report.note(std::string("data-parallel bench skipped: ") + error.what());
        return;
    }
    const StepCost one = alone(spec, images, 1, warmup, steps);
    const StepCost one_two_threads = alone(spec, images, 2, warmup, steps);
    const StepCost flat = twoRanks(spec, images, GradientTransfer::Flat, warmup, steps);
    const StepCost per_tensor = twoRanks(spec, images, GradientTransfer::PerTensor, warmup, steps);
    const int repeats = std::max(20, steps);
    const double pure_flat = pureAllreduceMs(spec, images, GradientTransfer::Flat, repeats);
    const double pure_per_tensor = pureAllreduceMs(spec, images, GradientTransfer::PerTensor, repeats);
    auto rate = [](double r) { return format("%.1f it/s", r); };
    report.info("1 rank, 1 torch thread", rate(one.rate));
    report.info("1 rank, 2 torch threads", rate(one_two_threads.rate));
    report.info("2 ranks x 1 thread, flat all-reduce", rate(flat.rate),
                format("%.2fx of 1 rank", flat.rate / one.rate));
    report.info("2 ranks x 1 thread, per-tensor", rate(per_tensor.rate),
                format("%.2fx of 1 rank", per_tensor.rate / one.rate));
    report.info("  all-reduce/step, training, flat", format("%.2f ms", flat.allreduce_ms),
                format("%.0f calls", flat.calls));
    report.info("  all-reduce/step, training, per-tensor", format("%.2f ms", per_tensor.allreduce_ms),
                format("%.0f calls", per_tensor.calls));
    report.info("  all-reduce/step, alone, flat", format("%.2f ms", pure_flat));
    report.info("  all-reduce/step, alone, per-tensor", format("%.2f ms", pure_per_tensor));
    report.info("  bytes per step and rank", format("%.0f kB", flat.bytes / 1000.0));
    const double compute = 1.0 / one.rate;  // seconds per iteration at the whole batch on one core
    report.info("  compute per step, 1 rank", format("%.1f ms", 1000.0 * compute));

    report.section("On paper: speed-up of N machines (1 core each as measured above, ring all-reduce, " +
                   format("%.0f us", kLatencySeconds * 1e6) + " per message, compute scaling with the shard)");
    for (const double gbit : {1.0, 10.0}) {
        std::string row;
        for (const int n : {2, 4, 8, 16}) {
            // Two all-reduces per iteration (D, then G): flat.bytes covers both.
            const double comm = ringAllreduceSeconds(flat.bytes / 2, n, gbit * 1e9) * 2;
            row += "N=" + std::to_string(n) + " " + format("%.1fx  ", compute / (compute / n + comm));
        }
        report.info(format("%.0f Gbit/s", gbit), row);
    }
}

}  // namespace ganarium::bench
