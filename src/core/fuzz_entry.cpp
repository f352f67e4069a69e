// fuzz_entry.cpp — one fuzz input through the scene parser (with its
// round trip), the CSV reader and the IDX reader.
#include "core/fuzz_entry.h"

#include <cmath>

#include "core/csv_points.h"
#include "core/errors.h"
#include "core/idx_reader.h"
#include "core/scene_parser.h"

namespace ganarium::fuzz {
namespace {

const char* const kInputName = "fuzz-input";

void require(bool ok, const std::string& promise) {
    if (!ok) throw InvariantBroken(promise);
}

}  // namespace

Outcome sceneInput(const std::string& bytes, const std::string& base_dir) {
    SceneSpec scene;
    try {
        scene = parseSceneText(bytes, kInputName, base_dir);
    } catch (const UserError&) {
        return Outcome::Rejected;
    }
    require(!scene.runs.empty() && scene.runs.size() <= static_cast<size_t>(kMaxRunsPerScene), "an accepted scene has 1..6 runs");
    const std::string written = sceneToToml(scene);
    SceneSpec again;
    try {
        again = parseSceneText(written, "fuzz-input (written back)", base_dir);
    } catch (const UserError& e) {
        throw InvariantBroken(std::string("sceneToToml() wrote a scene that does not parse: ") + e.what() +
                              "\n--- written ---\n" + written);
    }
    again.source_path = scene.source_path;
    require(again == scene, "sceneToToml() wrote a scene that parses to a different spec:\n" + written);
    return Outcome::Accepted;
}

Outcome csvInput(const std::string& bytes) {
    std::vector<double> points;
    try {
        points = parsePointsCsv(bytes, kInputName);
    } catch (const UserError&) {
        return Outcome::Rejected;
    }
    require(!points.empty() && points.size() % 2 == 0, "accepted points come in x,y pairs");
    for (double v : points) require(std::isfinite(v), "accepted points are finite");
    return Outcome::Accepted;
}

Outcome idxInput(const std::string& bytes) {
    bool any_accepted = false;
    try {
        const IdxImages images = parseIdxImages(bytes, kInputName);
        require(images.count >= 0 && images.rows >= 0 && images.cols >= 0, "IDX dimensions are not negative");
        require(images.pixels.size() == size_t(images.count) * size_t(images.rows) * size_t(images.cols),
                "IDX images hold exactly count*rows*cols pixels");
        any_accepted = true;
    } catch (const UserError&) {
    }
    try {
        parseIdxLabels(bytes, kInputName);
        any_accepted = true;
    } catch (const UserError&) {
    }
    return any_accepted ? Outcome::Accepted : Outcome::Rejected;
}

const char* outcomeName(Outcome outcome) { return outcome == Outcome::Accepted ? "accepted" : "rejected"; }

}  // namespace ganarium::fuzz
