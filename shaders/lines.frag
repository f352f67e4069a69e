#version 330 core
// lines.frag — coverage across the line width gives smooth edges.
in vec4 v_color;
in float v_across;
in float v_half_width;

out vec4 frag_color;

void main() {
    float coverage = clamp(v_half_width + 0.5 - abs(v_across), 0.0, 1.0);
    if (coverage <= 0.0) discard;
    frag_color = vec4(v_color.rgb, v_color.a * coverage);
}
