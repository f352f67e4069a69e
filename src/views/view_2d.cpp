// view_2d.cpp — the 2D data view: GL layers into an offscreen target, then overlays.
#include "views/view_2d.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include <imgui_internal.h>  // SetItemUsingMouseWheel: the plot takes the wheel, not the window

#include "views/axes_overlay.h"
#include "views/condition_legend.h"
#include "views/field_scale.h"
#include "views/legend_overlay.h"
#include "views/panel_title.h"
#include "views/push_scale.h"

namespace ganarium {

namespace {

// Text scale of a legend drawn inside the plot (it sits in the empty band beside the data).
constexpr float kInsideLegendScale = 0.85f;
// Text scale of the one-row legend of small panels.
constexpr float kCompactLegendScale = 0.9f;
// Legend rows under the plot may take at most this share of the panel height.
constexpr float kMaxLegendShare = 0.2f;
// A legend is dropped rather than squeezing the plot below this many font heights.
constexpr float kMinPlotHeight = 4.0f;

// "modes covered k/K · hq 12%", drawn in the plot's corner.
std::string modesBadgeText(const ModeMarkers& modes, const ViewLabels& labels) { return modesSummary(modes, labels); }

// The badge may take at most this share of the plot width (narrow plots list the modes in the title instead).
constexpr float kMaxBadgeShare = 0.5f;

Rgba withAlpha(Rgba c, float a) {
    c.a = a;
    return c;
}

// Layer switches that change the GPU geometry (not the heatmap).
uint32_t geometryKey(const ViewLayers& l) {
    return (l.real ? 1u : 0u) | (l.fake ? 2u : 0u) | (l.arrows ? 4u : 0u) | (l.manifold ? 8u : 0u) |
           (l.gp_lines ? 16u : 0u);
}

// Every layer switch as one bit.
uint32_t layerBits(const ViewLayers& l) {
    const bool bits[] = {l.real, l.fake, l.d_field, l.contours, l.d_optimal, l.densities, l.arrows, l.manifold, l.gp_lines, l.modes};
    uint32_t key = 0;
    for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); ++i) key |= bits[i] ? (1u << i) : 0u;
    return key;
}

// Samples per point for an even subsample of at most `max_count` of `n`.
size_t strideFor(size_t n, size_t max_count) { return n <= max_count ? 1 : (n + max_count - 1) / max_count; }

// What the legend lists for the layers shown, most important first (compact legends keep a prefix).
std::vector<LegendEntry> legendEntries(const RunSnapshot& run, const ToyParts& q, const ViewLayers& layers,
                                       const ViewLabels& labels) {
    std::vector<LegendEntry> entries;
    if (q.labelledFakes()) {
        // Conditional runs: one row per condition y (real samples in light rings of the same colours).
        if (layers.fake) entries = conditionLegendEntries(q);
        if (layers.real) entries.push_back({labels.real, IM_COL32(120, 120, 130, 255), LegendSymbol::Ring});
    } else {
        if (layers.real) entries.push_back({labels.real, packAbgr(palette::real()), LegendSymbol::Dot});
        if (layers.fake) entries.push_back({labels.generated, packAbgr(palette::fake()), LegendSymbol::Dot});
    }
    if (layers.arrows && hasPoints(q.push))
        entries.push_back({labels.push, packAbgr(palette::arrow()), LegendSymbol::Arrow});
    if (layers.modes && q.hasModes())
        entries.push_back({labels.mode_missed, packAbgr(palette::uncovered()), LegendSymbol::Cross});
    if (layers.d_field && layers.contours && hasField(q.d_field))
        entries.push_back({run.critic ? labels.critic_zero : labels.d_half, IM_COL32(30, 30, 38, 255), LegendSymbol::Line});
    if (layers.manifold && q.manifold && q.manifold->nu > 1)
        entries.push_back({labels.manifold, packAbgr(palette::fakeDark()), LegendSymbol::Line});
    if (layers.gp_lines && q.hasGp())
        entries.push_back({labels.gp_pairs, packAbgr(colormapColour(ColormapKind::GradNorm, 0.5f)), LegendSymbol::Line});
    if (layers.d_field && layers.d_optimal && !run.critic && hasField(q.d_optimal))
        entries.push_back({labels.d_star + " = 1/2", IM_COL32(13, 13, 13, 255), LegendSymbol::DashedLine});
    if (layers.modes && q.hasModes())
        entries.push_back({labels.mode_covered, IM_COL32(20, 20, 30, 255), LegendSymbol::Ring});
    return entries;
}

}  // namespace

View2D::View2D(const std::string& shader_dir)
    : shader_dir_(shader_dir), heatmap_(shader_dir), lines_(shader_dir), gp_lines_(shader_dir), points_(shader_dir),
      real_points_(shader_dir), gp_dots_(shader_dir), arrows_(shader_dir) {}

std::string View2D::shaderErrors() const {
    std::string errors;
    for (const ShaderProgram* p :
         {&heatmap_.program(), &lines_.program(), &gp_lines_.program(), &points_.program(), &gp_dots_.program(),
          &arrows_.program()})
        // Samples and GP dots share points.frag: one broken file is reported once (real_points_ too).
        if (!p->lastError().empty() && errors.find(p->lastError()) == std::string::npos) errors += p->lastError() + "\n";
    return errors;
}

bool View2D::hoveredDataPoint(double& x, double& y) const {
    if (!hovered_) return false;
    x = hover_x_;
    y = hover_y_;
    return true;
}

void View2D::rebuildGeometry(const RunSnapshot& run, const ToyParts& q, const ViewLayers& layers, float font_size, double push_reference) {
    points_.clear();
    real_points_.clear();
    lines_.clear();
    gp_lines_.clear();
    arrows_.clear();
    gp_dots_.clear();
    // This view draws 2D quantities only; any other is left out.
    const auto planar = [](const PointSet* p) { return p && p->dim == 2; };
    if (layers.gp_lines && q.hasGp() && q.gp_pairs->dim == 2 && planar(q.gp_interp)) {
        const ScalarSamples& norms = *q.gp_grad_norm;
        const double range = gradNormRange(run);
        const Segments& pairs = *q.gp_pairs;
        const PointSet& interp = *q.gp_interp;
        size_t n = std::min({pairs.size(), interp.size(), norms.values.size()});
        for (size_t i = 0; i < n; ++i) {
            Rgba c = colormapColour(ColormapKind::GradNorm, static_cast<float>(norms.values[i] / range));
            // Over the samples and arrows (the layer's whole point), mostly opaque so it reads at 720p.
            gp_lines_.add(pairs.from[i * 2], pairs.from[i * 2 + 1], pairs.to[i * 2], pairs.to[i * 2 + 1],
                          withAlpha(c, kGpLineAlpha), kGpLineWidth);
            gp_dots_.add(interp.at(i, 0), interp.at(i, 1), c, kGpDotRadius);
        }
    }
    if (layers.manifold && q.hasManifold() && q.manifold->dim == 2) {
        Rgba c = withAlpha(palette::fakeDark(), 0.55f);
        const PointGrid& m = *q.manifold;
        int nu = m.nu, nv = m.nv;
        // The trainer stores u (z0) fastest: index iv * nu + iu.
        for (int iu = 0; iu < nu; ++iu)
            for (int iv = 0; iv + 1 < nv; ++iv)
                lines_.add(m.at(iu, iv, 0), m.at(iu, iv, 1), m.at(iu, iv + 1, 0), m.at(iu, iv + 1, 1), c, 1.3f);
        for (int iv = 0; iv < nv; ++iv)
            for (int iu = 0; iu + 1 < nu; ++iu)
                lines_.add(m.at(iu, iv, 0), m.at(iu, iv, 1), m.at(iu + 1, iv, 0), m.at(iu + 1, iv, 1), c, 1.3f);
    }
    const size_t n_fake = planar(q.fake) ? q.fake->size() : 0;
    // Generated samples as solid dots first, real data on top as smaller dots with a translucent fill: where
    // G matches the data both show (orange around and through the teal), and P_data stays visible.
    // A conditional run colours both by their label y (toy_parts.h), the real samples lighter.
    const bool fake_classes = q.labelledFakes(), real_classes = fake_classes && q.labelledReals();
    real_rings_in_class_colours_ = real_classes;
    if (layers.fake)
        for (size_t i = 0; i < n_fake; ++i)
            points_.add(q.fake->at(i, 0), q.fake->at(i, 1),
                        fake_classes ? classColour(q.fake_labels->labels[i], q.fake_labels->classes) : palette::fake(),
                        kPointRadius);
    if (layers.real && planar(q.real))
        for (size_t i = 0; i < q.real->size(); ++i)
            real_points_.add(q.real->at(i, 0), q.real->at(i, 1),
                             real_classes ? lightClassColour(q.real_labels->labels[i], q.real_labels->classes, 0.35f)
                                          : palette::real(),
                             kRealRadius);
    if (layers.arrows && planar(q.push) && q.push->size() >= n_fake && n_fake > 0) {
        const PointSet& fake = *q.fake;
        const PointSet& push = *q.push;
        const size_t stride = strideFor(n_fake, kMaxArrows);
        const float max_len = font_size * 1.5f;
        const Rgba c = withAlpha(palette::arrow(), 0.65f);
        for (size_t i = 0; i < n_fake; i += stride) {
            // To scale with the runs of the same kind of D: a vanishing push draws no arrow.
            const float len = max_len * static_cast<float>(pushLengthFraction(std::hypot(push.at(i, 0), push.at(i, 1)),
                                                                              push_reference));
            if (len < kMinArrowPixels) continue;
            arrows_.add(fake.at(i, 0), fake.at(i, 1), push.at(i, 0), push.at(i, 1), len,
                        std::max(1.5f, font_size * 0.09f), c);
        }
    }
}

void View2D::renderLayers(const RunSnapshot& run, const ToyParts& q, const ViewLayers& layers, float px_scale,
                          float mark_scale) {
    GlStateGuard guard;
    target_.bindForDrawing();
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    // Where the field is drawn, the plot outside its box has no D values: a neutral grey says so.
    Rgba bg = layers.d_field && hasField(q.d_field) ? palette::noData() : palette::background();
    glClearColor(bg.r, bg.g, bg.b, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    PlotTransform transform{area_.shown.x0, area_.shown.y0, area_.shown.x1, area_.shown.y1,
                            target_.width(),  target_.height(), px_scale * std::max(0.5f, mark_scale)};
    if (layers.d_field) {
        FieldScale scale = fieldScale(run);
        HeatmapStyle style;
        style.colormap = scale.colormap;
        style.value_lo = static_cast<float>(scale.lo);
        style.value_hi = static_cast<float>(scale.hi);
        style.opacity = kHeatmapOpacity;
        style.contours = layers.contours;
        style.contour_step = static_cast<float>(scale.contour_step);
        style.contour_emphasis = static_cast<float>(scale.emphasis);
        style.overlay = layers.d_optimal && !run.critic;
        heatmap_.draw(transform, style);
    }
    // Bottom to top: manifold, generated dots, real rings, arrows, gradient-penalty lines and dots.
    lines_.draw(transform);
    points_.draw(transform, 1.f);
    // Labelled real samples: the ring takes each point's own (class) colour (outline alpha 0).
    const Rgba ring = real_rings_in_class_colours_ ? withAlpha(palette::real(), 0.f) : palette::real();
    real_points_.draw(transform, PointOutline{ring, kRealRingWidth, kRealFillAlpha});
    arrows_.draw(transform);
    gp_lines_.draw(transform);
    gp_dots_.draw(transform, 0.8f);
    target_.resolve();
}

void View2D::drawOverlays(const RunSnapshot& run, const ToyParts& q, const ViewLayers& layers, const ViewStyle& style,
                          ImVec2 panel_min, ImVec2 panel_max, float font_size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float F = font_size;
    dl->AddRect(area_.min, area_.max, ImGui::GetColorU32(ImGuiCol_Text, 0.5f));
    drawAxis(dl, area_, {AxisSide::Bottom, area_.shown.x0, area_.shown.x1, "", true, true, 0, 6}, F);
    drawAxis(dl, area_, {AxisSide::Left, area_.shown.y0, area_.shown.y1, "", true, true, 0, 5}, F);

    // Mixture modes: covered = dark ring with light fill, missed = red ring and cross.
    dl->PushClipRect(area_.min, area_.max, true);
    if (layers.modes && q.hasModes()) {
        double px_per_unit = area_.width() / (area_.shown.x1 - area_.shown.x0);
        const ModeMarkers& modes = *q.modes;
        for (size_t i = 0; i < modes.modes.size(); ++i) {
            const Mode& m = modes.modes[i];
            bool ok = i < modes.covered.size() && modes.covered[i];
            ImVec2 c = area_.toScreen(m.x, m.y);
            float r = std::max(F * 0.6f, static_cast<float>(2.0 * m.std * px_per_unit));
            if (ok) {
                dl->AddCircleFilled(c, r, IM_COL32(255, 255, 255, 50), 32);
                dl->AddCircle(c, r, IM_COL32(20, 20, 30, 220), 32, 2.5f);
            } else {
                // Red on a white halo: readable on dark and light heatmap colours alike.
                // The cross sits on the ring (upper right), leaving the real samples inside visible.
                ImU32 red = packAbgr(palette::uncovered()), halo = IM_COL32(255, 255, 255, 200);
                float h = F * 0.3f;
                ImVec2 b{c.x + r * 0.7071f, c.y - r * 0.7071f};
                for (auto [col, w] : {std::pair<ImU32, float>{halo, 4.5f}, std::pair<ImU32, float>{red, 2.5f}}) {
                    dl->AddCircle(c, r, col, 32, w - 0.5f);
                    dl->AddLine({b.x - h, b.y - h}, {b.x + h, b.y + h}, col, w);
                    dl->AddLine({b.x - h, b.y + h}, {b.x + h, b.y - h}, col, w);
                }
            }
        }
        if (modes_badge_) {
            std::string text = modesBadgeText(modes, style.labels);
            ImVec2 size = textSize(text, F);
            ImVec2 p{area_.min.x + F * 0.4f, area_.min.y + F * 0.4f};
            dl->AddRectFilled({p.x - F * 0.25f, p.y - F * 0.1f}, {p.x + size.x + F * 0.25f, p.y + size.y + F * 0.1f},
                              IM_COL32(255, 255, 255, 215), F * 0.2f);
            drawText(dl, p, IM_COL32(20, 20, 25, 255), text, F);
        }
    }
    dl->PopClipRect();

    // Colour bars right of the plot.
    float bar_x = area_.max.x + F * 0.8f;
    if (layers.d_field && hasField(q.d_field)) {
        FieldScale scale = fieldScale(run, style.labels);
        ColourBar bar{scale.colormap, scale.lo, scale.hi, kHeatmapOpacity, scale.name, {scale.emphasis}};
        drawColourBar(dl, {bar_x, area_.min.y}, area_.height(), bar, F);
        bar_x += colourBarWidth(bar, F) + F * 0.5f;
    }
    if (layers.gp_lines && q.hasGp()) {
        ColourBar bar{ColormapKind::GradNorm, 0.0, gradNormRange(run), 1.f, style.labels.grad_norm, {1.0}};
        drawColourBar(dl, {bar_x, area_.min.y}, area_.height(), bar, F);
    }

    if (legend_inside_)
        drawLegend(dl, area_.min, area_.max, LegendCorner::TopRight, legend_, legend_font_);
    else
        drawLegendRows(dl, {panel_min.x + F * 0.3f, area_.max.y + F * 1.7f}, panel_max.x - panel_min.x - F * 0.6f,
                       legend_, legend_font_);

    if (style.show_title)
        drawPanelTitle(dl, panel_min, panel_max.x - panel_min.x, run, style.labels, F, !modes_badge_);

    // Hover read-out.
    if (hovered_) {
        double value = layers.d_field && q.d_field ? sampleField(*q.d_field, hover_x_, hover_y_) : std::nan("");
        char text[128];
        if (std::isfinite(value))
            std::snprintf(text, sizeof(text), "(%.2f, %.2f)  %s = %.3f", hover_x_, hover_y_,
                          run.critic ? "f" : "D", value);
        else
            std::snprintf(text, sizeof(text), "(%.2f, %.2f)", hover_x_, hover_y_);
        ImVec2 size = textSize(text, F);
        ImVec2 mouse = ImGui::GetIO().MousePos;
        ImVec2 p{mouse.x + F, mouse.y - F * 1.6f};
        p.x = std::min(p.x, area_.max.x - size.x - F * 0.3f);
        p.y = std::max(p.y, area_.min.y + F * 0.2f);
        dl->AddRectFilled({p.x - F * 0.25f, p.y - F * 0.1f}, {p.x + size.x + F * 0.25f, p.y + size.y + F * 0.1f},
                          IM_COL32(30, 30, 36, 230), F * 0.2f);
        drawText(dl, p, IM_COL32(255, 255, 255, 255), text, F);
    }
}

void View2D::placeLegend(const std::vector<LegendEntry>& entries, const Bounds& data_box, ImVec2 size, float F) {
    legend_ = entries;
    legend_font_ = kInsideLegendScale * F;
    legend_inside_ = true;
    if (entries.empty()) return;
    // 1. Inside the plot, when the equal-aspect fit leaves an empty band beside the data wide enough for it.
    ImVec2 box = legendBoxSize(entries, legend_font_);
    float band_right = static_cast<float>((area_.shown.x1 - data_box.x1) / (area_.shown.x1 - area_.shown.x0)) * area_.width();
    float band_top = static_cast<float>((area_.shown.y1 - data_box.y1) / (area_.shown.y1 - area_.shown.y0)) * area_.height();
    bool fits_height = box.y + F * 0.8f <= area_.height();
    if ((band_right >= box.x + F * 0.4f && fits_height) || band_top >= box.y + F * 0.4f) return;
    // 2. Wrapped rows under the axis numbers, when they take at most a fifth of the panel.
    legend_inside_ = false;
    legend_font_ = F;
    float row_w = size.x - F * 0.6f;
    float rows_h = legendRowsHeight(entries, row_w, F) + F * 0.3f;
    if (rows_h > kMaxLegendShare * size.y) {
        // 3. Small panels: one row of the most important entries, in slightly smaller text.
        legend_font_ = kCompactLegendScale * F;
        legend_ = entriesInOneRow(entries, row_w, legend_font_);
        rows_h = legendRowsHeight(legend_, row_w, legend_font_) + F * 0.3f;
    }
    // The plot always wins: no legend rather than a plot too small to read.
    if (area_.height() - rows_h < kMinPlotHeight * F) {
        legend_.clear();
        return;
    }
    area_.max.y -= rows_h;
    area_.shown = fitEqualAspect(data_box, area_.width(), area_.height());
}

void View2D::clipPlotToBox(const Bounds& box) {
    Bounds shown{std::max(area_.shown.x0, box.x0), std::min(area_.shown.x1, box.x1), std::max(area_.shown.y0, box.y0),
                 std::min(area_.shown.y1, box.y1)};
    if (!(shown.x1 > shown.x0) || !(shown.y1 > shown.y0)) return;  // the field is off screen: keep the plot
    ImVec2 min{area_.screenX(shown.x0), area_.screenY(shown.y1)}, max{area_.screenX(shown.x1), area_.screenY(shown.y0)};
    if (max.x - min.x < 8 || max.y - min.y < 8) return;
    area_.min = min;
    area_.max = max;
    area_.shown = shown;
}

void View2D::draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
                  const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    const ToyParts q = findToyParts(run);
    float F = overlayFontSize(style);
    initialiseCamera(camera, snapshot.view);
    ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImVec2 panel_max{panel_min.x + size.x, panel_min.y + size.y};

    // Layout: title, plot with colour bars at its right, axis numbers and legend rows below.
    float bars_w = 0;
    if (layers.d_field && hasField(q.d_field)) {
        FieldScale s = fieldScale(run, style.labels);
        bars_w += colourBarWidth({s.colormap, s.lo, s.hi, 1.f, s.name, {}}, F) + F * 0.5f;
    }
    if (layers.gp_lines && q.hasGp())
        bars_w += colourBarWidth({ColormapKind::GradNorm, 0.0, gradNormRange(run), 1.f, style.labels.grad_norm, {}}, F) +
                  F * 0.5f;
    if (bars_w > 0) bars_w += F * 0.8f;  // the gap between the plot and the first bar (the "||grad D||" title was cut)
    float left_w = axisLabelWidth({AxisSide::Left, camera.box.y0, camera.box.y1, "", true, true, 0, 5}, F) + F * 0.9f;
    // "modes covered k/K" sits in the plot's corner when it leaves room for the data; else it joins the title.
    float plot_w = size.x - left_w - std::max(bars_w, F * 0.8f);
    modes_badge_ = layers.modes && q.hasModes() &&
                   textSize(modesBadgeText(*q.modes, style.labels), F).x + F <= kMaxBadgeShare * plot_w;
    float title_h =
        style.show_title ? panelTitleHeight(run, style.labels, size.x, F, !modes_badge_) + F * 0.4f : F * 0.5f;
    std::vector<LegendEntry> entries =
        style.show_legend ? legendEntries(run, q, layers, style.labels) : std::vector<LegendEntry>{};
    area_.min = {panel_min.x + left_w, panel_min.y + title_h};
    area_.max = {panel_max.x - std::max(bars_w, F * 0.8f), panel_max.y - F * 1.6f};
    if (area_.width() < 8 || area_.height() < 8) {
        ImGui::Dummy(size);
        return;
    }
    area_.shown = fitEqualAspect(camera.box, area_.width(), area_.height());
    placeLegend(entries, camera.box, size, F);
    // Videos and screenshots (not interactive): the plot ends where the field does, so a panel of
    // unusual aspect shows a smaller plot rather than strips without D values.
    if (!style.interactive && layers.d_field && hasField(q.d_field)) clipPlotToBox(q.d_field->box);
    // Input: one invisible button over the panel takes drag and wheel.
    ImGui::SetCursorScreenPos(panel_min);
    ImGui::PushID(this);  // several panels share one window
    ImGui::InvisibleButton("##view2d", size);
    ImGui::PopID();
    hovered_ = false;
    if (style.interactive) {
        ImGui::SetItemUsingMouseWheel();
        if (applyPanZoom(camera, area_, false)) area_.shown = fitEqualAspect(camera.box, area_.width(), area_.height());
        ImVec2 mouse = ImGui::GetIO().MousePos;
        if (ImGui::IsItemHovered() && area_.contains(mouse)) {
            hovered_ = true;
            hover_x_ = area_.dataX(mouse.x);
            hover_y_ = area_.dataY(mouse.y);
        }
    }

    // GL layers into the offscreen target (HiDPI: physical pixels).
    float px_scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.f;
    GlStateGuard guard;  // resizing and uploads bind textures and buffers: leave the caller's GL state as it was
    target_.resize(static_cast<int>(std::lround(area_.width() * px_scale)),
                   static_cast<int>(std::lround(area_.height() * px_scale)), msaa_samples_);
    if (snapshot.version != cached_version_ || run_index != cached_run_) {
        const FieldGrid none;
        heatmap_.setField(q.d_field ? *q.d_field : none);
        heatmap_.setOverlay(q.d_optimal ? *q.d_optimal : none);
    }
    if (snapshot.version != cached_version_ || run_index != cached_run_ || geometryKey(layers) != cached_layers_ ||
        F != cached_font_) {
        rebuildGeometry(run, q, layers, F, pushReference(snapshot, run_index, kPushQuantile));
        cached_version_ = snapshot.version;
        cached_run_ = run_index;
        cached_layers_ = geometryKey(layers);
        cached_font_ = F;
    }
    // Re-render the GL layers only when something they show changed (hover and overlays do not).
    bool reloaded = false;
    for (ShaderProgram* p : {&heatmap_.program(), &lines_.program(), &gp_lines_.program(), &points_.program(),
                             &real_points_.program(), &gp_dots_.program(), &arrows_.program()})
        reloaded = p->reloadIfChanged() || reloaded;
    RenderKey key{snapshot.version, run_index, layerBits(layers), area_.shown, target_.width(), target_.height(), px_scale, F};
    if (reloaded || !(key == rendered_)) {
        renderLayers(run, q, layers, px_scale, style.mark_scale);
        rendered_ = key;
        ++gl_renders_;
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(target_.texture())), area_.min, area_.max,
                 ImVec2(0, 1), ImVec2(1, 0));
    drawOverlays(run, q, layers, style, panel_min, panel_max, F);
}

}  // namespace ganarium
