// seeds.h — derives independent, reproducible seeds for each random stream
// of a run (data, latent draws, initial weights, metrics, display) from the
// one scene seed, so streams never share state and never depend on timing.
#pragma once

#include <cstdint>

namespace ganarium {

// The random streams of one run.
enum class SeedStream : uint64_t {
    Data = 1,          // real batches (core Rng): identical across runs of a scene
    GeneratorInit = 2, // G's initial weights
    CriticInit = 3,    // D's initial weights
    Latent = 4,        // z for training steps
    Penalty = 5,       // GP interpolation coefficients
    FixedFake = 6,     // samples of a fixed generator
    Metrics = 7,       // fresh samples for metric evaluation
    Display = 8,       // the fixed display samples of a snapshot
    Labels = 9,        // conditional image runs: the labels of generated batches; toy runs: mismatched pairs' wrong labels
    Mismatch = 10,     // conditional image runs: the wrong labels of mismatched pairs
};

// SplitMix64 finaliser of (seed, stream): a well-mixed 64-bit seed.
inline uint64_t deriveSeed(uint64_t seed, SeedStream stream) {
    uint64_t z = seed + 0x9E3779B97F4A7C15ull * (static_cast<uint64_t>(stream) + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace ganarium
