// distributed_group.h — the ranks of one data-parallel `ganarium train` job
// (issue 13): a TCPStore hosted by rank 0 and a c10d Gloo process group.
// Torch-free (pimpl), so the app can create one and hand it to the Trainer;
// the tensor side is train/gradient_averaging.h. Joining checks that every
// rank was started alike (world size, scene, steps) and names the rank that
// differs; a collective that fails names the rank that stopped answering
// (docs/distributed.md, "Faults").
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace ganarium {

// Where and how a rank joins (`--world-size/--rank/--master/--timeout` or WORLD_SIZE, RANK, MASTER_ADDR, MASTER_PORT).
struct DistributedOptions {
    int world_size = 1;
    int rank = 0;
    std::string master_host = "127.0.0.1";
    int master_port = 29500;
    double timeout_s = 60;  // joining, and any one collective, give up after this long
};

// How gradients travel: one flat buffer per update (default, measured faster) or one all-reduce per tensor.
enum class GradientTransfer { Flat, PerTensor };

// What the collectives cost so far on this rank.
struct CommunicationStats {
    int64_t calls = 0;     // all-reduce calls
    int64_t bytes = 0;     // payload bytes this rank contributed
    double seconds = 0;    // wall time spent inside them (waiting for the slowest rank included)
};

class DistributedGroup {
public:
    struct Impl;
    // Starts (rank 0) or reaches the store at master_host:master_port, checks that every rank announced the same
    // `job` text (world size is added), then builds the Gloo group. Throws UserError naming the rank and the fix.
    static std::shared_ptr<DistributedGroup> join(const DistributedOptions& options, const std::string& job);
    ~DistributedGroup();
    DistributedGroup(const DistributedGroup&) = delete;
    DistributedGroup& operator=(const DistributedGroup&) = delete;

    // This process's rank, 0..worldSize()-1.
    int rank() const;
    // How many ranks the job has.
    int worldSize() const;
    // The options it joined with (master address, timeout).
    const DistributedOptions& options() const;
    // Empty while every collective has succeeded; else the message naming the lost rank (the job must stop).
    std::string failure() const;
    // The collectives' cost so far.
    CommunicationStats stats() const;
    // Flat (default) or per-tensor gradient all-reduce (the bench compares both).
    GradientTransfer transfer() const;
    // Chooses how gradients travel from the next all-reduce on (every rank must choose alike).
    void setTransfer(GradientTransfer transfer);
    // The torch side (gradient_averaging.cpp).
    Impl& impl() { return *impl_; }

private:
    explicit DistributedGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace ganarium
