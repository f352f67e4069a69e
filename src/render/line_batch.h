// line_batch.h — thick anti-aliased line segments (manifold grids, GP lines,
// mapping lines) and arrows of a fixed pixel template (generator gradients).
// Geometry is in data space; widths and arrow sizes are in logical pixels,
// so nothing is rebuilt when the camera pans or zooms.
#pragma once

#include <string>
#include <vector>

#include "render/colormap.h"
#include "render/gl_resources.h"
#include "render/plot_transform.h"
#include "render/shader_program.h"

namespace ganarium {

class LineBatch {
public:
    // Loads lines.vert/lines.frag from `shader_dir` (embedded fallback).
    explicit LineBatch(const std::string& shader_dir = defaultShaderDir());

    // Empties the CPU list.
    void clear();
    // Adds the segment (ax, ay) -> (bx, by) of `width_px` logical pixels.
    void add(float ax, float ay, float bx, float by, const Rgba& colour, float width_px);
    // Adds a polyline through `xy` (n x 2 floats, `stride` floats between points).
    void addPolyline(const float* xy, int n, int stride, const Rgba& colour, float width_px);
    // Number of segments queued.
    size_t segments() const { return data_.size() / (6 * kStride); }
    // Uploads if changed, then draws.
    void draw(const PlotTransform& transform);
    ShaderProgram& program() { return program_; }
    const ShaderProgram& program() const { return program_; }

private:
    static constexpr int kStride = 10;  // here.xy, there.xy, side, rgba, width
    ShaderProgram program_;
    VertexBatch batch_;
    std::vector<float> data_;
    bool dirty_ = true;
};

class ArrowBatch {
public:
    // Loads arrows.vert/lines.frag from `shader_dir` (embedded fallback).
    explicit ArrowBatch(const std::string& shader_dir = defaultShaderDir());

    // Empties the CPU list.
    void clear();
    // Adds an arrow from data (x, y) along data direction (dx, dy), `length_px` long, shaft `width_px` wide.
    void add(float x, float y, float dx, float dy, float length_px, float width_px, const Rgba& colour);
    // Number of arrows queued.
    size_t size() const { return count_; }
    // Uploads if changed, then draws.
    void draw(const PlotTransform& transform);
    ShaderProgram& program() { return program_; }
    const ShaderProgram& program() const { return program_; }

private:
    static constexpr int kStride = 10;  // anchor.xy, dir.xy, local.xy, rgba
    ShaderProgram program_;
    VertexBatch batch_;
    std::vector<float> data_;
    size_t count_ = 0;
    bool dirty_ = true;
};

}  // namespace ganarium
