#version 330 core
// heatmap.frag — a coarse scalar field (R32F, GL_LINEAR) through a colormap,
// blended towards the background, with contour lines drawn from the field's
// screen-space derivative, an emphasised level (D = 1/2 or f = 0), and the
// optional D* = 1/2 contour dashed from a second field.
in vec2 v_uv;

uniform sampler2D u_field;
uniform sampler2D u_colormap;   // 256 x 1 RGBA8 lookup
uniform sampler2D u_overlay;    // D* field (same grid)
uniform vec2 u_range;           // value at colormap 0 and 1
uniform float u_opacity;        // colormap strength over the background
uniform vec4 u_background;
uniform int u_contours;
uniform float u_contour_step;
uniform float u_contour_emph;   // emphasised level
uniform int u_overlay_on;
uniform float u_overlay_level;
uniform float u_px_scale;

out vec4 frag_color;

// Fades lines out where the field is nearly flat: below ~1/1000 of a contour step per pixel, a level the
// field only grazes (D saturated at 0 or 1, a critic flat up to float noise) would otherwise be traced as
// fragments along the texel grid of the bilinear interpolation. `w` is in contour steps per pixel.
float slopeFade(float w) {
    return smoothstep(0.0005, 0.002, w);
}

// 1 on a line of `width` physical pixels where `v` crosses `level` (`step`: the contour step, for the fade).
float levelLine(float v, float level, float width, float step) {
    float w = fwidth(v);
    if (!(w > 1e-7)) return 0.0;  // flat field, or a NaN neighbour (undefined D*): no line
    float d = abs(v - level) / w;
    return (1.0 - smoothstep(0.5 * width, 0.5 * width + 1.0, d)) * slopeFade(w / step);
}

// 1 on lines where `v` crosses any multiple of `step`.
float gridLines(float v, float step, float width) {
    float f = v / step;
    float w = fwidth(f);
    if (w < 1e-7) return 0.0;
    float d = abs(f - floor(f + 0.5)) / w;
    return (1.0 - smoothstep(0.5 * width, 0.5 * width + 1.0, d)) * slopeFade(w);
}

void main() {
    float v = texture(u_field, v_uv).r;
    if (isnan(v) || isinf(v)) {  // a diverged run: neutral grey, no contours
        frag_color = vec4(0.82, 0.82, 0.84, 1.0);
        return;
    }
    float t = clamp((v - u_range.x) / (u_range.y - u_range.x), 0.0, 1.0);
    vec3 c = texture(u_colormap, vec2(t * (255.0 / 256.0) + 0.5 / 256.0, 0.5)).rgb;
    c = mix(u_background.rgb, c, u_opacity);
    if (u_contours == 1) {
        float m = gridLines(v, u_contour_step, 1.0 * u_px_scale);
        c = mix(c, c * 0.62, m * 0.7);
        float e = levelLine(v, u_contour_emph, 2.0 * u_px_scale, u_contour_step);
        c = mix(c, vec3(0.12, 0.12, 0.15), e * 0.85);
    }
    if (u_overlay_on == 1) {
        float o = texture(u_overlay, v_uv).r;
        float m = isnan(o) ? 0.0 : levelLine(o, u_overlay_level, 2.0 * u_px_scale, u_contour_step);  // NaN: D* undefined
        float dash = step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) / (16.0 * u_px_scale)));
        c = mix(c, vec3(0.05, 0.05, 0.05), m * dash * 0.9);
    }
    frag_color = vec4(c, 1.0);
}
