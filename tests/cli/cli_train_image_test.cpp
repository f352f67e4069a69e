// cli_train_image_test.cpp — `ganarium train` on a scene of image GAN runs
// (no [data] table): the JSON metrics file has the toy runs' schema (scene,
// seed, runs with name/objective/lipschitz/status/series), each series point
// holds the image metrics, and the final table names them.
#include <doctest/doctest.h>

#include <cmath>

#include "cli_process.h"
#include "cli_scenes.h"
#include "mini_json.h"

using namespace ganarium::test;

namespace {

// The tiny image scene: 6 steps, metrics every 3.
const std::string kTinyImageScene = tinyImageScene("CLI test: tiny images", 6, 3);

}  // namespace

TEST_CASE("train on an image scene writes the JSON metrics schema of the toy runs") {
    ScratchDir dir;
    const std::string scene = dir.write("images.toml", kTinyImageScene);
    const std::string json_path = dir.file("m.json");
    const ProcessResult r = runGanarium("train " + shellQuote(scene) + " --no-image-metrics --metrics " + shellQuote(json_path));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("Hinge SN") != std::string::npos);
    CHECK(r.output.find("d_score_real") != std::string::npos);  // the final table's image columns
    CHECK(r.output.find("loss_d") != std::string::npos);

    const std::string text = readText(json_path);
    INFO(text);
    const Json doc = JsonReader(text).parseDocument();
    CHECK(doc.at("scene").string == "CLI test: tiny images");
    CHECK(doc.at("seed").number == 4);
    const auto& runs = doc.at("runs").array;
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].at("objective").string == "non_saturating");
    CHECK(runs[1].at("objective").string == "hinge");
    CHECK(runs[1].at("lipschitz").string == "sn");
    for (const Json& run : runs) {
        CHECK(run.at("status").string == "ok");
        const auto& series = run.at("series").array;
        REQUIRE(series.size() >= 2);
        CHECK(series.back().at("step").number == 6);
        for (const Json& point : series) {
            CHECK(point.at("d_score_real").type == Json::Type::Number);
            CHECK(point.at("d_score_fake").type == Json::Type::Number);
            if (point.at("step").number > 0) {
                CHECK(point.at("loss_d").type == Json::Type::Number);
                CHECK(point.at("loss_g").type == Json::Type::Number);
                CHECK(point.at("g_grad_norm").type == Json::Type::Number);
            }
        }
    }
}
