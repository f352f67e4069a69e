// point_batch.h — many samples drawn as round point sprites (GL_POINTS,
// size set in the shader; disc with a thin outline). A few thousand per
// panel is cheap even on llvmpipe.
#pragma once

#include <string>
#include <vector>

#include "render/colormap.h"
#include "render/gl_resources.h"
#include "render/plot_transform.h"
#include "render/shader_program.h"

namespace ganarium {

// How a batch's discs are outlined: the outline colour (its alpha is how much it covers the disc's
// colour), its width, and the opacity of the fill inside it.
struct PointOutline {
    Rgba colour;
    float width_px = 1.f;  // logical pixels
    float fill_alpha = 1.f;
};

class PointBatch {
public:
    // Loads points.vert/points.frag from `shader_dir` (embedded fallback).
    explicit PointBatch(const std::string& shader_dir = defaultShaderDir());

    // Empties the CPU list.
    void clear();
    // Adds a point at data (x, y) of `radius_px` logical pixels.
    void add(float x, float y, const Rgba& colour, float radius_px);
    // Number of points queued.
    size_t size() const { return data_.size() / kStride; }
    // Uploads the CPU list if it changed since the last draw, then draws all points (thin dark outline).
    void draw(const PlotTransform& transform, float outline_px = 1.f);
    // The same with a given outline and fill opacity.
    void draw(const PlotTransform& transform, const PointOutline& outline);
    // The point program (hot reload, error text).
    ShaderProgram& program() { return program_; }
    const ShaderProgram& program() const { return program_; }

private:
    static constexpr int kStride = 7;  // x, y, r, g, b, a, radius
    ShaderProgram program_;
    VertexBatch batch_;
    std::vector<float> data_;
    bool dirty_ = true;
};

}  // namespace ganarium
