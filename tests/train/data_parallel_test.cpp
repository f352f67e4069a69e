// data_parallel_test.cpp — data-parallel image training on loopback, ranks as
// threads of this process (each its own DistributedGroup over a TCPStore on a
// free port): 2 ranks hold bit-identical weights; without batch norm 2 ranks at
// B/2 match 1 rank at B within 1e-4; flat and per-tensor all-reduce agree; a
// batch that does not split, a lost rank and ranks out of step are refused.
// Every join and collective has a timeout of a few seconds: nothing hangs.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <array>
#include <exception>
#include <functional>
#include <thread>

#include "cli/free_port.h"
#include "core/errors.h"
#include "module_state.h"
#include "tiny_image_run.h"
#include "train/distributed_group.h"
#include "train/gradient_averaging.h"
#include "train/image_gan_run.h"

using namespace ganarium;
using ganarium::test::freeLoopbackPort;
using ganarium::test::tinyImages;
using ganarium::test::tinyImageSpec;

namespace {

constexpr uint64_t kSeed = 11;

// Every parameter and buffer of G and D, flattened.
torch::Tensor flatState(ImageGanRun& run) {
    return torch::cat({test::flatState(*run.generator()), test::flatState(*run.critic())});
}

struct RankResult {
    torch::Tensor state;
    std::vector<double> loss_d;  // the run's loss_d metric after the steps
    CommunicationStats stats;
    std::exception_ptr error;
};

// Trains `spec` for `steps` iterations on `world` ranks (threads), rank r on its shard; returns each rank's result.
std::vector<RankResult> trainOnRanks(const RunSpec& spec, int world, int steps,
                                     GradientTransfer transfer = GradientTransfer::Flat) {
    const auto images = tinyImages();
    const int port = freeLoopbackPort();
    std::vector<RankResult> results(static_cast<size_t>(world));
    std::vector<std::thread> threads;
    for (int r = 0; r < world; ++r) {
        threads.emplace_back([&, r] {
            RankResult& out = results[static_cast<size_t>(r)];
            try {
                DistributedOptions o;
                o.world_size = world;
                o.rank = r;
                o.master_port = port;
                o.timeout_s = 20;
                auto group = DistributedGroup::join(o, "data_parallel_test\n");
                group->setTransfer(transfer);
                ImageGanRun run(spec, kSeed, images);
                run.joinGroup(group);
                for (int i = 0; i < steps; ++i) run.iterate(nullptr);
                out.state = flatState(run);
                out.stats = group->stats();
            } catch (...) {
                out.error = std::current_exception();
            }
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& r : results)
        if (r.error) std::rethrow_exception(r.error);
    return results;
}

// The same run trained alone (no group) for `steps` iterations.
torch::Tensor trainAlone(const RunSpec& spec, int steps) {
    ImageGanRun run(spec, kSeed, tinyImages());
    for (int i = 0; i < steps; ++i) run.iterate(nullptr);
    return flatState(run);
}

RunSpec tinySpec(bool batch_norm, Objective objective = Objective::NonSaturating, Lipschitz lipschitz = Lipschitz::None) {
    RunSpec spec = tinyImageSpec();
    ImageGanSpec& image = std::get<ImageGanSpec>(spec.options);
    image.batch_norm = batch_norm;
    image.objective = objective;
    image.lipschitz = lipschitz;
    return spec;
}

// Runs `body(options)` on 2 ranks (threads) joined on a free port with `timeout_s`; returns each rank's UserError text.
std::array<std::string, 2> userErrorsOnTwoRanks(double timeout_s, const std::function<void(const DistributedOptions&)>& body) {
    const int port = freeLoopbackPort();
    std::array<std::string, 2> messages;
    std::vector<std::thread> threads;
    for (int r = 0; r < 2; ++r) {
        threads.emplace_back([&, r] {
            DistributedOptions o;
            o.world_size = 2;
            o.rank = r;
            o.master_port = port;
            o.timeout_s = timeout_s;
            try {
                body(o);
            } catch (const UserError& e) {
                messages[static_cast<size_t>(r)] = e.what();
            }
        });
    }
    for (auto& t : threads) t.join();
    return messages;
}

}  // namespace

TEST_CASE("data parallel: 2 ranks hold bit-identical weights and batch-norm statistics after 6 steps") {
    const RunSpec spec = tinySpec(/*batch_norm=*/true);
    const auto ranks = trainOnRanks(spec, 2, 6);
    REQUIRE(ranks[0].state.numel() == ranks[1].state.numel());
    CHECK(torch::equal(ranks[0].state, ranks[1].state));
    // They trained: the weights left their start, and every step all-reduced D and G once (k_d = k_g = 1).
    ImageGanRun start(spec, kSeed, tinyImages());
    CHECK(torch::abs(ranks[0].state - flatState(start)).max().item<double>() > 1e-4);
    CHECK(ranks[0].stats.calls == 2 * 6 + 1);  // + the same-state check before the first step
    CHECK(ranks[0].stats.bytes > 0);
}

TEST_CASE("data parallel: without batch norm, 2 ranks at B/2 match 1 rank at B within 1e-4") {
    for (const auto& [objective, lipschitz] : {std::pair{Objective::NonSaturating, Lipschitz::None},
                                               std::pair{Objective::Wasserstein, Lipschitz::GradientPenalty}}) {
        CAPTURE(objectiveName(objective));
        const RunSpec spec = tinySpec(/*batch_norm=*/false, objective, lipschitz);
        const torch::Tensor alone = trainAlone(spec, 5);
        const auto ranks = trainOnRanks(spec, 2, 5);
        const double gap = torch::abs(ranks[0].state - alone).max().item<double>();
        CHECK(gap < 1e-4);
        CHECK(torch::equal(ranks[0].state, ranks[1].state));
        // Not trivially equal: the run moved much further than the tolerance.
        ImageGanRun start(spec, kSeed, tinyImages());
        CHECK(torch::abs(alone - flatState(start)).max().item<double>() > 1e-3);
    }
}

TEST_CASE("data parallel: flat and per-tensor all-reduce train the same weights") {
    const RunSpec spec = tinySpec(/*batch_norm=*/true);
    const auto flat = trainOnRanks(spec, 2, 3, GradientTransfer::Flat);
    const auto per_tensor = trainOnRanks(spec, 2, 3, GradientTransfer::PerTensor);
    CHECK(torch::equal(flat[0].state, per_tensor[0].state));
    CHECK(per_tensor[0].stats.calls > flat[0].stats.calls);
    CHECK(per_tensor[0].stats.bytes == flat[0].stats.bytes);
}

TEST_CASE("data parallel: shards are equal and contiguous; a batch that does not split is refused") {
    CHECK(batchShard(8, 0, 2).begin == 0);
    CHECK(batchShard(8, 1, 2).begin == 4);
    CHECK(batchShard(8, 1, 2).end == 8);
    CHECK(batchShard(64, 3, 4).size() == 16);
    CHECK_THROWS_AS(batchShard(9, 0, 2), UserError);
}

TEST_CASE("data parallel: ranks that start from different states are refused before the first step") {
    const RunSpec spec = tinySpec(/*batch_norm=*/true);
    const auto images = tinyImages();
    const auto messages = userErrorsOnTwoRanks(20, [&](const DistributedOptions& o) {
        auto group = DistributedGroup::join(o, "job\n");
        ImageGanRun run(spec, kSeed + static_cast<uint64_t>(o.rank), images);  // another seed on rank 1
        run.joinGroup(group);
        run.iterate(nullptr);
    });
    for (const auto& m : messages) CHECK(m.find("do not hold the same state") != std::string::npos);
}

TEST_CASE("data parallel: a rank announcing another job is named, and every rank stops") {
    const auto messages = userErrorsOnTwoRanks(10, [](const DistributedOptions& o) {
        DistributedGroup::join(o, o.rank == 0 ? "steps = 100\n" : "steps = 200\n");
    });
    CHECK(messages[0].find("rank 1 was started differently") != std::string::npos);
    CHECK(messages[1].find("'steps = 200' here, 'steps = 100' there") != std::string::npos);
}
