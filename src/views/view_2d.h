// view_2d.h — the 2D data view: D (or the critic) as a smooth heatmap with
// contours, real and generated points, generator gradient arrows, the
// generator manifold, gradient-penalty lines and mixture modes, rendered
// with GL into an offscreen texture; axes, legend, colour bars, mode
// markers, title and hover read-out as ImGui overlays.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "render/gl_resources.h"
#include "render/heatmap.h"
#include "render/line_batch.h"
#include "render/point_batch.h"
#include "views/legend_overlay.h"
#include "views/plot_area.h"
#include "views/run_view.h"
#include "views/toy_parts.h"

namespace ganarium {

class View2D : public RunView {
public:
    // GL resources are created here: needs a current GL 3.3 context. Shaders come from `shader_dir`.
    explicit View2D(const std::string& shader_dir = defaultShaderDir());

    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
    bool hoveredDataPoint(double& x, double& y) const override;
    std::string shaderErrors() const override;

    // Screen position of data (x, y) in the last drawn frame (tests, custom overlays).
    ImVec2 dataToScreen(double x, double y) const { return area_.toScreen(x, y); }
    // The plot rectangle and data box of the last drawn frame.
    const PlotArea& plotArea() const { return area_; }
    // Offscreen target holding the GL layers of the last frame.
    const Framebuffer& framebuffer() const { return target_; }

    // Multisampling of the offscreen target (0: off; shaders anti-alias points and lines themselves).
    void setMsaaSamples(int samples) { msaa_samples_ = samples; }

    // Radii (logical pixels) of sample and GP-interpolate dots.
    static constexpr float kPointRadius = 3.6f, kGpDotRadius = 2.8f;
    // Real samples: smaller than a generated dot, with a translucent fill inside a teal ring, so a generated
    // dot under one shows around it and through it.
    static constexpr float kRealRadius = 2.6f, kRealRingWidth = 1.2f, kRealFillAlpha = 0.55f;
    // Gradient-penalty segments: drawn over samples and arrows, this wide and opaque.
    static constexpr float kGpLineWidth = 2.2f, kGpLineAlpha = 0.8f;
    // At most this many gradient arrows (an even subsample of generated points).
    static constexpr int kMaxArrows = 120;
    // Arrows: full length at this quantile of |push| (over runs of the same kind of D); shorter ones are dropped.
    static constexpr double kPushQuantile = 0.75;
    static constexpr float kMinArrowPixels = 3.0f;

    // How many times the GL layers were rendered (they are skipped when nothing they show changed).
    int glRenderCount() const { return gl_renders_; }

private:
    bool real_rings_in_class_colours_ = false;  // the real batch holds a conditional run's labelled samples
    // Everything the GL layers depend on; equal keys mean the offscreen image is still valid.
    struct RenderKey {
        uint64_t version = UINT64_MAX;
        int run = -1;
        uint32_t layers = 0;
        Bounds shown;
        int width = 0, height = 0;
        float px_scale = 0, font = 0;
        bool operator==(const RenderKey& o) const {
            return version == o.version && run == o.run && layers == o.layers && shown.x0 == o.shown.x0 &&
                   shown.x1 == o.shown.x1 && shown.y0 == o.shown.y0 && shown.y1 == o.shown.y1 && width == o.width &&
                   height == o.height && px_scale == o.px_scale && font == o.font;
        }
    };

    void rebuildGeometry(const RunSnapshot& run, const ToyParts& q, const ViewLayers& layers, float font_size, double push_reference);
    // Draws the GL layers; `mark_scale` multiplies dot radii and line widths (presenter mode).
    void renderLayers(const RunSnapshot& run, const ToyParts& q, const ViewLayers& layers, float px_scale,
                      float mark_scale);
    // Chooses where the legend goes (inside the plot, rows, one compact row, or none) and shrinks the plot for it.
    void placeLegend(const std::vector<LegendEntry>& entries, const Bounds& data_box, ImVec2 size, float font_size);
    // Shrinks the plot rectangle (same scale) to the part of `box` it shows.
    void clipPlotToBox(const Bounds& box);
    void drawOverlays(const RunSnapshot& run, const ToyParts& q, const ViewLayers& layers, const ViewStyle& style,
                      ImVec2 panel_min, ImVec2 panel_max, float font_size);

    std::string shader_dir_;
    Framebuffer target_;
    Heatmap heatmap_;
    LineBatch lines_, gp_lines_;  // manifold under the samples; gradient-penalty pairs over them
    PointBatch points_, real_points_, gp_dots_;  // generated dots, real rings, GP interpolates
    ArrowBatch arrows_;
    PlotArea area_;
    bool hovered_ = false, legend_inside_ = false;
    bool modes_badge_ = false;         // "modes covered k/K" drawn in the plot (else in the title)
    std::vector<LegendEntry> legend_;  // entries drawn this frame
    float legend_font_ = 0;
    int msaa_samples_ = 0;
    double hover_x_ = 0, hover_y_ = 0;
    uint64_t cached_version_ = UINT64_MAX;
    int cached_run_ = -1;
    uint32_t cached_layers_ = 0;
    float cached_font_ = 0;
    RenderKey rendered_;
    int gl_renders_ = 0;
};

}  // namespace ganarium
