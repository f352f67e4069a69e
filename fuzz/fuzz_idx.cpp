// fuzz_idx.cpp — libFuzzer target: one input through parseIdxImages() and
// parseIdxLabels(), plain or gzip (src/core/fuzz_entry.cpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/fuzz_entry.h"

// libFuzzer's entry: a UserError is a good ending; anything else aborts.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ganarium::fuzz::idxInput(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
