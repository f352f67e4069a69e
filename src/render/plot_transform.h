// plot_transform.h — the data box shown in an offscreen target and the
// target's pixel size: what every primitive batch needs to project data
// coordinates (passed to the shaders as u_view / u_viewport / u_px_scale).
#pragma once

#include "render/shader_program.h"

namespace ganarium {

struct PlotTransform {
    double x0 = -1, y0 = -1, x1 = 1, y1 = 1;  // displayed data box (y up)
    int width_px = 1, height_px = 1;           // target size in physical pixels
    float px_scale = 1.f;                      // physical pixels per logical pixel (HiDPI)

    // Sets u_view, u_viewport and u_px_scale on the bound `program`.
    void apply(const ShaderProgram& program) const {
        program.setVec4("u_view", static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1),
                        static_cast<float>(y1));
        program.setVec2("u_viewport", static_cast<float>(width_px), static_cast<float>(height_px));
        program.setFloat("u_px_scale", px_scale);
    }
};

}  // namespace ganarium
