// distributed_group_impl.h — the state behind DistributedGroup: the store,
// the process group (held as the c10d base class, so only
// distributed_group.cpp needs USE_C10D_GLOO) and the failure bookkeeping.
#pragma once

#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>
#include <torch/torch.h>

#include <mutex>
#include <string>

#include "core/errors.h"
#include "train/distributed_group.h"

namespace ganarium {

// A collective failed: a rank died, hung past the timeout, or cannot be reached. what() names it.
class PeerLost : public UserError {
public:
    using UserError::UserError;
};

struct DistributedGroup::Impl {
    DistributedOptions options;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroup> group;
    GradientTransfer transfer = GradientTransfer::Flat;
    mutable std::mutex mutex;  // guards stats and failure
    CommunicationStats stats;
    std::string failure;

    // Reduces each of `tensors` in place over all ranks (one all-reduce call per tensor; contiguous, dense).
    // Throws PeerLost (and records it) when a rank is gone; once failed, throws again at once.
    void allreduce(std::vector<torch::Tensor>& tensors, c10d::ReduceOp op);
    void allreduceSum(std::vector<torch::Tensor>& tensors) { allreduce(tensors, c10d::ReduceOp::SUM); }
    // After a failed collective: which ranks stopped answering, as a sentence (waits a short grace period).
    std::string describeLoss(const std::string& error);
};

}  // namespace ganarium
