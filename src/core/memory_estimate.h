// memory_estimate.h — a torch-free, deliberately generous estimate of the
// memory a scene's runs need while training (weights, gradients, optimizer
// state, activations of forward and backward at the batch size, the double
// backward of a gradient penalty, evaluation and display buffers), and the
// memory this machine has, so that a scene that cannot fit is refused when it
// is validated, with both figures, instead of failing inside LibTorch.
#pragma once

#include <cstddef>
#include <string>

#include "core/scene_spec.h"

namespace ganarium {

// Environment variable that replaces the machine's available memory, in MB (tests, containers).
constexpr const char* kMemoryLimitVariable = "GANARIUM_MEMORY_LIMIT_MB";

// Bytes one run needs while it trains on `data_dim`-dimensional data (an upper estimate).
double estimateRunBytes(const RunSpec& run, int data_dim);

// Bytes all runs of `scene` need together, plus LibTorch's own working set.
double estimateSceneBytes(const SceneSpec& scene);

// Bytes of MemAvailable in /proc/meminfo text (MemFree when it has no MemAvailable); 0 when neither.
double memAvailableFromMeminfo(const std::string& meminfo_text);

// The memory a scene may use: $GANARIUM_MEMORY_LIMIT_MB when set, else MemAvailable; 0 when unknown.
double availableMemoryBytes();

// Why `scene` cannot train in `available_bytes` ("" when it fits, or when available_bytes <= 0):
// "needs about 80.1 GB of memory to train (...), this machine has 22.1 GB available; lower ...".
// `largest_run` receives the index of the run needing the most (the one the message names).
std::string memoryProblem(const SceneSpec& scene, double available_bytes, size_t& largest_run);

}  // namespace ganarium
