#version 330 core
// lines.vert — thick anti-aliased segments: each segment is a quad expanded
// in screen space from its two data-space end points.
layout(location = 0) in vec2 a_here;    // this end (data space)
layout(location = 1) in vec2 a_there;   // the other end (data space)
layout(location = 2) in float a_side;   // -1 or +1: which edge of the quad
layout(location = 3) in vec4 a_color;
layout(location = 4) in float a_width;  // line width in logical pixels

uniform vec4 u_view;
uniform vec2 u_viewport;
uniform float u_px_scale;

out vec4 v_color;
out float v_across;
out float v_half_width;

vec2 toPixels(vec2 p) { return (p - u_view.xy) / (u_view.zw - u_view.xy) * u_viewport; }

void main() {
    vec2 p = toPixels(a_here);
    vec2 q = toPixels(a_there);
    vec2 dir = q - p;
    float len = length(dir);
    dir = len > 1e-6 ? dir / len : vec2(1.0, 0.0);
    // Both ends take the normal of the same direction (from the end that sorts first), so a_side names
    // the same edge at both ends and v_across runs straight across the quad, never along it.
    bool here_first = p.x < q.x || (p.x == q.x && p.y <= q.y);
    vec2 normal = here_first ? vec2(-dir.y, dir.x) : vec2(dir.y, -dir.x);
    float hw = 0.5 * a_width * u_px_scale;
    float extent = hw + 1.0;
    vec2 pos = p - dir * hw + normal * a_side * extent;
    gl_Position = vec4(pos / u_viewport * 2.0 - 1.0, 0.0, 1.0);
    v_color = a_color;
    v_across = a_side * extent;
    v_half_width = hw;
}
