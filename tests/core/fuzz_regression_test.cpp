// fuzz_regression_test.cpp — replays every input under
// tests/data/fuzz_regressions/{scene,csv,idx}/ through the functions the
// fuzz targets call (src/core/fuzz_entry.cpp): each must end in success or a
// UserError, never a crash, another exception or a broken invariant. Inputs
// whose outcome is known are pinned here too.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/fuzz_entry.h"

using namespace ganarium;
using ganarium::fuzz::Outcome;

namespace {

const std::string kRegressionDir = std::string(GANARIUM_TEST_DATA_DIR) + "/fuzz_regressions";

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    REQUIRE_MESSAGE(file, "cannot open " << path.string());
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

// The regular files of one reader's folder, sorted so failures are reproducible.
std::vector<std::filesystem::path> inputsOf(const std::string& reader) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(kRegressionDir + "/" + reader))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

Outcome replay(const std::string& reader, const std::string& bytes) {
    if (reader == "scene") return fuzz::sceneInput(bytes, GANARIUM_TEST_DATA_DIR);
    if (reader == "csv") return fuzz::csvInput(bytes);
    return fuzz::idxInput(bytes);
}

// Inputs whose outcome is known: "reader/file" -> outcome.
const std::map<std::string, Outcome> kPinnedOutcomes = {
    // 35,000 nested table-header levels overflowed toml++'s stack (70 KB of `[a.a.a...]`).
    {"scene/deep_table_header_35000.toml", Outcome::Rejected},
    // Non-ASCII outside strings and comments: toml++ 3.3.0 reaches __builtin_unreachable in
    // is_non_ascii_horizontal_whitespace() (UBSan in the fuzz build; upstream issues #190, #295).
    {"scene/non_ascii_bare_key.toml", Outcome::Rejected},
    {"scene/non_ascii_fuzzer_found.toml", Outcome::Rejected},
    {"scene/non_ascii_after_line_ending_backslash.toml", Outcome::Rejected},
    // Non-ASCII text, escapes, subnormal and signed-zero numbers that must survive sceneToToml().
    {"scene/unicode_and_escapes_round_trip.toml", Outcome::Accepted},
    {"csv/exponent_overflows_double.csv", Outcome::Rejected},
    {"csv/nul_byte_in_number.csv", Outcome::Rejected},
    // Dimensions 0 x 2^32-1 x 2^32-1: once read as count 0, rows -1, cols -1.
    {"idx/dims_past_int.idx", Outcome::Rejected},
    // 2^22 x 2^22 x 2^20 = 2^64 wrapped to 0 values: once accepted with no pixels for 2^64.
    {"idx/dims_product_wraps_2pow64.idx", Outcome::Rejected},
    {"idx/truncated_gzip.idx.gz", Outcome::Rejected},
};

}  // namespace

TEST_CASE("every fuzz regression input ends in success or a UserError") {
    int replayed = 0;
    for (const std::string reader : {"scene", "csv", "idx"}) {
        for (const auto& path : inputsOf(reader)) {
            const std::string key = reader + "/" + path.filename().string();
            INFO("input: tests/data/fuzz_regressions/" << key);
            Outcome outcome = Outcome::Rejected;
            CHECK_NOTHROW(outcome = replay(reader, readBytes(path)));
            const auto pinned = kPinnedOutcomes.find(key);
            if (pinned != kPinnedOutcomes.end())
                CHECK(std::string(fuzz::outcomeName(outcome)) == fuzz::outcomeName(pinned->second));
            ++replayed;
        }
    }
    CHECK(replayed >= static_cast<int>(kPinnedOutcomes.size()));
}

TEST_CASE("every pinned fuzz regression input is in its folder") {
    for (const auto& pinned : kPinnedOutcomes) {
        INFO(pinned.first);
        CHECK(std::filesystem::is_regular_file(kRegressionDir + "/" + pinned.first));
    }
}

TEST_CASE("fuzz entries accept good inputs and reject bad ones") {
    // The shipped scenes parse and survive the save-as round trip.
    for (const char* scene : {"default.toml", "ring8.toml", "dirac-gan.toml", "optimal-d-1d.toml"}) {
        INFO(scene);
        CHECK(fuzz::sceneInput(readBytes(std::string(GANARIUM_SCENE_DIR) + "/" + scene), GANARIUM_SCENE_DIR) ==
              Outcome::Accepted);
    }
    CHECK(fuzz::sceneInput("[data]\nfamily = \"ring\"\n", ".") == Outcome::Rejected);  // no [[run]]
    CHECK(fuzz::csvInput("x,y\n1,2\n-3.5,4e2\n") == Outcome::Accepted);
    CHECK(fuzz::csvInput("1,2,3\n") == Outcome::Rejected);
    const std::string labels = {0, 0, 8, 1, 0, 0, 0, 2, 4, 7};
    CHECK(fuzz::idxInput(labels) == Outcome::Accepted);
    CHECK(fuzz::idxInput(labels.substr(0, 9)) == Outcome::Rejected);
}
