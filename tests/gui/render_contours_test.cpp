// render_contours_test.cpp — contour lines only where the field has a slope:
// a D flat at 1/2 up to float noise (the equilibrium) draws no grid-aligned
// fragments, while a real slope still draws its D = 1/2 line.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "render_gl_fixture.h"
#include "render_synthetic_snapshot.h"
#include "views/view_2d.h"

using namespace ganarium;
using ganarium::test::Pixel;
using ganarium::test::RenderGlFixture;

namespace {

// A probability D on [-1, 1]^2 (16 x 16 cells): value(x, y) per cell centre.
template <typename Value>
Snapshot probabilityField(Value value) {
    Snapshot snap = test::constantField2D(0.5f, false);
    FieldGrid f;
    f.box = snap.view;
    f.nx = f.ny = 16;
    for (int iy = 0; iy < 16; ++iy)
        for (int ix = 0; ix < 16; ++ix) f.values.push_back(value(ix, iy, -1.0 + (ix + 0.5) / 8.0));
    setQuantity(snap.runs[0].parts, quantity_names::kDiscriminator, std::move(f));
    return snap;
}

ViewLayers fieldWithContours() {
    ViewLayers l;
    l.real = l.fake = l.arrows = l.manifold = l.modes = l.gp_lines = l.d_optimal = false;
    l.d_field = l.contours = true;
    return l;
}

// Pixels inside the plot darker than the light colormap region (contour ink).
int darkPixels(const RenderGlFixture& fx, const std::vector<uint8_t>& img, View2D& view) {
    const ImVec2 a = view.dataToScreen(-0.9, -0.9), b = view.dataToScreen(0.9, 0.9);
    int dark = 0;
    for (int y = static_cast<int>(std::min(a.y, b.y)); y < static_cast<int>(std::max(a.y, b.y)); ++y)
        for (int x = static_cast<int>(std::min(a.x, b.x)); x < static_cast<int>(std::max(a.x, b.x)); ++x) {
            const Pixel p = fx.pixel(img, x, y);
            if (p.r + p.g + p.b < 3 * 120) ++dark;
        }
    return dark;
}

}  // namespace

TEST_CASE("a D flat at 1/2 up to float noise draws no contour fragments; a real slope draws its 1/2 line") {
    RenderGlFixture fx;
    REQUIRE_MESSAGE(fx.ok(), fx.error());
    ViewStyle style;
    style.interactive = false;
    ViewCamera camera;
    View2D view;
    Snapshot flat = probabilityField([](int ix, int iy, double) {
        return static_cast<float>(0.5 + ((ix + iy) % 2 == 0 ? 2e-6 : -2e-6));  // crosses 1/2 in every cell
    });
    auto flat_img = fx.renderFrame(640, 480, [&] {
        view.draw(flat, 0, fieldWithContours(), camera, style, ImVec2(640, 480));
    });
    const int flat_dark = darkPixels(fx, flat_img, view);
    View2D sloped_view;  // a view keeps its field texture per snapshot version: a fresh one for the other field
    Snapshot sloped = probabilityField([](int, int, double x) { return static_cast<float>(0.5 + 0.4 * x); });
    auto sloped_img = fx.renderFrame(640, 480, [&] {
        sloped_view.draw(sloped, 0, fieldWithContours(), camera, style, ImVec2(640, 480));
    });
    const int sloped_dark = darkPixels(fx, sloped_img, sloped_view);
    MESSAGE("dark contour pixels: flat " << flat_dark << ", sloped " << sloped_dark);
    CHECK(flat_dark == 0);
    CHECK(sloped_dark > 200);  // the emphasised x = 0 line and the 0.1 steps, down the plot
}
