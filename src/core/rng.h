// rng.h — the seeded random source used by the core (data sampling, metric
// sample sets). One Rng per consumer; never a global or static generator.
#pragma once

#include <cstdint>
#include <random>
#include <sstream>
#include <string>

namespace ganarium {

// Deterministic 64-bit Mersenne Twister with the few draws the core needs.
class Rng {
public:
    explicit Rng(uint64_t seed = 1) : engine_(seed) {}
    // Standard normal draw.
    double normal() { return normal_(engine_); }
    // Uniform draw in [0, 1).
    double uniform() { return uniform_(engine_); }
    // Uniform integer in [0, n).
    uint64_t below(uint64_t n) { return n == 0 ? 0 : engine_() % n; }
    // Raw 64-bit draw (e.g. to derive child seeds).
    uint64_t next() { return engine_(); }
    // The whole state as text (engine and the normal draw's cached value): a checkpoint file's entry.
    std::string state() const {
        std::ostringstream out;
        out << engine_ << ' ' << normal_ << ' ' << uniform_;
        return out.str();
    }
    // Restores a state(); false (nothing changed) when `text` is not one.
    bool setState(const std::string& text) {
        std::istringstream in(text);
        std::mt19937_64 engine;
        std::normal_distribution<double> normal;
        std::uniform_real_distribution<double> uniform;
        in >> engine >> normal >> uniform;
        if (in.fail()) return false;
        engine_ = engine, normal_ = normal, uniform_ = uniform;
        return true;
    }

private:
    std::mt19937_64 engine_;
    std::normal_distribution<double> normal_{0.0, 1.0};
    std::uniform_real_distribution<double> uniform_{0.0, 1.0};
};

}  // namespace ganarium
