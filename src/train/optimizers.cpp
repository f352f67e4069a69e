// optimizers.cpp — the flat SGD / Adam / RMSprop updates (see optimizers.h).
#include "train/optimizers.h"

#include <cmath>

#include "train/optimizer_kernels.h"
#include "train/work_buffer.h"

namespace ganarium {

namespace {
constexpr float kEps = 1e-8f;  // torch::optim's default for Adam and RMSprop

// SGD: buf = momentum buf + g (buf starts at g); p -= lr buf (p -= lr g without momentum).
void sgdStep(float* p, const float* g, float* buf, int64_t n, const OptimSpec& s) {
    const float lr = static_cast<float>(s.lr), momentum = static_cast<float>(s.momentum);
    if (s.momentum == 0) {
        for (int64_t i = 0; i < n; ++i) p[i] -= lr * g[i];
        return;
    }
    for (int64_t i = 0; i < n; ++i) {
        buf[i] = buf[i] * momentum + g[i];
        p[i] -= lr * buf[i];
    }
}
}  // namespace

FlatOptimizer::FlatOptimizer(const OptimSpec& spec, int64_t size) : spec_(spec) {
    first_ = emptyBuffer({size}).zero_();
    if (spec.kind == OptimizerKind::Adam) second_ = emptyBuffer({size}).zero_();
}

FlatOptimizer::State FlatOptimizer::saveState() const {
    State state{spec_.kind, first_.clone(), second_.defined() ? second_.clone() : torch::Tensor(), steps_};
    return state;
}

void FlatOptimizer::restoreState(const State& state) {
    const bool fits = state.kind == spec_.kind && state.first.sizes() == first_.sizes() &&
                      state.second.defined() == second_.defined();
    steps_ = fits ? state.steps : 0;
    if (!fits) {
        first_.zero_();
        if (second_.defined()) second_.zero_();
        return;
    }
    first_.copy_(state.first);
    if (second_.defined()) second_.copy_(state.second);
}

bool FlatOptimizer::update(const OptimSpec& next) {
    if (next.kind != spec_.kind) return false;
    spec_ = next;
    return true;
}

void FlatOptimizer::step(const torch::Tensor& params, const torch::Tensor& grads) {
    ++steps_;
    float* p = params.data_ptr<float>();
    const float* g = grads.data_ptr<float>();
    const int64_t n = params.numel();
    switch (spec_.kind) {
        case OptimizerKind::Adam: {
            const double bc1 = 1.0 - std::pow(spec_.beta1, static_cast<double>(steps_));
            const double bc2 = 1.0 - std::pow(spec_.beta2, static_cast<double>(steps_));
            const AdamConstants c{static_cast<float>(spec_.beta1),       static_cast<float>(spec_.beta2),
                                  static_cast<float>(1.0 - spec_.beta1), static_cast<float>(1.0 - spec_.beta2),
                                  static_cast<float>(spec_.lr / bc1),    static_cast<float>(1.0 / std::sqrt(bc2)),
                                  kEps};
            adamUpdate(p, g, first_.data_ptr<float>(), second_.data_ptr<float>(), n, c);
            return;
        }
        case OptimizerKind::SGD: sgdStep(p, g, first_.data_ptr<float>(), n, spec_); return;
        case OptimizerKind::RMSprop:
            rmspropUpdate(p, g, first_.data_ptr<float>(), n, static_cast<float>(spec_.alpha),
                          static_cast<float>(spec_.lr), kEps);
            return;
    }
}

}  // namespace ganarium
