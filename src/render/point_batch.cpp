// point_batch.cpp — round point sprites (GL_POINTS with a shader-set size).
#include "render/point_batch.h"

namespace ganarium {

PointBatch::PointBatch(const std::string& shader_dir) : program_("points.vert", "points.frag", shader_dir) {
    batch_.attribute(0, 2, kStride, 0);
    batch_.attribute(1, 4, kStride, 2);
    batch_.attribute(2, 1, kStride, 6);
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
    Rgba dark = palette::outline();
    dark.a = 0.85f;
    draw(transform, PointOutline{dark, outline_px, 1.f});
}

void PointBatch::draw(const PlotTransform& transform, const PointOutline& outline) {
    if (data_.empty() || !program_.valid()) return;
    if (dirty_) {
        batch_.upload(data_);
        dirty_ = false;
    }
    program_.use();
    transform.apply(program_);
    program_.setVec4("u_outline_color", outline.colour.r, outline.colour.g, outline.colour.b, outline.colour.a);
    program_.setFloat("u_outline_px", outline.width_px * transform.px_scale);
    program_.setFloat("u_fill_alpha", outline.fill_alpha);
    batch_.bind();
    glEnable(GL_PROGRAM_POINT_SIZE);
    glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(size()));
    glDisable(GL_PROGRAM_POINT_SIZE);
    glBindVertexArray(0);
}

}  // namespace ganarium
