#version 330 core
// points.vert — one GL point sprite per sample, sized in pixels (cheaper than instanced quads on llvmpipe).
layout(location = 0) in vec2 a_center;   // sample position (data space)
layout(location = 1) in vec4 a_color;
layout(location = 2) in float a_radius;  // radius in logical pixels

uniform vec4 u_view;       // displayed data box: x0, y0, x1, y1
uniform vec2 u_viewport;   // target size in physical pixels
uniform float u_px_scale;  // physical pixels per logical pixel

out vec4 v_color;
out float v_radius;

void main() {
    vec2 px = (a_center - u_view.xy) / (u_view.zw - u_view.xy) * u_viewport;
    float r = a_radius * u_px_scale;
    gl_Position = vec4(px / u_viewport * 2.0 - 1.0, 0.0, 1.0);
    gl_PointSize = 2.0 * r + 1.5;  // the disc plus its half-pixel anti-aliased rim
    v_color = a_color;
    v_radius = r;
}
