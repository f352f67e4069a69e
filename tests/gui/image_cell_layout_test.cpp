// image_cell_layout_test.cpp — the room decisions of small image cells
// (views/image_cell_layout.h), no GL: at 1280x720 with two image runs the
// strips band is hidden unless asked for, the sample grid keeps its size
// while the real grid gives way, and class names are skipped, never shrunk
// below the readable size.
#include <doctest/doctest.h>

#include "views/image_cell_layout.h"

using namespace ganarium;

TEST_CASE("the strips band hides in a small cell unless asked for, and shows in a tall one") {
    const float F = 19.0f;  // the body font (app/gui_scale.cpp)
    // Two image runs stacked at 1280x720: cells about 290 px tall.
    CHECK(stripsBandShare(290.0f, F, 0.3f, false) == 0.0f);
    CHECK(stripsBandShare(290.0f, F, 0.3f, true) == doctest::Approx(0.3f));
    // One image run at 1280x720 (about 600 px), or two at 1920x1080 with the same font: shown.
    CHECK(stripsBandShare(600.0f, F, 0.3f, false) == doctest::Approx(0.3f));
    // The threshold: the main panels keep kMainPanelFonts font sizes.
    const float edge = kMainPanelFonts * F / 0.7f;
    CHECK(stripsBandShare(edge + 1.0f, F, 0.3f, false) > 0.0f);
    CHECK(stripsBandShare(edge - 1.0f, F, 0.3f, false) == 0.0f);
}

TEST_CASE("the sample grid gets the room first: the real grid shrinks before it does") {
    // Height-limited: both full size.
    GridSizes roomy = sampleGridFirst(600.0f, 200.0f, 1.0f, true);
    CHECK(roomy.height == doctest::Approx(200.0f));
    CHECK(roomy.real_scale == doctest::Approx(1.0f));
    // A bit narrow: the sample grid keeps the full height, the real grid takes what is left.
    GridSizes narrow = sampleGridFirst(340.0f, 200.0f, 1.0f, true);
    CHECK(narrow.height == doctest::Approx(200.0f));
    CHECK(narrow.real_scale == doctest::Approx(0.7f));
    CHECK(narrow.height * (1.0f + narrow.real_scale) <= doctest::Approx(340.0f));
    // Very narrow: the real grid at its smallest, both shrink.
    GridSizes tight = sampleGridFirst(240.0f, 200.0f, 1.0f, true);
    CHECK(tight.real_scale == doctest::Approx(kRealGridSmallest));
    CHECK(tight.height == doctest::Approx(240.0f / (1.0f + kRealGridSmallest)));
    // Without the real grid: the whole width or height.
    CHECK(sampleGridFirst(150.0f, 200.0f, 1.0f, false).height == doctest::Approx(150.0f));
    CHECK(sampleGridFirst(0.0f, 200.0f, 1.0f, true).height == 0.0f);
}

TEST_CASE("class names: every row when they fit at the readable size, else every other row") {
    const float F = 15.0f;
    CHECK(classNameStride(10, 200.0f, F) == 1);
    CHECK(classNameStride(10, 100.0f, F) == 2);
    CHECK(classNameStride(10, 40.0f, F) == 4);
    CHECK(classNameStride(10, 0.0f, F) == 10);
}

TEST_CASE("an image cell's secondary panels: beside the grid when wide, under it when tall, else the last gives way") {
    const float F = 18.0f, gap = 8.0f;
    const std::vector<SecondaryPanel> panels{{0.22f, kSecondaryMinWidthFonts, kClassBarsMinHeightFonts},
                                             {0.25f, kSecondaryMinWidthFonts, kDScoresMinHeightFonts}};
    // Two runs at 1280x720: a wide cell keeps both panels beside the grid, at their shares.
    const ImageCellSplit wide = splitImageCell(900.0f, 290.0f, F, gap, panels, true);
    REQUIRE(wide.place == SecondaryPlace::Beside);
    CHECK(wide.shown == 2);
    REQUIRE(wide.extents.size() == 2);
    CHECK(wide.grid_extent + wide.extents[0] + wide.extents[1] + 2 * gap == doctest::Approx(900.0f));
    CHECK(wide.extents[0] >= kSecondaryMinWidthFonts * F);
    // A tall, narrow cell: the panels go in a row under the grid.
    const ImageCellSplit tall = splitImageCell(420.0f, 800.0f, F, gap, panels, false);
    REQUIRE(tall.place == SecondaryPlace::Under);
    CHECK(tall.shown == 2);
    CHECK(tall.grid_extent > 0.5f * 800.0f);
    CHECK(tall.extents[0] + tall.extents[1] + gap == doctest::Approx(420.0f));
    // Four runs at 1600x900 (a cell of about 390 x 330): D's scores give way, the class bars stay beside the grid.
    const ImageCellSplit small = splitImageCell(390.0f, 330.0f, F, gap, panels, false);
    CHECK(small.place == SecondaryPlace::Beside);
    CHECK(small.shown == 1);
    CHECK(small.grid_extent + small.extents[0] + gap == doctest::Approx(390.0f));
    // A tiny cell: the grid alone.
    const ImageCellSplit tiny = splitImageCell(200.0f, 150.0f, F, gap, panels, false);
    CHECK(tiny.place == SecondaryPlace::Hidden);
    CHECK(tiny.shown == 0);
}
