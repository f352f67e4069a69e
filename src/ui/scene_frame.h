// scene_frame.h — the composition of one whole frame, shared by the window
// and the recorder: run panels in a grid (one shared camera), the curves
// panel, the weights panel and, in presentation mode (videos), a title,
// step counter, caption and legend with larger text. Owns the RunViews and
// the plot state; knows nothing about the trainer or the window.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/display_state.h"
#include "core/scene_spec.h"
#include "core/snapshot.h"
#include "render/shader_program.h"
#include "ui/i18n.h"
#include "views/plots_view.h"
#include "views/run_view.h"
#include "views/view_registry.h"
#include "views/weights_view.h"

namespace ganarium {

// How a frame is composed.
struct SceneFrameOptions {
    std::string layout = "auto";  // "auto" (best fit for the area) or "COLSxROWS" ("2x1", "2x2", "3x2", ...)
    bool presentation = false;    // video: no controls, larger text, title + step counter + legend
    std::string caption;          // presentation: shown under the title (empty: the scene's caption)
    float font_scale = 1.0f;      // multiplies text in panels (presentation usually 1.2-1.5)
    Language lang = Language::English;
    bool show_plots = true;       // the curves panel
    int show_weights = -1;        // 1 on, 0 off, -1: when a run clips or penalises gradients (always in the GUI)
    bool transparent_background = false;  // skip the window fill (the GUI's clear colour already matches: less overdraw)
    bool presenter = false;       // window presenter mode: title, step counter and caption above the panels
    bool show_caption = false;    // window: the scene caption above the panels (presenter mode shows it anyway)
    std::string lesson_position;  // a lesson: "3 / 9" drawn large before `caption` (the lesson step's), in every mode
    int focus_run = -1;           // a lesson step's focused run panel: framed in the accent colour (-1: none)
};

// Grid (columns x rows) for `runs` panels in an area of aspect `area_aspect` (width / height).
// "auto" picks the grid without empty rows/columns (1x1, 1x2, 2x1, 1x3, 2x2, 3x2, ...) whose cells are
// closest to `cell_target` (w/h); "CxR" is taken as given. False (and the auto grid) when `layout` is
// malformed or has fewer than `runs` cells.
bool gridForLayout(const std::string& layout, int runs, float area_aspect, float cell_target, int& cols, int& rows);

// Every grid the window offers for `runs` panels: "auto", then each "CxR" (at most 6x6) with room for all
// panels and no empty row or column, wide ones first (4 runs: auto, 4x1, 2x2, 1x4).
std::vector<std::string> gridChoices(int runs);

// The words the data views draw (legend, axes, read-outs), from the i18n table (view_labels.cpp).
ViewLabels translatedViewLabels(Language lang);

// Same, for validating a layout string without an area: "auto" gives the landscape table
// 1x1, 2x1, 3x1, 2x2, 3x2, 3x2 by run count.
bool gridForLayout(const std::string& layout, int runs, int& cols, int& rows);

// One composed frame. Keep one instance alive across frames (it owns GL resources).
class SceneFrame {
public:
    // Data views load their GL shaders from `shader_dir` (hot reload; embedded copies behind it).
    explicit SceneFrame(std::string shader_dir = defaultShaderDir());
    ~SceneFrame();
    SceneFrame(const SceneFrame&) = delete;
    SceneFrame& operator=(const SceneFrame&) = delete;

    // Draws everything into a borderless ImGui window at `origin` of `size` pixels.
    // Needs a current GL 3.3 context and an ImGui frame in progress.
    void draw(const Snapshot& snapshot, const SceneFrameOptions& options, ImVec2 origin, ImVec2 size);

    // How the frame is shown: layers, curves tab, grid (the GUI passes display().layout as options.layout).
    DisplayState& display() { return display_; }
    const DisplayState& display() const { return display_; }
    ViewLayers& layers() { return display_.layers; }
    ViewCamera& camera() { return camera_; }
    PlotsView& plots() { return plots_; }
    WeightsView& weights() { return weights_; }
    // Shows the frame as `display` says (layers, curves tab, grid).
    void setDisplay(const DisplayState& display);
    // The scene's own display choices (its `display`: show / hide, curves, layout, view).
    void applySceneDisplay(const SceneSpec& scene) { setDisplay(scene.display); }
    // Forgets pan/zoom: the next draw frames the snapshot's view box again.
    void resetCamera() { camera_.initialised = false; }
    // Compile/link errors of the views' shaders after the last draw ("" when every program built).
    std::string shaderErrors() const;
    // Data point under the mouse in a 2D run panel (after draw); false when none is hovered.
    bool hoveredDataPoint(double& x, double& y) const;
    // A point clicked this frame in a panel that takes clicks (the phase plane), with its run; false if none.
    bool clickedPoint(int& run, double& x, double& y) const;
    // The image-grid tile clicked in the last frame and its run (tile -1: right click, clear the pick).
    bool clickedTile(int& run, int& tile) const;
    // Screen rectangle of the run grid from the last draw.
    ImVec2 gridMin() const { return grid_min_; }
    ImVec2 gridMax() const { return grid_max_; }
    // Columns and rows of the run grid from the last draw.
    int gridColumns() const { return grid_cols_; }
    int gridRows() const { return grid_rows_; }

private:
    void ensureViews(const Snapshot& snapshot);
    void drawRuns(const Snapshot& snapshot, const SceneFrameOptions& options, ImVec2 p0, ImVec2 p1);
    // Draws run `run`'s panels into its grid cell at `origin` of `size` pixels (`lang`: the strips toggle's words).
    void drawCell(const Snapshot& snapshot, int run, const ViewStyle& style, ImVec2 origin, ImVec2 size, Language lang);
    float drawHeader(const Snapshot& snapshot, const SceneFrameOptions& options, ImVec2 p0, float width);
    // Draws `caption` wrapped to `width` at `at`; returns the height it took.
    static float drawCaption(const std::string& caption, float font_size, ImVec2 at, float width);
    // Draws the lesson bar (options.lesson_position large, then options.caption) at `at`; returns its height.
    static float drawLessonBar(const SceneFrameOptions& options, float font_size, ImVec2 at, float width);

    std::string shader_dir_;
    // The views of one run's cell, one per panel the registry lists for it.
    struct RunPanels {
        std::vector<PanelSlot> slots;
        std::vector<std::unique_ptr<RunView>> views;
        bool had_pick = false;  // the run had a picked tile in the last frame (a new pick opens the strips)
    };
    // Draws the cell's main panels (`band` false) or its band panels into `origin` / `size`, by their shares.
    void drawPanels(const Snapshot& snapshot, int run, const ViewStyle& style, RunPanels& cell, bool band, ImVec2 origin,
                    ImVec2 size);
    // The strips band's share of a cell of `size` (image_cell_layout.h), and the "more" / "fewer" toggle under the
    // main panels when the band would be hidden at this size; `toggle_h` gets the toggle row's height.
    float stripsBand(const RunSnapshot& run, RunPanels& cell, const ViewStyle& style, ImVec2 origin, ImVec2 size,
                     Language lang, float& toggle_h);
    std::vector<RunPanels> panels_;
    int views_dim_ = 0;
    DisplayState display_;  // the one display state (curves: kept in step with plots_.metric around its draw)
    ViewCamera camera_;
    PlotsView plots_;
    WeightsView weights_;
    int hovered_view_ = -1;
    ImVec2 grid_min_{0, 0}, grid_max_{0, 0};
    int grid_cols_ = 0, grid_rows_ = 0;
    bool strips_open_ = false;  // the viewer asked for the strips band in cells too small to show it by default
};

}  // namespace ganarium
