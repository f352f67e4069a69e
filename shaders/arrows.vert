#version 330 core
// arrows.vert — arrows of a fixed pixel template (shaft + head) anchored at a
// data-space point and oriented along a data-space direction.
layout(location = 0) in vec2 a_anchor;  // arrow tail (data space)
layout(location = 1) in vec2 a_dir;     // direction (data space, any length)
layout(location = 2) in vec2 a_local;   // template position: along, across (logical pixels)
layout(location = 3) in vec4 a_color;

uniform vec4 u_view;
uniform vec2 u_viewport;
uniform float u_px_scale;

out vec4 v_color;
out float v_across;
out float v_half_width;

void main() {
    vec2 p = (a_anchor - u_view.xy) / (u_view.zw - u_view.xy) * u_viewport;
    vec2 d = a_dir / (u_view.zw - u_view.xy) * u_viewport;
    float len = length(d);
    d = len > 1e-9 ? d / len : vec2(1.0, 0.0);
    vec2 n = vec2(-d.y, d.x);
    vec2 pos = p + (d * a_local.x + n * a_local.y) * u_px_scale;
    gl_Position = vec4(pos / u_viewport * 2.0 - 1.0, 0.0, 1.0);
    v_color = a_color;
    v_across = 0.0;
    v_half_width = 1e6;  // solid fill; edges are smoothed by MSAA
}
