// heatmap.h — a scalar field on a coarse grid drawn as a smooth image:
// uploaded once per change as a GL_R32F texture, filtered with GL_LINEAR,
// coloured through a colormap lookup texture, with contour lines and an
// optional dashed level line of a second field (D* = 1/2) in the shader.
#pragma once

#include <string>

#include "core/snapshot.h"
#include "render/colormap.h"
#include "render/gl_resources.h"
#include "render/plot_transform.h"
#include "render/shader_program.h"

namespace ganarium {

// How the field is coloured and which lines are drawn.
struct HeatmapStyle {
    ColormapKind colormap = ColormapKind::Probability;
    float value_lo = 0.f, value_hi = 1.f;  // values mapped to colormap 0 and 1
    float opacity = 0.8f;                  // colormap strength over the plot background
    bool contours = true;
    float contour_step = 0.1f;             // a thin line at every multiple
    float contour_emphasis = 0.5f;         // a thick line at this value
    bool overlay = false;                  // dashed level line of the overlay field
    float overlay_level = 0.5f;
};

class Heatmap {
public:
    // Loads heatmap.vert/heatmap.frag from `shader_dir` (embedded fallback).
    explicit Heatmap(const std::string& shader_dir = defaultShaderDir());

    // Uploads the field (a no-op for an empty grid).
    void setField(const FieldGrid& field);
    // Uploads the overlay field (same grid); an empty grid disables the overlay.
    void setOverlay(const FieldGrid& field);
    // True once a field was uploaded.
    bool hasField() const { return has_field_; }
    bool hasOverlay() const { return has_overlay_; }
    // Draws the field's box with `style`.
    void draw(const PlotTransform& transform, const HeatmapStyle& style);
    ShaderProgram& program() { return program_; }
    const ShaderProgram& program() const { return program_; }

private:
    void setColormap(ColormapKind kind);
    ShaderProgram program_;
    VertexBatch quad_;
    Texture2D field_, overlay_, colormap_;
    Bounds box_;
    bool has_field_ = false, has_overlay_ = false;
    int colormap_kind_ = -1;
};

}  // namespace ganarium
