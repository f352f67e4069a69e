// test_scene_parser.cpp — every shipped scene parses and round-trips; user
// mistakes produce messages with file, line, key, range or suggestion.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/command.h"
#include "core/csv_points.h"
#include "core/distribution.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

const char* kMinimal = R"(
[scene]
title = "t"

[data]
family = "ring"
modes = 8

[[run]]
objective = "wasserstein"
lipschitz = "gp"
)";

// The message of the SceneError parseSceneText throws ("" when none).
std::string errorOf(const std::string& text, const std::string& name = "scenes/test.toml") {
    try {
        parseSceneText(text, name, GANARIUM_TEST_DATA_DIR);
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("every shipped scene parses and round-trips through sceneToToml") {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(GANARIUM_SCENE_DIR)) {
        if (entry.path().extension() != ".toml") continue;
        CAPTURE(entry.path().string());
        const SceneSpec scene = loadSceneFile(entry.path().string());
        CHECK(scene.source_path == entry.path().string());
        CHECK(!scene.title.empty());
        CHECK(!scene.caption.empty());
        CHECK(scene.runs.size() >= 1);
        CHECK(scene.runs.size() <= 6);
        CHECK_NOTHROW(makeDistribution(scene.data));
        const std::string text = sceneToToml(scene);
        const SceneSpec back = parseSceneText(text, "roundtrip.toml", entry.path().parent_path().string());
        CHECK(back == scene);
        ++count;
    }
    CHECK(count >= 7);
}

TEST_CASE("the embedded default scene") {
    const SceneSpec scene = defaultScene();
    CHECK(scene.source_path == "<embedded>");
    CHECK(scene.data.family == DataFamily::Ring);
    REQUIRE(scene.runs.size() == 2);
    CHECK(toyOf(scene.runs[1])->objective == Objective::Wasserstein);
    CHECK(toyOf(scene.runs[1])->lipschitz == Lipschitz::GradientPenalty);
    CHECK(toyOf(scene.runs[1])->k_d == 5);
    CHECK(toyOf(scene.runs[0])->k_d == 1);  // from [defaults]
    CHECK(toyOf(scene.runs[0])->g_opt.beta2 == 0.9);
    CHECK(scene.display.has_view);
    CHECK(scene.display.view[3] == 3.0);
}

TEST_CASE("defaults, per-net keys and default run names") {
    const SceneSpec s = parseSceneText(std::string(kMinimal) + R"(
[[run]]
objective = "minimax"
optimizer = "sgd"
d_optimizer = "rmsprop"
activation = "tanh"
g_hidden = []
beta1 = 0.0
)", "x.toml");
    REQUIRE(s.runs.size() == 2);
    CHECK(s.runs[0].name == "WGAN-GP");
    CHECK(s.runs[1].name == "Minimax GAN");
    CHECK(toyOf(s.runs[1])->g_opt.kind == OptimizerKind::SGD);
    CHECK(toyOf(s.runs[1])->d_opt.kind == OptimizerKind::RMSprop);
    CHECK(toyOf(s.runs[1])->d_net.activation == Activation::Tanh);
    CHECK(toyOf(s.runs[1])->g_net.hidden.empty());
    CHECK(sceneToToml(s).find("d_optimizer = \"rmsprop\"") != std::string::npos);
    CHECK(parseSceneText(sceneToToml(s), "y.toml") == s);
}

TEST_CASE("typo'd key: file, line, key and suggestion") {
    const std::string text = R"([scene]
title = "x"

[data]
family = "ring"

[[run]]
objective = "minimax"

[[run]]
objectve = "wasserstein"
)";
    const std::string msg = errorOf(text, "scenes/ring8.toml");
    CHECK(msg.find("scenes/ring8.toml:11:") != std::string::npos);
    CHECK(msg.find("'objectve'") != std::string::npos);
    CHECK(msg.find("[[run]] #2") != std::string::npos);
    CHECK(msg.find("did you mean 'objective'?") != std::string::npos);
    CHECK(errorOf("[scen]\ntitle = \"a\"\n").find("did you mean 'scene'") != std::string::npos);
}

TEST_CASE("wrong type names the expected type") {
    const std::string msg = errorOf(std::string(kMinimal) + "batch = \"many\"\n");
    CHECK(msg.find("'batch'") != std::string::npos);
    CHECK(msg.find("expected an integer") != std::string::npos);
    CHECK(msg.find("got a string") != std::string::npos);
    CHECK(errorOf(std::string(kMinimal) + "g_lr = true\n").find("expected a number") != std::string::npos);
    CHECK(errorOf(std::string(kMinimal) + "batch = 2.5\n").find("expected an integer") != std::string::npos);
}

TEST_CASE("out-of-range values give the allowed range") {
    std::string msg = errorOf(std::string(kMinimal) + "latent_dim = 65\n");
    CHECK(msg.find("'latent_dim'") != std::string::npos);
    CHECK(msg.find("1..64") != std::string::npos);
    CHECK(msg.find("test.toml:12:") != std::string::npos);
    CHECK(errorOf(std::string(kMinimal) + "g_lr = 0.0\n").find("> 0") != std::string::npos);
    CHECK(errorOf(std::string(kMinimal) + "k_d = 0\n").find("1..100") != std::string::npos);
    msg = errorOf(std::string(kMinimal) + R"([[run]]
[[run]]
[[run]]
[[run]]
[[run]]
[[run]]
)");
    CHECK(msg.find("1..6") != std::string::npos);
    CHECK(errorOf("[data]\nfamily = \"gaussian\"\nstd = -1.0\n[[run]]\n").find("1e-06..10000") != std::string::npos);
    CHECK(errorOf("[scene]\nthreads = 0\n[data]\nfamily = \"ring\"\n[[run]]\n").find("1..64") != std::string::npos);
}

TEST_CASE("bad enum value lists the spellings and suggests") {
    const std::string msg = errorOf(std::string(kMinimal) + "[[run]]\nobjective = \"wasserstien\"\n");
    CHECK(msg.find("'wasserstien'") != std::string::npos);
    CHECK(msg.find("'non_saturating'") != std::string::npos);
    CHECK(msg.find("did you mean 'wasserstein'?") != std::string::npos);
    CHECK(errorOf("[data]\nfamily = \"rnig\"\n[[run]]\n").find("did you mean 'ring'?") != std::string::npos);
}

TEST_CASE("data keys of another family are named") {
    const std::string msg = errorOf("[data]\nfamily = \"gaussian\"\nradius = 2.0\n[[run]]\n");
    CHECK(msg.find("'radius'") != std::string::npos);
    CHECK(msg.find("ring") != std::string::npos);
    CHECK(msg.find("not used by family 'gaussian'") != std::string::npos);
}

TEST_CASE("fixed_data must match the data dimension and need fixed_generator") {
    const std::string base = "[data]\nfamily = \"gaussian\"\n[[run]]\nfixed_generator = true\n";
    std::string msg = errorOf(base + "[run.fixed_data]\nfamily = \"ring\"\n");
    CHECK(msg.find("2D but [data] is 1D") != std::string::npos);
    CHECK(errorOf(base).find("[run.fixed_data]") != std::string::npos);
    const SceneSpec ok = parseSceneText(base + "[run.fixed_data]\nfamily = \"uniform\"\nlow = -1.0\nhigh = 1.0\n", "x");
    CHECK(toyOf(ok.runs[0])->fixed_data.family == DataFamily::Uniform1D);
    CHECK(errorOf("[data]\nfamily = \"gaussian\"\n[[run]]\n[run.fixed_data]\nfamily = \"gaussian\"\n")
              .find("fixed_generator = true") != std::string::npos);
}

TEST_CASE("TOML syntax error gives file:line:col") {
    const std::string msg = errorOf("[scene]\ntitle = \"unterminated\n", "bad.toml");
    CHECK(msg.find("bad.toml:2:") != std::string::npos);
    CHECK(msg.find("TOML syntax error") != std::string::npos);
}

TEST_CASE("missing files") {
    try {
        loadSceneFile("/nonexistent/nothing.toml");
        FAIL("no exception");
    } catch (const SceneError& e) {
        const std::string msg = e.what();
        CHECK(msg.find("cannot open scene file '/nonexistent/nothing.toml'") != std::string::npos);
        CHECK(msg.find("No such file") != std::string::npos);
    }
    CHECK(errorOf("[data]\nfamily = \"points\"\ncsv = \"missing.csv\"\n[[run]]\n").find("missing.csv") !=
          std::string::npos);
}

TEST_CASE("points from CSV: relative path, header, comments") {
    const SceneSpec s = parseSceneText("[data]\nfamily = \"points\"\ncsv = \"points_ok.csv\"\nnoise = 0.05\n[[run]]\n",
                                       "scene.toml", GANARIUM_TEST_DATA_DIR);
    CHECK(s.data.points == std::vector<double>{0.0, 0.0, 1.0, 0.0, 0.5, 0.8});
    CHECK(std::filesystem::path(s.data.csv_path).is_absolute());
    CHECK(parseSceneText(sceneToToml(s), "again.toml") == s);
    const SceneSpec inl = parseSceneText("[data]\nfamily = \"points\"\npoints = [[0.0, 1.0], [2.0, 3.0]]\n[[run]]\n", "i");
    CHECK(inl.data.points == std::vector<double>{0.0, 1.0, 2.0, 3.0});
    CHECK(parseSceneText(sceneToToml(inl), "j") == inl);
}

TEST_CASE("malformed and empty CSV") {
    const std::string dir = GANARIUM_TEST_DATA_DIR;
    try {
        loadPointsCsv(dir + "/points_bad.csv");
        FAIL("no exception");
    } catch (const SceneError& e) {
        const std::string msg = e.what();
        CHECK(msg.find("points_bad.csv:7: expected two numbers 'x,y', got 'abc'") != std::string::npos);
    }
    CHECK_THROWS_WITH_AS(parsePointsCsv("1;2\n3,4\n", "inline.csv"), doctest::Contains("inline.csv:1:"), SceneError);
    CHECK(parsePointsCsv("x, y\n 1.5 , -2\n", "ok.csv") == std::vector<double>{1.5, -2.0});
    CHECK_THROWS_WITH_AS(loadPointsCsv(dir + "/points_empty.csv"), doctest::Contains("contains no points"),
                         SceneError);
    CHECK(errorOf("[data]\nfamily = \"points\"\ncsv = \"points_bad.csv\"\n[[run]]\n").find("points_bad.csv:7:") !=
          std::string::npos);
}

TEST_CASE("drawn data: blobs and painted points combine in either order; blobs stay the only modes") {
    Command blob;
    blob.kind = Command::Kind::AddBlob;
    blob.x = 1.0;
    blob.y = 2.0;
    blob.std = 0.2;
    Command paint;
    paint.kind = Command::Kind::AddPoints;
    paint.points = {0.0, 0.0, 0.5, 0.0};

    DataSpec ring;  // a shipped family is replaced by the first edit
    const DataSpec blobs_then_points = customDataAfter(customDataAfter(ring, blob), paint);
    CHECK(blobs_then_points.family == DataFamily::Blobs2D);
    CHECK(blobs_then_points.means == std::vector<double>{1.0, 2.0});
    CHECK(blobs_then_points.points == paint.points);

    const DataSpec points_then_blob = customDataAfter(customDataAfter(ring, paint), blob);
    CHECK(points_then_blob.family == DataFamily::Blobs2D);
    CHECK(points_then_blob.means == std::vector<double>{1.0, 2.0});
    CHECK(points_then_blob.points == paint.points);
    CHECK(customDataAfter(ring, paint).family == DataFamily::Points2D);

    // The mixture: one mode (the blob), three equal components; D* and the metrics get an analytic density.
    const auto mixture = makeDistribution(blobs_then_points);
    REQUIRE(mixture->modes().size() == 1);
    CHECK(mixture->modes()[0].x == 1.0);
    CHECK(mixture->modes()[0].std == doctest::Approx(0.2));
    CHECK(mixture->hasDensity());
    const double at_point[2] = {0.0, 0.0}, far_away[2] = {-5.0, -5.0};
    CHECK(mixture->density(at_point) > 0.3);  // 1/3 of the mass in a Gaussian of std 0.05 at the origin
    CHECK(mixture->density(far_away) < 1e-12);

    // Saved and reloaded: the same data, painted points and their jitter included.
    SceneSpec scene = parseSceneText("[data]\nfamily = \"ring\"\n[[run]]\n", "drawn.toml");
    scene.data = blobs_then_points;
    const std::string text = sceneToToml(scene);
    CHECK(text.find("points = ") != std::string::npos);
    CHECK(parseSceneText(text, "again.toml") == scene);
    Command clear;
    clear.kind = Command::Kind::ClearData;
    const DataSpec cleared = customDataAfter(blobs_then_points, clear);
    CHECK(cleared.means.empty());
    CHECK(cleared.points.empty());
}

TEST_CASE("[scene] show / hide / curves: layer and tab names, typos suggested, saved and reloaded") {
    const SceneSpec s = parseSceneText(
        "[scene]\nshow = [\"gp_lines\"]\nhide = [\"arrows\", \"manifold\"]\ncurves = \"modes_covered\"\n"
        "[data]\nfamily = \"ring\"\n[[run]]\n",
        "display.toml");
    CHECK(s.display.layers.gp_lines);
    CHECK_FALSE(s.display.layers.arrows);
    CHECK_FALSE(s.display.layers.manifold);
    CHECK(s.display.layers.real);  // untouched layers keep their defaults
    CHECK_FALSE(s.display.layers.loss_shapes);
    CHECK(s.display.curves == "modes_covered");
    CHECK(s.display.layout == "auto");
    CHECK(parseSceneText(sceneToToml(s), "again.toml") == s);
    std::vector<std::string> show, hide;
    layerChanges(s.display.layers, show, hide);
    CHECK(show == std::vector<std::string>{"gp_lines"});
    CHECK(hide == std::vector<std::string>{"arrows", "manifold"});

    const std::string typo = errorOf("[scene]\nshow = [\"gp_line\"]\n[data]\nfamily = \"ring\"\n[[run]]\n");
    CHECK(typo.find("show") != std::string::npos);
    CHECK(typo.find("did you mean 'gp_lines'") != std::string::npos);
    const std::string tab = errorOf("[scene]\ncurves = \"mode_covered\"\n[data]\nfamily = \"ring\"\n[[run]]\n");
    CHECK(tab.find("did you mean 'modes_covered'") != std::string::npos);
    CHECK(errorOf("[scene]\nhide = \"arrows\"\n[data]\nfamily = \"ring\"\n[[run]]\n").find("expected an array") !=
          std::string::npos);
    CHECK(layerNames().size() == 11);
    CHECK(layerNames().back() == "loss_shapes");
    CHECK(curveNames().front() == "divergence");
}

TEST_CASE("[scene] layout: the run-panel grid, checked, written only when not auto, round-trips") {
    const SceneSpec s = parseSceneText("[scene]\nlayout = \"2x1\"\n[data]\nfamily = \"ring\"\n[[run]]\n[[run]]\n",
                                       "layout.toml");
    CHECK(s.display.layout == "2x1");
    const std::string text = sceneToToml(s);
    CHECK(text.find("layout = \"2x1\"") != std::string::npos);
    CHECK(parseSceneText(text, "again.toml") == s);
    SceneSpec other = s;
    other.display.layout = "1x2";
    CHECK_FALSE(other == s);  // the grid is part of the scene's equality (save-as must keep it)
    other.display.layout = "auto";
    CHECK(sceneToToml(other).find("layout") == std::string::npos);
    const std::string bad = errorOf("[scene]\nlayout = \"7x1\"\n[data]\nfamily = \"ring\"\n[[run]]\n");
    CHECK(bad.find("layout") != std::string::npos);
    CHECK(bad.find("columns x rows") != std::string::npos);
    CHECK(isLayoutName("auto"));
    CHECK(isLayoutName("3x2"));
    CHECK_FALSE(isLayoutName("0x1"));
    CHECK_FALSE(isLayoutName("2x"));
    CHECK_FALSE(isLayoutName("2x10"));
}
