// gradient_averaging.h — the tensor side of data-parallel training
// (train/distributed_group.h): each rank's shard of a batch, gradients of G
// or D averaged over the ranks after backward (one flat all-reduce, or one
// per tensor), and a check that the ranks start from the same state.
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

#include "train/distributed_group.h"

namespace ganarium {

// The rows [begin, end) of a batch that one rank trains on.
struct BatchShard {
    int64_t begin = 0;
    int64_t end = 0;
    int64_t size() const { return end - begin; }
};

// Rank `rank`'s equal, contiguous share of a batch of `batch` rows. Throws UserError when it does not split evenly.
BatchShard batchShard(int64_t batch, int rank, int world_size);

// Averages over all ranks, in place: the gradients of `parameters` (a missing gradient counts as zero), the float
// tensors in `buffers` (batch-norm running statistics), and `scalars` (losses; a NaN on any rank makes them NaN).
// Throws PeerLost (distributed_group_impl.h) when a rank is gone.
void averageOverRanks(DistributedGroup& group, const std::vector<torch::Tensor>& parameters,
                      const std::vector<torch::Tensor>& buffers, std::vector<double>& scalars);

// Throws UserError when the ranks do not all hold the same `values` (`what` names the state in the message).
void checkSameOnAllRanks(DistributedGroup& group, const std::vector<double>& values, const std::string& what);

// A number that differs when the tensors differ (sum of values and of |values| weighted by position).
double tensorFingerprint(const std::vector<torch::Tensor>& tensors);

}  // namespace ganarium
