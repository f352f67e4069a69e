// display_state.h — how a scene is shown, apart from what it trains: the
// data views' layers, the curves tab, the run-panel grid and the view box
// the camera starts on. One plain struct that scene files, "save as" and the
// window read and write (SceneSpec::display; the window's live copy is
// SceneFrame::display()). No ImGui, no GL.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace ganarium {

// Which layers a data view draws; every layer can be toggled in the UI.
struct ViewLayers {
    bool real = true;          // real samples
    bool fake = true;          // generated samples
    bool d_field = true;       // D / critic heatmap (2D) or D(x) curve (1D)
    bool contours = true;      // contour lines of the field (2D)
    bool d_optimal = true;     // D* dashed (1D) / contours of D* (2D)
    bool densities = true;     // p_data filled, p_G estimate (1D)
    bool arrows = true;        // generator gradient arrows on fake samples
    bool manifold = true;      // generator manifold (2D) / z -> G(z) mapping lines (1D)
    bool gp_lines = false;     // gradient-penalty lines coloured by ||grad D||
    bool modes = true;         // mixture centres, covered / uncovered
    bool loss_shapes = false;  // a panel beside each JS-type toy run: the generator losses against D(G(z))
};

// Layer flag `index` (0..10) in the order of the scene file's layerNames() and of the shortcuts
// 1..9, 0: real, fake, d_field, contours, d_optimal, densities, arrows, manifold, gp_lines, modes,
// then loss_shapes (no shortcut). Null outside 0..10.
bool* layerSlot(ViewLayers& layers, int index);

// Scene-file names of the layers, in layerSlot order, for [scene] show / hide.
const std::vector<std::string>& layerNames();

// Switches the layers named in `names` (layerNames() spellings; unknown ones are skipped) to `on`.
void setLayers(ViewLayers& layers, const std::vector<std::string>& names, bool on);

// The layers of `layers` that differ from the defaults: switched on (`show`) and off (`hide`), in layer order.
void layerChanges(const ViewLayers& layers, std::vector<std::string>& show, std::vector<std::string>& hide);

bool operator==(const ViewLayers& a, const ViewLayers& b);

// Everything about how a scene is shown that the scene file can carry.
// The viewer's language is not here: it is the viewer's choice, not the scene's.
struct DisplayState {
    ViewLayers layers;                         // [scene] show / hide, relative to the defaults
    std::string curves;                        // curves tab shown (curveNames()); "" = the first one
    std::string layout = "auto";               // run-panel grid: "auto" or "CxR" (e.g. "2x1")
    bool has_view = false;                     // explicit view box below, else derived from the data
    std::array<double, 4> view{-1, 1, -1, 1};  // x0, x1, y0, y1 (1D uses x0, x1): where the camera starts
                                               // and the box the trainer evaluates its fields on
    bool presenter = false;                    // [scene] presenter: large text scaled to the window, essentials only
};

// True for "auto" and for "CxR" with C and R in 1..6 (the grids a scene file may ask for).
bool isLayoutName(const std::string& layout);

// Field-by-field equality (the view box only counts when `has_view`).
bool operator==(const DisplayState& a, const DisplayState& b);
inline bool operator!=(const DisplayState& a, const DisplayState& b) { return !(a == b); }

}  // namespace ganarium
