#version 330 core
// heatmap.vert — one quad covering the field's data box.
layout(location = 0) in vec2 a_unit;  // corner in [0, 1]^2

uniform vec4 u_view;
uniform vec4 u_field_box;  // x0, y0, x1, y1 of the field grid

out vec2 v_uv;

void main() {
    vec2 data = mix(u_field_box.xy, u_field_box.zw, a_unit);
    vec2 ndc = (data - u_view.xy) / (u_view.zw - u_view.xy) * 2.0 - 1.0;
    gl_Position = vec4(ndc, 0.0, 1.0);
    v_uv = a_unit;
}
