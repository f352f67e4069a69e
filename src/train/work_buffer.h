// work_buffer.h — preallocated float buffers for the manual training pass:
// made once and reused while their shape stays the same. They are ordinary
// tensors (never inference tensors), even when made inside InferenceMode, so
// that anything handed out of a training step works everywhere.
#pragma once

#include <torch/torch.h>

namespace ganarium {

// An uninitialised float tensor of `sizes` (an ordinary tensor, not an inference tensor).
torch::Tensor emptyBuffer(at::IntArrayRef sizes);

// Makes `buffer` an uninitialised rows x cols float tensor unless it already has that shape.
void ensureBuffer(torch::Tensor& buffer, int64_t rows, int64_t cols);

}  // namespace ganarium
