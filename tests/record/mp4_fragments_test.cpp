// mp4_fragments_test.cpp — trimToCompleteFragments on fragmented MP4s cut
// at known places: inside a moof (which makes ffmpeg reject the whole file),
// inside an mdat, and not at all.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/record_mp4_fragments.h"
#include "record/record_test_support.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

// 120 frames at 30 fps with a keyframe every 30: ftyp, moov, 4 x (moof, mdat), mfra.
std::string makeFragmentedMp4(const TempDir& dir) {
    const std::string path = dir.file("frag.mp4");
    const RunResult r = runProgram({"ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=30",
                                    "-frames:v", "120", "-c:v", "libx264", "-preset", "veryfast", "-g", "30",
                                    "-pix_fmt", "yuv420p", "-movflags", "+frag_keyframe+empty_moov+default_base_moof",
                                    "-f", "mp4", path});
    return r.exit_code == 0 ? path : "";
}

struct Box {
    std::string type;
    uint64_t offset, size;
};

// The top-level boxes of a complete file (32-bit sizes, as ffmpeg writes small files).
std::vector<Box> topLevelBoxes(const std::string& bytes) {
    std::vector<Box> boxes;
    uint64_t at = 0;
    while (at + 8 <= bytes.size()) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at);
        const uint64_t size = (uint64_t{p[0]} << 24) | (uint64_t{p[1]} << 16) | (uint64_t{p[2]} << 8) | p[3];
        if (size < 8) break;
        boxes.push_back({bytes.substr(at + 4, 4), at, size});
        at += size;
    }
    return boxes;
}

// Offset of the n-th (0-based) box of `type`.
uint64_t nthBox(const std::vector<Box>& boxes, const std::string& type, int n) {
    for (const Box& b : boxes)
        if (b.type == type && n-- == 0) return b.offset;
    return 0;
}

}  // namespace

TEST_CASE("a fragmented mp4 cut inside a fragment is trimmed to its complete fragments and plays") {
    TempDir dir;
    const std::string path = makeFragmentedMp4(dir);
    REQUIRE(!path.empty());
    const std::string whole = readFile(path);
    const auto boxes = topLevelBoxes(whole);
    const uint64_t third_moof = nthBox(boxes, "moof", 2);
    REQUIRE(third_moof > 0);

    SUBCASE("cut inside a moof") { REQUIRE(::truncate(path.c_str(), static_cast<off_t>(third_moof + 100)) == 0); }
    SUBCASE("cut inside an mdat") {
        const uint64_t third_mdat = nthBox(boxes, "mdat", 2);
        REQUIRE(third_mdat > third_moof);
        REQUIRE(::truncate(path.c_str(), static_cast<off_t>(third_mdat + 500)) == 0);
    }
    CHECK(trimToCompleteFragments(path) == 2);
    CHECK(readFile(path).size() == third_moof);  // ends right after the second mdat
    CHECK(decodedFrames(path) == 60);
}

TEST_CASE("a complete fragmented mp4 is left as it is; one without a whole fragment too") {
    TempDir dir;
    const std::string path = makeFragmentedMp4(dir);
    REQUIRE(!path.empty());
    const std::string whole = readFile(path);
    CHECK(trimToCompleteFragments(path) == 4);
    CHECK(readFile(path) == whole);
    CHECK(decodedFrames(path) == 120);

    const uint64_t first_mdat = nthBox(topLevelBoxes(whole), "mdat", 0);
    REQUIRE(::truncate(path.c_str(), static_cast<off_t>(first_mdat + 10)) == 0);
    CHECK(trimToCompleteFragments(path) == 0);
    CHECK(readFile(path).size() == first_mdat + 10);
    CHECK(trimToCompleteFragments(dir.file("missing.mp4")) == -1);
}
