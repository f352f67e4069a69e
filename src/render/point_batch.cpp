// point_batch.cpp — instanced round sprites.
#include "render/point_batch.h"

namespace ganarium {

PointBatch::PointBatch(const std::string& shader_dir) : program_("points.vert", "points.frag", shader_dir) {
    // Per-instance attributes live in batch_'s buffer; the unit quad in its own buffer on the same VAO.
    batch_.attribute(1, 2, kStride, 0, true);
    batch_.attribute(2, 4, kStride, 2, true);
    batch_.attribute(3, 1, kStride, 6, true);
    const float corners[] = {-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1};
    batch_.bind();
    glGenBuffers(1, &corner_vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, corner_vbo_);
    glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glVertexAttribDivisor(0, 0);
    glBindVertexArray(0);
}

PointBatch::~PointBatch() {
    if (corner_vbo_) glDeleteBuffers(1, &corner_vbo_);
}

void PointBatch::clear() {
    data_.clear();
    dirty_ = true;
}

void PointBatch::add(float x, float y, const Rgba& colour, float radius_px) {
    data_.insert(data_.end(), {x, y, colour.r, colour.g, colour.b, colour.a, radius_px});
    dirty_ = true;
}

void PointBatch::draw(const PlotTransform& transform, float outline_px) {
    if (data_.empty() || !program_.valid()) return;
    if (dirty_) {
        batch_.upload(data_);
        dirty_ = false;
    }
    program_.use();
    transform.apply(program_);
    Rgba outline = palette::outline();
    program_.setVec4("u_outline_color", outline.r, outline.g, outline.b, 0.85f);
    program_.setFloat("u_outline_px", outline_px * transform.px_scale);
    batch_.bind();
    glDrawArraysInstanced(GL_TRIANGLES, 0, 6, static_cast<GLsizei>(size()));
    glBindVertexArray(0);
}

}  // namespace ganarium
