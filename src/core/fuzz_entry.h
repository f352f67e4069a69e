// fuzz_entry.h — the "one input" functions shared by the libFuzzer targets
// (fuzz/) and the regression suite (tests/core/fuzz_regression_test.cpp):
// each feeds bytes to one reader and checks what it promises. An input may
// end in success or in a UserError; anything else is a finding.
#pragma once

#include <stdexcept>
#include <string>

namespace ganarium::fuzz {

// How an input ended when it ended well.
enum class Outcome { Accepted, Rejected };

// A broken promise that is not a crash (e.g. a scene that does not re-parse).
class InvariantBroken : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

// Parses bytes as a scene (relative `csv` paths resolve in base_dir); an
// accepted scene must re-parse from sceneToToml() to an equal spec.
Outcome sceneInput(const std::string& bytes, const std::string& base_dir);

// Parses bytes as a points CSV; accepted points come in finite x,y pairs.
Outcome csvInput(const std::string& bytes);

// Parses bytes as IDX images and as IDX labels; accepted images hold exactly count*rows*cols pixels.
Outcome idxInput(const std::string& bytes);

// "accepted" or "rejected".
const char* outcomeName(Outcome outcome);

}  // namespace ganarium::fuzz
