// record_readability.cpp — the readable-panels check of `ganarium record` (see record_readability.h).
#include "app/record_readability.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ganarium {

namespace {

// The recorder's body font for a video `height` pixels tall (record_session.cpp: recordFontPixels).
float videoFontPixels(int height) { return std::clamp(20.0f * static_cast<float>(height) / 720.0f, 11.0f, 60.0f); }

int sceneDimension(const SceneSpec& scene) { return sceneUsesData(scene) ? familyDimension(scene.data.family) : 2; }

bool readable(const RecordPanelEstimate& e, int dim) {
    return e.plot_w >= kMinReadablePlotPx && e.plot_h >= (dim == 1 ? kMinReadable1DPlotHeightPx : kMinReadablePlotPx);
}

}  // namespace

RecordPanelEstimate estimateRecordPanels(int runs, int dim, int width, int height, bool curves) {
    const float F = videoFontPixels(height);
    const float pad = 8.0f, gap = 8.0f;
    float area_w = static_cast<float>(width) - 2 * pad;
    // Title (1.6 F) with the step counter, a caption of about two lines, and the shared legend (two rows).
    float area_h = static_cast<float>(height) - 2 * pad - (1.6f * F + 2.6f * F) - (runs > 1 ? 2.6f * F : 0.0f);
    if (curves) {
        if (area_w > 1.3f * area_h) area_w -= std::max(F * 16.0f, area_w * 0.34f) + 2 * gap;
        else area_h -= std::max(F * 9.0f, area_h * 0.3f) + gap;
    }
    RecordPanelEstimate e;
    const float plot_aspect = dim == 1 ? 1.7f : 1.2f;
    e.grid = choosePanelGrid(runs, std::max(1.0f, area_w), std::max(1.0f, area_h), gap, plot_aspect);
    panelCellSize(e.grid, std::max(1.0f, area_w), std::max(1.0f, area_h), gap, e.cell_w, e.cell_h);
    // Inside a panel: left axis numbers (3 F), colour bar (2D, 4.5 F); a title of two lines (name, then the
    // numbers: 2.8 F) and the bottom axis (1.8 F). Measured at 640x360: 2x2 panels of ring8 have 70 px plots.
    const float side = 3.0f * F + (dim == 2 ? 4.5f * F : 0.5f * F);
    e.plot_w = std::max(0.0f, e.cell_w - side);
    e.plot_h = std::max(0.0f, e.cell_h - 4.6f * F);
    return e;
}

std::string recordReadabilityProblem(const SceneSpec& scene, int width, int height, bool curves) {
    const int runs = static_cast<int>(scene.runs.size());
    if (runs < 2) return {};
    const int dim = sceneDimension(scene);
    const RecordPanelEstimate e = estimateRecordPanels(runs, dim, width, height, curves);
    if (readable(e, dim)) return {};
    std::ostringstream msg;
    msg << runs << " runs in a " << width << "x" << height << " video leave plots of about "
        << static_cast<int>(std::lround(e.plot_w)) << "x" << static_cast<int>(std::lround(e.plot_h)) << " px ("
        << e.grid.cols << "x" << e.grid.rows << " grid), too small to read (at least "
        << static_cast<int>(kMinReadablePlotPx) << " px wide and "
        << static_cast<int>(dim == 1 ? kMinReadable1DPlotHeightPx : kMinReadablePlotPx) << " px tall); ";
    const int sizes[][2] = {{854, 480}, {960, 540}, {1280, 720}, {1920, 1080}};
    std::string fixes;
    if (curves && readable(estimateRecordPanels(runs, dim, width, height, false), dim)) fixes = "add --no-curves, or ";
    for (const auto& s : sizes) {
        if (s[0] * s[1] <= width * height) continue;
        if (readable(estimateRecordPanels(runs, dim, s[0], s[1], curves), dim)) {
            fixes += "use --size " + std::to_string(s[0]) + "x" + std::to_string(s[1]) + ", or ";
            break;
        }
    }
    msg << fixes << "record a scene with fewer runs";
    return msg.str();
}

}  // namespace ganarium
