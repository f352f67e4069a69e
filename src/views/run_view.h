// run_view.h — contract for the data views: one panel that draws one run of
// a Snapshot from its quantities (the 1D or 2D data view, the phase plane, ...;
// views/view_registry.h chooses by the quantities a run holds).
// GL content (heatmap, points, lines) is rendered into the view's own
// offscreen texture and shown with ImGui::Image; axes, labels, legends and
// hover read-outs are ImGui draw-list overlays. Requires a current GL 3.3
// core context and an ImGui frame in progress.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/display_state.h"
#include "core/snapshot.h"
#include "render/shader_program.h"

namespace ganarium {

// ViewLayers (which layers a data view draws) and layerSlot live in core/display_state.h.

// Shared camera of all panels: the data-space box shown. Pan/zoom edits it
// unless `fixed_axes` (stable framing for videos).
struct ViewCamera {
    Bounds box;
    bool initialised = false;  // false: take the snapshot's view box on first draw
    bool fixed_axes = false;
};

// Every word a data view draws, so the UI layer can hand in a translation
// (views never include src/ui). Defaults are English.
struct ViewLabels {
    std::string real = "real", generated = "generated";
    std::string p_data = "p_data", p_g = "p_G";
    std::string d_of_x = "D(x)", critic = "critic f(x)", d_star = "D*";
    std::string d_half = "D = 1/2", critic_zero = "f = 0";
    std::string push = "push on G(z)", manifold = "G(z) over a z grid", mapping = "z -> G(z)";
    std::string mode_covered = "mode covered", mode_missed = "mode missed";
    std::string modes_covered = "modes covered";   // followed by " k/K"
    std::string hq_share = "hq";                   // followed by " 12%": high-quality share of the drawn fakes
    std::string step = "step", diverged = "DIVERGED";
    std::string grad_norm = "||grad D||";
    std::string gp_pairs = "GP pair (real - fake)";
    // phase plane
    std::string theta = "theta (generator)", psi = "psi (discriminator)";
    std::string equilibrium = "equilibrium", start = "start", trajectory = "training path";
    std::string phase_hint = "click: start again here", distance = "distance";
    // generator-loss shapes
    std::string loss_title = "Generator loss vs D(G(z))", loss_axis = "J_G";
    std::string loss_minimax = "minimax log(1 - D)", loss_non_saturating = "non-saturating -log D";
    std::string loss_max_likelihood = "max. likelihood -exp(logit D)/2";
    std::string loss_batch = "this run's D(G(z))", loss_slope = "slope";
    bool chinese = false;  // run names and keywords in Chinese (name_zh, core/display_names.h)
    bool step_in_title = true;  // panel titles start their numbers with the step (presenter mode: the header has it)
    // image GAN panels
    std::string image_samples = "generated (fixed z)", image_real = "real training images";
    std::string scores_title = "D's scores", scores_real = "on real images", scores_fake = "on generated images";
    std::string scores_count = "images";
    std::string classes_title = "Classes", classes_generated = "generated", classes_data = "data mix";
    std::string classes_axis = "% of images";
    std::vector<std::string> class_names = {"T-shirt", "Trouser", "Pullover", "Dress", "Coat",
                                            "Sandal",  "Shirt",   "Sneaker",  "Bag",   "Boot"};
    // progress strip, latent interpolation, nearest training neighbour
    std::string progress_title = "The same z during training", progress_now = "now";
    std::string interpolation_title = "Latent interpolation A -> B";
    std::string interpolation_hint = "click two samples of the grid: A, then B";
    std::string interpolation_hint_b = "click a second sample: B";
    std::string neighbour_title = "Nearest training image (memorisation check)";
    std::string neighbour_sample = "sample A";
    std::string neighbour_test = "test image", neighbour_hint = "click a sample to compare it with the training set";
    // the toy CycleGAN
    std::string cycle_real_x = "x (colour: its mode of X)", cycle_translated = "G_XY(x)";
    std::string cycle_real_y = "y", cycle_back = "G_YX(y)", cycle_path = "x -> G_XY(x) -> G_YX(G_XY(x))";
    std::string cycle_matrix = "G_XY: mode -> mode", cycle_source = "mode of x (X)", cycle_target = "mode of G_XY(x) (Y)";
};

// Style knobs the video overlay and the GUI set differently.
struct ViewStyle {
    ViewLabels labels;         // translated words (the UI fills them from its i18n table)
    float font_scale = 1.0f;   // multiplies label sizes (video uses larger text)
    bool show_title = true;    // panel title (run name + key numbers) above the plot
    bool interactive = true;   // pan/zoom/hover read-outs (off while recording)
    bool show_legend = true;   // the panel's own legend (off when the frame draws one legend for all panels)
    float mark_scale = 1.0f;   // multiplies dot radii and line widths (presenter mode: with the font size)
};

// Draws one run. One instance per panel (it owns GL resources).
class RunView {
public:
    virtual ~RunView() = default;
    // Draws run `run_index` of `snapshot` filling `size` pixels at the ImGui cursor.
    virtual void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
                      const ViewStyle& style, ImVec2 size) = 0;
    // Data-space position under the mouse if the last drawn panel is hovered (for drawing custom data).
    virtual bool hoveredDataPoint(double& x, double& y) const = 0;
    // Data-space point the user clicked in the last drawn panel, for views that take clicks (the phase plane).
    virtual bool clickedPoint(double& x, double& y) const {
        (void)x, (void)y;
        return false;
    }
    // A tile of an image grid clicked in the last frame: its index (left click), or -1 (right click: clear the pick).
    virtual bool clickedTile(int& tile) const {
        (void)tile;
        return false;
    }
    // Shader compile/link errors of the view's programs ("" when all built); the last good programs keep drawing.
    virtual std::string shaderErrors() const { return {}; }
};

// Makes the toy data view for a data dimension (1 -> 1D view, 2 -> 2D view); GL shaders from `shader_dir`.
// The scene frame picks views through view_registry.h, which also knows the other kinds.
std::unique_ptr<RunView> makeRunView(int dim, const std::string& shader_dir = defaultShaderDir());

}  // namespace ganarium
