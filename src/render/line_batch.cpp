// line_batch.cpp — segments expanded to quads in the vertex shader; arrows from a pixel template.
#include "render/line_batch.h"

#include <algorithm>

namespace ganarium {

namespace {
// Uploads `data` when dirty and draws it as triangles with `program` (shared by lines and arrows).
void drawTriangles(ShaderProgram& program, VertexBatch& batch, const std::vector<float>& data, bool& dirty,
                   int stride, const PlotTransform& transform) {
    if (data.empty() || !program.valid()) return;
    if (dirty) {
        batch.upload(data);
        dirty = false;
    }
    program.use();
    transform.apply(program);
    batch.bind();
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(data.size() / stride));
    glBindVertexArray(0);
}
}  // namespace

LineBatch::LineBatch(const std::string& shader_dir) : program_("lines.vert", "lines.frag", shader_dir) {
    batch_.attribute(0, 2, kStride, 0);
    batch_.attribute(1, 2, kStride, 2);
    batch_.attribute(2, 1, kStride, 4);
    batch_.attribute(3, 4, kStride, 5);
    batch_.attribute(4, 1, kStride, 9);
}

void LineBatch::clear() {
    data_.clear();
    dirty_ = true;
}

void LineBatch::add(float ax, float ay, float bx, float by, const Rgba& c, float width_px) {
    // Two triangles: (a,-) (a,+) (b,+) and (a,-) (b,+) (b,-); each vertex knows the other end. The shader
    // takes one normal for both ends, so a side is the same edge at a and at b (and the coverage across
    // the line does not fade along it).
    auto vertex = [&](bool at_a, float side) {
        float hx = at_a ? ax : bx, hy = at_a ? ay : by;
        float tx = at_a ? bx : ax, ty = at_a ? by : ay;
        data_.insert(data_.end(), {hx, hy, tx, ty, side, c.r, c.g, c.b, c.a, width_px});
    };
    vertex(true, -1);
    vertex(true, 1);
    vertex(false, 1);
    vertex(true, -1);
    vertex(false, 1);
    vertex(false, -1);
    dirty_ = true;
}

void LineBatch::addPolyline(const float* xy, int n, int stride, const Rgba& colour, float width_px) {
    for (int i = 0; i + 1 < n; ++i)
        add(xy[i * stride], xy[i * stride + 1], xy[(i + 1) * stride], xy[(i + 1) * stride + 1], colour, width_px);
}

void LineBatch::draw(const PlotTransform& transform) {
    drawTriangles(program_, batch_, data_, dirty_, kStride, transform);
}

ArrowBatch::ArrowBatch(const std::string& shader_dir) : program_("arrows.vert", "lines.frag", shader_dir) {
    batch_.attribute(0, 2, kStride, 0);
    batch_.attribute(1, 2, kStride, 2);
    batch_.attribute(2, 2, kStride, 4);
    batch_.attribute(3, 4, kStride, 6);
}

void ArrowBatch::clear() {
    data_.clear();
    count_ = 0;
    dirty_ = true;
}

void ArrowBatch::add(float x, float y, float dx, float dy, float length_px, float width_px, const Rgba& c) {
    float head_len = std::min(length_px * 0.45f, width_px * 3.2f + 2.f);
    float head_half = width_px * 1.9f + 1.f;
    float shaft_end = length_px - head_len;
    float hw = width_px * 0.5f;
    auto vertex = [&](float along, float across) {
        data_.insert(data_.end(), {x, y, dx, dy, along, across, c.r, c.g, c.b, c.a});
    };
    if (shaft_end > 0) {
        vertex(0, -hw), vertex(shaft_end, -hw), vertex(shaft_end, hw);
        vertex(0, -hw), vertex(shaft_end, hw), vertex(0, hw);
    } else {
        for (int i = 0; i < 6; ++i) vertex(0, 0);  // degenerate: keeps 12 vertices per arrow
    }
    vertex(std::max(shaft_end, 0.f), -head_half), vertex(length_px, 0), vertex(std::max(shaft_end, 0.f), head_half);
    for (int i = 0; i < 3; ++i) vertex(0, 0);
    ++count_;
    dirty_ = true;
}

void ArrowBatch::draw(const PlotTransform& transform) {
    drawTriangles(program_, batch_, data_, dirty_, kStride, transform);
}

}  // namespace ganarium
