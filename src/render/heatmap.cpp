// heatmap.cpp — float field texture + colormap lookup + contour shader.
#include "render/heatmap.h"

#include <vector>

namespace ganarium {

Heatmap::Heatmap(const std::string& shader_dir) : program_("heatmap.vert", "heatmap.frag", shader_dir) {
    quad_.attribute(0, 2, 2, 0);
    quad_.upload({0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1});
}

void Heatmap::setField(const FieldGrid& field) {
    if (field.empty() || field.nx <= 0 || field.ny <= 0) {
        has_field_ = false;
        return;
    }
    field_.uploadR32F(field.nx, field.ny, field.values.data());
    box_ = field.box;
    has_field_ = true;
}

void Heatmap::setOverlay(const FieldGrid& field) {
    if (field.empty() || field.nx <= 0 || field.ny <= 0) {
        has_overlay_ = false;
        return;
    }
    overlay_.uploadR32F(field.nx, field.ny, field.values.data());
    has_overlay_ = true;
}

void Heatmap::setColormap(ColormapKind kind) {
    if (colormap_kind_ == static_cast<int>(kind)) return;
    std::vector<uint8_t> texels = colormapTexels(kind, 256);
    colormap_.uploadRGBA8(256, 1, texels.data(), true);
    colormap_kind_ = static_cast<int>(kind);
}

void Heatmap::draw(const PlotTransform& transform, const HeatmapStyle& style) {
    if (!has_field_ || !program_.valid()) return;
    setColormap(style.colormap);
    program_.use();
    transform.apply(program_);
    program_.setVec4("u_field_box", static_cast<float>(box_.x0), static_cast<float>(box_.y0),
                     static_cast<float>(box_.x1), static_cast<float>(box_.y1));
    field_.bind(0);
    colormap_.bind(1);
    overlay_.bind(2);
    program_.setInt("u_field", 0);
    program_.setInt("u_colormap", 1);
    program_.setInt("u_overlay", 2);
    float hi = style.value_hi > style.value_lo ? style.value_hi : style.value_lo + 1e-6f;
    program_.setVec2("u_range", style.value_lo, hi);
    program_.setFloat("u_opacity", style.opacity);
    Rgba bg = palette::background();
    program_.setVec4("u_background", bg.r, bg.g, bg.b, 1.f);
    program_.setInt("u_contours", style.contours ? 1 : 0);
    program_.setFloat("u_contour_step", style.contour_step > 0 ? style.contour_step : 1.f);
    program_.setFloat("u_contour_emph", style.contour_emphasis);
    program_.setInt("u_overlay_on", style.overlay && has_overlay_ ? 1 : 0);
    program_.setFloat("u_overlay_level", style.overlay_level);
    quad_.bind();
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

}  // namespace ganarium
