// render_shader_test.cpp — shader programs: embedded fallback, hot reload, and
// a broken shader keeping the last good program (error text exposed).
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "render/shader_program.h"
#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "shader_files_fixture.h"
#include "views/field_scale.h"
#include "views/view_2d.h"

using namespace ganarium;
using ganarium::test::colourDistance;
using ganarium::test::RenderGlFixture;

namespace fs = std::filesystem;
using ganarium::test::copyShadersToTemp;
using ganarium::test::rewriteShader;

TEST_CASE("shader sources: every shader is embedded, and a missing folder falls back to the embedded copy") {
    for (const char* name : {"heatmap.vert", "heatmap.frag", "points.vert", "points.frag", "lines.vert", "lines.frag",
                             "arrows.vert"}) {
        ShaderSource s = loadShaderSource("/nonexistent/ganarium", name);
        CHECK(s.text.rfind("#version 330 core", 0) == 0);
        CHECK(s.origin == std::string("embedded:") + name);
    }
    CHECK(loadShaderSource("/nonexistent", "no_such.frag").text.empty());
}

TEST_CASE("a shader with a syntax error keeps the last good program and reports the error") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    fs::path dir = copyShadersToTemp("program");
    ShaderProgram program("heatmap.vert", "heatmap.frag", dir.string());
    REQUIRE(program.valid());
    CHECK(program.lastError().empty());
    GLuint good = program.id();
    CHECK_FALSE(program.reloadIfChanged());  // nothing changed

    // Break the fragment shader: compile fails, the old program stays.
    ShaderSource original = loadShaderSource(dir.string(), "heatmap.frag");
    rewriteShader(dir / "heatmap.frag", "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(1.0) }\n");
    CHECK_FALSE(program.reloadIfChanged());
    CHECK_FALSE(program.lastError().empty());
    CHECK(program.lastError().find("heatmap.frag") != std::string::npos);
    CHECK(program.valid());
    CHECK(program.id() == good);

    // Fixing it builds a new program and clears the error.
    rewriteShader(dir / "heatmap.frag", original.text);
    CHECK(program.reloadIfChanged());
    CHECK(program.lastError().empty());

    // Through a view: break the heatmap after a first frame; the next frame still draws the field.
    View2D view(dir.string());
    Snapshot snap = test::constantField2D(1.0f, false);
    ViewLayers layers;
    ViewStyle style;
    style.interactive = false;
    ViewCamera camera;
    fx.renderFrame(400, 300, [&] { view.draw(snap, 0, layers, camera, style, ImVec2(400, 300)); });
    rewriteShader(dir / "heatmap.frag", "#version 330 core\nthis is not glsl\n");
    auto img = fx.renderFrame(400, 300, [&] { view.draw(snap, 0, layers, camera, style, ImVec2(400, 300)); });
    CHECK(view.shaderErrors().find("heatmap.frag") != std::string::npos);
    Rgba want = heatmapDisplayColour(ColormapKind::Probability, 1.f, kHeatmapOpacity);
    ImVec2 p = view.dataToScreen(0.27, 0.33);
    CHECK(colourDistance(fx.pixel(img, static_cast<int>(p.x), static_cast<int>(p.y)), want.r, want.g, want.b) <= 4);
    fs::remove_all(dir);
}
