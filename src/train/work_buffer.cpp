// work_buffer.cpp — preallocated float buffers (see work_buffer.h).
#include "train/work_buffer.h"

namespace ganarium {

torch::Tensor emptyBuffer(at::IntArrayRef sizes) {
    c10::InferenceMode ordinary(false);
    return torch::empty(sizes);
}

void ensureBuffer(torch::Tensor& buffer, int64_t rows, int64_t cols) {
    if (buffer.defined() && buffer.dim() == 2 && buffer.size(0) == rows && buffer.size(1) == cols) return;
    buffer = emptyBuffer({rows, cols});
}

}  // namespace ganarium
