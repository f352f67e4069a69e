// colormap.cpp — colour tables (control points, linearly interpolated) and the palette.
#include "render/colormap.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

namespace {

struct Stop {
    float r, g, b;
};

// Sequential for probabilities: near-white -> lavender -> deep purple.
const Stop kProbability[] = {{0.975f, 0.970f, 0.985f}, {0.880f, 0.870f, 0.935f}, {0.740f, 0.730f, 0.865f},
                             {0.600f, 0.575f, 0.780f}, {0.470f, 0.420f, 0.690f}, {0.365f, 0.260f, 0.595f},
                             {0.260f, 0.090f, 0.490f}};
// Diverging blue-white-red; the middle stop is exactly white (value 0).
const Stop kDiverging[] = {{0.130f, 0.330f, 0.640f}, {0.400f, 0.600f, 0.820f}, {0.760f, 0.860f, 0.935f},
                           {1.000f, 1.000f, 1.000f}, {0.970f, 0.790f, 0.700f}, {0.860f, 0.420f, 0.340f},
                           {0.700f, 0.090f, 0.160f}};
// Gradient norms: deep indigo (0) -> violet -> magenta (1, the target norm at the middle) -> pink ->
// pale pink (2). No teal, green or orange, so GP lines never look like real or generated samples.
const Stop kGradNorm[] = {{0.160f, 0.090f, 0.420f}, {0.380f, 0.130f, 0.600f}, {0.600f, 0.140f, 0.640f},
                          {0.780f, 0.150f, 0.560f}, {0.900f, 0.320f, 0.600f}, {0.960f, 0.560f, 0.760f},
                          {0.990f, 0.850f, 0.920f}};

template <size_t N>
Rgba sampleTable(const Stop (&table)[N], float t) {
    t = std::clamp(std::isfinite(t) ? t : 0.f, 0.f, 1.f);
    float pos = t * static_cast<float>(N - 1);
    size_t i = std::min(static_cast<size_t>(pos), N - 2);
    float f = pos - static_cast<float>(i);
    const Stop& a = table[i];
    const Stop& b = table[i + 1];
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f, 1.f};
}

uint8_t toByte(float v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); }

}  // namespace

Rgba colormapColour(ColormapKind kind, float t) {
    switch (kind) {
        case ColormapKind::Probability: return sampleTable(kProbability, t);
        case ColormapKind::Diverging: return sampleTable(kDiverging, t);
        case ColormapKind::GradNorm: return sampleTable(kGradNorm, t);
    }
    return {};
}

std::vector<uint8_t> colormapTexels(ColormapKind kind, int n) {
    std::vector<uint8_t> texels(static_cast<size_t>(n) * 4);
    for (int i = 0; i < n; ++i) {
        Rgba c = colormapColour(kind, n > 1 ? static_cast<float>(i) / static_cast<float>(n - 1) : 0.f);
        texels[static_cast<size_t>(i) * 4 + 0] = toByte(c.r);
        texels[static_cast<size_t>(i) * 4 + 1] = toByte(c.g);
        texels[static_cast<size_t>(i) * 4 + 2] = toByte(c.b);
        texels[static_cast<size_t>(i) * 4 + 3] = 255;
    }
    return texels;
}

Rgba heatmapDisplayColour(ColormapKind kind, float t, float opacity) {
    Rgba c = colormapColour(kind, t);
    Rgba bg = palette::background();
    return {bg.r + (c.r - bg.r) * opacity, bg.g + (c.g - bg.g) * opacity, bg.b + (c.b - bg.b) * opacity, 1.f};
}

namespace palette {
Rgba real() { return {0.000f, 0.620f, 0.520f, 1.f}; }
Rgba fake() { return {0.960f, 0.470f, 0.070f, 1.f}; }
Rgba fakeDark() { return {0.560f, 0.230f, 0.020f, 1.f}; }
Rgba arrow() { return {0.180f, 0.110f, 0.060f, 1.f}; }
Rgba dCurve() { return {0.150f, 0.250f, 0.700f, 1.f}; }
Rgba critic() { return {0.700f, 0.100f, 0.350f, 1.f}; }
Rgba optimal() { return {0.200f, 0.200f, 0.200f, 1.f}; }
Rgba background() { return {0.985f, 0.985f, 0.980f, 1.f}; }
Rgba noData() { return {0.900f, 0.900f, 0.910f, 1.f}; }
Rgba outline() { return {0.100f, 0.100f, 0.120f, 1.f}; }
Rgba uncovered() { return {0.850f, 0.080f, 0.100f, 1.f}; }
Rgba diverged() { return {0.950f, 0.150f, 0.150f, 1.f}; }
}  // namespace palette

Rgba classColour(int label, int classes) {
    // A qualitative table (hues far apart, all darker than the probability map's light end; gold, not the
    // unconditional runs' orange, so "generated data" and a class never share a colour).
    static constexpr float kTable[10][3] = {
        {0.122f, 0.467f, 0.706f}, {0.890f, 0.102f, 0.110f}, {0.172f, 0.627f, 0.172f}, {0.580f, 0.404f, 0.741f},
        {0.950f, 0.750f, 0.000f}, {0.549f, 0.337f, 0.294f}, {0.890f, 0.467f, 0.761f}, {0.090f, 0.745f, 0.812f},
        {0.737f, 0.741f, 0.133f}, {0.250f, 0.250f, 0.250f}};
    if (label < 0 || label >= classes) return {0.5f, 0.5f, 0.5f, 1.f};
    if (classes <= 10) return {kTable[label][0], kTable[label][1], kTable[label][2], 1.f};
    // Evenly spaced hues at full saturation, value 0.85 (HSV to RGB).
    const float h = 6.0f * static_cast<float>(label) / static_cast<float>(classes);
    const int sector = static_cast<int>(h) % 6;
    const float f = h - static_cast<float>(static_cast<int>(h)), v = 0.85f, p = 0.15f;
    const float q = v - (v - p) * f, t = p + (v - p) * f;
    const float rgb[6][3] = {{v, t, p}, {q, v, p}, {p, v, t}, {p, q, v}, {t, p, v}, {v, p, q}};
    return {rgb[sector][0], rgb[sector][1], rgb[sector][2], 1.f};
}

Rgba lightClassColour(int label, int classes, float lightness) {
    Rgba c = classColour(label, classes);
    c.r += (1.f - c.r) * lightness;
    c.g += (1.f - c.g) * lightness;
    c.b += (1.f - c.b) * lightness;
    return c;
}

uint32_t packAbgr(const Rgba& c) {
    return static_cast<uint32_t>(toByte(c.r)) | (static_cast<uint32_t>(toByte(c.g)) << 8) |
           (static_cast<uint32_t>(toByte(c.b)) << 16) | (static_cast<uint32_t>(toByte(c.a)) << 24);
}

}  // namespace ganarium
