// record_readability_test.cpp — small videos of several runs are refused with
// a size that works; one run, or a large enough size, is recorded.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app/record_readability.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

SceneSpec ring8() { return loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/ring8.toml"); }

}  // namespace

TEST_CASE("record: a 4-run scene at 640x360 --no-curves is refused with a suggestion; 1280x720 is fine") {
    const SceneSpec scene = ring8();
    REQUIRE(scene.runs.size() == 4);
    const RecordPanelEstimate small = estimateRecordPanels(4, 2, 640, 360, false);
    CHECK(std::min(small.plot_w, small.plot_h) < kMinReadablePlotPx);
    const std::string problem = recordReadabilityProblem(scene, 640, 360, false);
    CAPTURE(problem);
    CHECK(problem.find("4 runs in a 640x360 video") != std::string::npos);
    CHECK(problem.find("--size ") != std::string::npos);
    CHECK(recordReadabilityProblem(scene, 1280, 720, true).empty());
    CHECK(recordReadabilityProblem(scene, 1280, 720, false).empty());
    const RecordPanelEstimate big = estimateRecordPanels(4, 2, 1280, 720, false);
    CHECK(big.grid.cells() == 4);
    CHECK(std::min(big.plot_w, big.plot_h) >= kMinReadablePlotPx);
}

TEST_CASE("record: one run is never refused, however small the video") {
    SceneSpec scene = ring8();
    scene.runs.resize(1);
    CHECK(recordReadabilityProblem(scene, 320, 180, true).empty());
    const SceneSpec every = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/default.toml");
    CHECK(recordReadabilityProblem(every, 1280, 720, true).empty());
    const SceneSpec dirac = loadSceneFile(std::string(GANARIUM_SCENE_DIR) + "/dirac-gan.toml");
    CHECK(recordReadabilityProblem(dirac, 1280, 720, true).empty());
}

TEST_CASE("record: every shipped scene records at the default 1280x720 with curves") {
    for (const auto& entry : std::filesystem::directory_iterator(GANARIUM_SCENE_DIR)) {
        if (entry.path().extension() != ".toml") continue;
        CAPTURE(entry.path().string());
        const SceneSpec scene = loadSceneFile(entry.path().string());
        CHECK(recordReadabilityProblem(scene, 1280, 720, true).empty());
    }
}
