#version 330 core
// points.frag — anti-aliased disc with an outline (readable on any heatmap); the fill may be
// translucent while the outline stays opaque (real samples drawn as rings over generated ones).
in vec4 v_color;
in float v_radius;

uniform vec4 u_outline_color;
uniform float u_outline_px;  // outline width in physical pixels (0: none)
uniform float u_fill_alpha;  // opacity of the disc inside the outline (1: solid)

out vec4 frag_color;

void main() {
    vec2 local = (gl_PointCoord * 2.0 - 1.0) * (v_radius + 0.75);
    float d = length(local);
    float coverage = clamp(v_radius + 0.5 - d, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    float inner = v_radius - u_outline_px;
    float ring = u_outline_px > 0.0 ? clamp(d - inner + 0.5, 0.0, 1.0) : 0.0;
    vec3 rgb = mix(v_color.rgb, u_outline_color.rgb, ring * u_outline_color.a);
    float alpha = mix(u_fill_alpha, 1.0, ring) * v_color.a;
    frag_color = vec4(rgb, alpha * coverage);
}
