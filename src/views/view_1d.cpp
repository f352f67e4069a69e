// view_1d.cpp — the 1D data view, drawn with ImGui draw lists.
#include "views/view_1d.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <numeric>

#include <imgui_internal.h>  // SetItemUsingMouseWheel

#include "render/colormap.h"
#include "views/axes_overlay.h"
#include "views/condition_legend.h"
#include "views/draw_primitives.h"
#include "views/field_scale.h"
#include "views/legend_overlay.h"
#include "views/panel_title.h"
#include "views/push_bins.h"
#include "views/push_scale.h"
#include "views/toy_parts.h"

namespace ganarium {

namespace {

constexpr double kTop = 1.1;  // the plot shows D in [0, kTop]
constexpr float kCompactLegendScale = 0.9f;  // text scale of the one-row legend of short panels
constexpr float kMaxLegendShare = 0.2f;      // full legend rows may take at most this share of the panel
constexpr float kMinPlotHeight = 5.0f;       // the plot keeps at least this many font heights when it can

ImU32 colour(Rgba c, float alpha) {
    c.a = alpha;
    return packAbgr(c);
}

// Screen points of a 1D field (cell centres) scaled by `to_unit` (value -> D units), one polyline per
// stretch where the field is defined (none for a missing field) (NaN or Inf, e.g. D* without mass or a diverged run, leave a gap).
template <typename ToUnit>
std::vector<std::vector<ImVec2>> fieldCurves(const FieldGrid* field, const PlotArea& area, ToUnit to_unit) {
    std::vector<std::vector<ImVec2>> segments(1);
    if (!field) return segments;
    const FieldGrid& f = *field;
    for (int i = 0; i < f.nx && !f.values.empty(); ++i) {
        const double v = f.values[static_cast<size_t>(i)];
        if (!std::isfinite(v)) {
            if (!segments.back().empty()) segments.emplace_back();
            continue;
        }
        segments.back().push_back(area.toScreen(f.box.x0 + (i + 0.5) * (f.box.x1 - f.box.x0) / f.nx, to_unit(v)));
    }
    return segments;
}

// Fills between a curve and the baseline with vertical quads (the area is not convex).
void fillUnder(ImDrawList* dl, const std::vector<ImVec2>& pts, float base_y, ImU32 col) {
    ImDrawListFlags saved = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        ImVec2 quad[4] = {{pts[i].x, base_y}, pts[i], pts[i + 1], {pts[i + 1].x, base_y}};
        dl->AddConvexPolyFilled(quad, 4, col);
    }
    dl->Flags = saved;
}

// A polyline in dashes of `dash` pixels separated by `gap` pixels.
void dashedPolyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float width, float dash, float gap) {
    float phase = 0;  // distance into the current dash+gap period
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        ImVec2 a = pts[i], b = pts[i + 1];
        float len = std::hypot(b.x - a.x, b.y - a.y);
        float t = 0;
        while (t < len) {
            bool on = phase < dash;
            float step = std::min(len - t, on ? dash - phase : dash + gap - phase);
            if (on) {
                ImVec2 p{a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len};
                ImVec2 q{a.x + (b.x - a.x) * (t + step) / len, a.y + (b.y - a.y) * (t + step) / len};
                dl->AddLine(p, q, col, width);
            }
            t += step;
            phase = std::fmod(phase + step, dash + gap);
        }
    }
}

double maxFinite(const FieldGrid* f) {
    double m = 0;
    if (!f) return m;
    for (float v : f->values)
        if (std::isfinite(v)) m = std::max(m, static_cast<double>(v));
    return m;
}

}  // namespace

bool View1D::hoveredDataPoint(double& x, double& y) const {
    if (!hovered_) return false;
    x = hover_x_;
    y = hover_y_;
    return true;
}

void View1D::draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
                  const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    const ToyParts q = findToyParts(run);
    const float F = overlayFontSize(style);
    initialiseCamera(camera, snapshot.view);
    ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImVec2 panel_max{panel_min.x + size.x, panel_min.y + size.y};
    FieldScale scale = fieldScale(run, style.labels);
    bool critic_axis = run.critic && layers.d_field && hasField(q.d_field);

    // Vertical layout: title, axis titles, plot, x numbers, mapping zone, z line + numbers, legend.
    // Short panels give up, in this order, the mapping zone, the full legend (one compact row
    // instead), the legend, and the axis titles; the plot is always drawn.
    const ViewLabels& L = style.labels;
    float title_h = style.show_title ? panelTitleHeight(run, L, size.x, F, true) + F * 0.3f : F * 0.3f;
    float axis_title_h = F * 1.4f;
    // Densities share one scale so their heights compare; P_data fixes it (stable while G moves).
    double dens_top = 1.25 * std::max(maxFinite(q.p_data), 1e-12);
    if (!hasField(q.p_data)) dens_top = 1.25 * std::max(maxFinite(q.p_g), 1e-12);
    const bool densities = layers.densities && (hasField(q.p_data) || hasField(q.p_g));
    // Left axis: D (probability panels) or the densities (critic panels, numbers in density units);
    // right axis: the critic's values. D* is a probability, so only probability panels draw it.
    AxisSpec left{AxisSide::Left, 0.0, kTop, "", true, true, 0, 5};
    if (critic_axis) left = {AxisSide::Left, 0.0, dens_top * kTop, "", true, densities, 0, 5};
    AxisSpec right{AxisSide::Right, scale.lo, scale.lo + (scale.hi - scale.lo) * kTop, "", false, true,
                   packAbgr(palette::critic()), 5};
    // The densities axis says only the symbols (the legend spells them out): short in every language, so it
    // stays clear of the critic's title on the right.
    const std::string left_title = critic_axis ? std::string("p_data, p_G") : L.d_of_x;
    float left_w = F * 0.9f + std::max(axisLabelWidth({AxisSide::Left, 0.0, 1.0, "", true, true, 0, 5}, F),
                                       left.numbers ? axisLabelWidth(left, F) : 0.f);
    float right_w = critic_axis ? F * 0.9f + axisLabelWidth(right, F) : F * 0.8f;
    // The two axis titles share the row above the plot when they fit side by side; else the left one
    // moves up a row (long Chinese titles).
    float title_lift = 0;
    if (critic_axis && textSize(left_title, F).x + textSize(L.critic, F).x + F * 1.2f > size.x - left_w - right_w) {
        title_lift = F * 1.25f;
        axis_title_h += title_lift;
    }
    float ticks_h = F * 1.6f;
    bool show_z = layers.manifold && hasPoints(q.latent);
    // Legend entries, most important first (a compact legend keeps a prefix).
    auto legend_entries = [&](bool with_mapping) {
        std::vector<LegendEntry> e;
        if (!style.show_legend) return e;
        if (layers.densities && hasField(q.p_data)) e.push_back({L.p_data, colour(palette::real(), 0.6f), LegendSymbol::Filled});
        if (layers.densities && hasField(q.p_g)) e.push_back({L.p_g, packAbgr(palette::fake()), LegendSymbol::Line});
        if (layers.d_field && hasField(q.d_field))
            e.push_back({run.critic ? L.critic : L.d_of_x, packAbgr(run.critic ? palette::critic() : palette::dCurve()),
                         LegendSymbol::Line});
        if (layers.d_optimal && !run.critic && hasField(q.d_optimal)) e.push_back({L.d_star, packAbgr(palette::optimal()), LegendSymbol::DashedLine});
        if (layers.arrows && hasPoints(q.push)) e.push_back({L.push, packAbgr(palette::arrow()), LegendSymbol::Arrow});
        if (layers.real) e.push_back({L.real, packAbgr(palette::real()), LegendSymbol::Dot});
        if (layers.fake && q.labelledFakes()) {
            const std::vector<LegendEntry> classes = conditionLegendEntries(q);  // conditional: one row per y
            e.insert(e.end(), classes.begin(), classes.end());
        } else if (layers.fake) {
            e.push_back({L.generated, packAbgr(palette::fake()), LegendSymbol::Dot});
        }
        if (with_mapping) e.push_back({L.mapping, colour(palette::fake(), 0.8f), LegendSymbol::Line});
        return e;
    };
    float legend_w = size.x - F * 0.6f;
    float legend_font = F;
    std::vector<LegendEntry> entries;
    float zone_h = 0, z_h = 0, legend_h = 0;
    auto plot_height = [&] { return size.y - title_h - axis_title_h - ticks_h - zone_h - z_h - legend_h; };
    auto layout = [&](bool z, bool compact_legend, bool legend) {
        show_z = z;
        zone_h = z ? std::max(F * 2.5f, size.y * 0.14f) : 0.f;
        z_h = z ? F * 1.8f : 0.f;
        entries = legend ? legend_entries(z) : std::vector<LegendEntry>{};
        legend_font = compact_legend ? kCompactLegendScale * F : F;
        if (compact_legend) entries = entriesInOneRow(entries, legend_w, legend_font);
        legend_h = entries.empty() ? 0.f : legendRowsHeight(entries, legend_w, legend_font) + F * 0.3f;
    };
    const float min_plot = kMinPlotHeight * F;
    layout(show_z, false, true);
    if (legend_h > kMaxLegendShare * size.y) layout(show_z, true, true);
    if (plot_height() < min_plot && show_z) layout(false, legend_font < F, true);
    if (plot_height() < min_plot && legend_font == F) layout(false, true, true);
    if (plot_height() < min_plot) layout(false, true, false);
    bool axis_titles = plot_height() >= min_plot;
    if (!axis_titles) axis_title_h = F * 0.3f;
    if (axis_titles) {
        left.title = left_title;
        left.title_lift = title_lift;
        right.title = L.critic;
    }
    area_.min = {panel_min.x + left_w, panel_min.y + title_h + axis_title_h};
    area_.max = {panel_max.x - right_w, panel_max.y - ticks_h - zone_h - z_h - legend_h};
    if (area_.width() < 8 || area_.height() < 8) {
        ImGui::Dummy(size);
        return;
    }
    area_.shown = {camera.box.x0, camera.box.x1, 0.0, kTop};

    ImGui::SetCursorScreenPos(panel_min);
    ImGui::PushID(this);  // several panels share one window
    ImGui::InvisibleButton("##view1d", size);
    ImGui::PopID();
    hovered_ = false;
    if (style.interactive) {
        ImGui::SetItemUsingMouseWheel();
        if (applyPanZoom(camera, area_, true)) area_.shown = {camera.box.x0, camera.box.x1, 0.0, kTop};
        ImVec2 mouse = ImGui::GetIO().MousePos;
        if (ImGui::IsItemHovered() && area_.contains(mouse)) {
            hovered_ = true;
            hover_x_ = area_.dataX(mouse.x);
            hover_y_ = area_.dataY(mouse.y);
        }
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(area_.min, area_.max, packAbgr(palette::background()));
    drawAxis(dl, area_, {AxisSide::Bottom, area_.shown.x0, area_.shown.x1, axis_titles ? "x" : "", true, true, 0, 7}, F);
    drawAxis(dl, area_, left, F);
    if (critic_axis) drawAxis(dl, area_, right, F);

    dl->PushClipRect(area_.min, area_.max, true);
    auto density_unit = [&](double p) { return p / dens_top; };
    if (layers.densities) {
        for (const auto& pd : fieldCurves(q.p_data, area_, density_unit)) {
            fillUnder(dl, pd, area_.max.y, colour(palette::real(), 0.22f));
            dl->AddPolyline(pd.data(), static_cast<int>(pd.size()), colour(palette::real(), 0.95f), 0, kDensityWidth * style.mark_scale);
        }
        for (const auto& pg : fieldCurves(q.p_g, area_, density_unit))
            dl->AddPolyline(pg.data(), static_cast<int>(pg.size()), colour(palette::fake(), 1.f), 0, kDensityWidth * style.mark_scale);
    }
    // Reference line: D = 1/2 (or f = 0, which sits at the same height).
    if (layers.d_field) {
        float y = area_.screenY(0.5);
        dashedPolyline(dl, {{area_.min.x, y}, {area_.max.x, y}}, IM_COL32(90, 90, 100, 200), 1.5f, 3.f, 4.f);
    }
    if (layers.d_optimal && !run.critic && hasField(q.d_optimal)) {
        // D* is drawn only where p_data + p_G is not negligible (the trainer leaves NaN elsewhere).
        for (const auto& opt : fieldCurves(q.d_optimal, area_, [](double v) { return v; }))
            if (opt.size() >= 2) dashedPolyline(dl, opt, colour(palette::optimal(), 0.9f), 2.5f * style.mark_scale, F * 0.6f, F * 0.4f);
    }
    if (layers.d_field && hasField(q.d_field)) {
        auto to_unit = [&](double v) { return run.critic ? (v - scale.lo) / (scale.hi - scale.lo) : v; };
        for (const auto& d : fieldCurves(q.d_field, area_, to_unit))
            dl->AddPolyline(d.data(), static_cast<int>(d.size()),
                            packAbgr(run.critic ? palette::critic() : palette::dCurve()), 0, kDCurveWidth * style.mark_scale);
    }
    // Rugs: real samples in the bottom strip, generated ones just above.
    float rug = area_.height() * 0.05f;
    // A conditional run's rugs take each sample's class colour (`labels`, one per sample), real ones lighter.
    auto draw_rug = [&](const PointSet* samples, float y_bottom, ImU32 col, const PointLabels* labels, float light) {
        if (!samples || samples->dim != 1) return;
        const std::vector<float>& xs = samples->coords;
        size_t stride = std::max<size_t>(1, xs.size() / 400);
        for (size_t i = 0; i < xs.size(); i += stride) {
            float sx = area_.screenX(xs[i]);
            const ImU32 c = labels ? colour(lightClassColour(labels->labels[i], labels->classes, light), 0.7f) : col;
            dl->AddLine({sx, y_bottom}, {sx, y_bottom - rug}, c, 1.5f);
        }
    };
    const bool classes = q.labelledFakes();
    if (layers.real)
        draw_rug(q.real, area_.max.y, colour(palette::real(), 0.45f), classes && q.labelledReals() ? q.real_labels : nullptr, 0.35f);
    if (layers.fake) draw_rug(q.fake, area_.max.y - rug * 1.15f, colour(palette::fake(), 0.55f), classes ? q.fake_labels : nullptr, 0.f);
    // Gradient arrows: one per bin of x with the mean push of the generated samples in it, in one row
    // above the rugs, on a light halo so they read over the densities.
    arrows_drawn_ = 0;
    if (layers.arrows && hasPoints(q.push) && hasPoints(q.fake) && q.fake->dim == 1 && q.push->dim == 1 &&
        q.push->coords.size() >= q.fake->coords.size()) {
        const int bins = std::clamp(static_cast<int>(area_.width() / (F * kArrowSpacing)), 1, kMaxArrows);
        const float bin_px = area_.width() / static_cast<float>(bins);
        const float max_len = std::min(F * 2.2f, bin_px * 0.8f);
        // To scale with the runs of the same kind of D: a vanishing gradient draws no arrows.
        const double ref = pushReference(snapshot, run_index, kPushQuantile);
        const float sy = area_.max.y - rug * 2.6f - F * 0.4f;
        const float width = std::max(1.5f, F * 0.1f);
        for (const PushBin& bin : binPushes(q.fake->coords, q.push->coords, area_.shown.x0, area_.shown.x1, bins)) {
            const float len = max_len * static_cast<float>(pushLengthFraction(std::fabs(bin.push), ref));
            if (len < kMinArrowPixels) continue;
            // Centred as near its samples' mean as it can while staying inside its bin: arrows never touch.
            const float bin_lo = area_.min.x + static_cast<float>(bin.index) * bin_px, margin = 0.1f * bin_px;
            const float mid = std::clamp(static_cast<float>(area_.screenX(bin.x)), bin_lo + margin + 0.5f * len,
                                         bin_lo + bin_px - margin - 0.5f * len);
            const float half = bin.push > 0 ? 0.5f * len : -0.5f * len;
            const ImVec2 from{mid - half, sy}, to{mid + half, sy};
            drawArrow(dl, from, to, IM_COL32(255, 255, 255, 170), width + 2.5f);
            drawArrow(dl, from, to, colour(palette::arrow(), 0.95f), width);
            ++arrows_drawn_;
        }
    }
    dl->PopClipRect();
    dl->AddRect(area_.min, area_.max, ImGui::GetColorU32(ImGuiCol_Text, 0.5f));

    // z line and mapping lines z -> G(z) (first latent coordinate).
    if (show_z) {
        const PointSet& latent = *q.latent;
        const std::vector<float> no_samples;
        const std::vector<float>& fake = q.fake && q.fake->dim == 1 ? q.fake->coords : no_samples;
        size_t n = std::min(latent.size(), fake.size());
        double zmax = 0;
        for (size_t i = 0; i < n; ++i) zmax = std::max(zmax, static_cast<double>(std::fabs(latent.at(i, 0))));
        zmax = niceCeil(zmax > 0 ? zmax : 1.0);
        float z_y = area_.max.y + ticks_h + zone_h;
        PlotArea z_area = area_;
        z_area.shown = {-zmax, zmax, 0, 1};
        z_area.min.y = z_y - 1;
        z_area.max.y = z_y;
        drawAxis(dl, z_area, {AxisSide::Bottom, -zmax, zmax, "", false, true, 0, 5}, F);
        ImVec2 zs = textSize("z", F);
        drawText(dl, {area_.min.x - zs.x - F * 0.5f, z_y - zs.y * 0.5f}, ImGui::GetColorU32(ImGuiCol_Text), "z", F);
        std::vector<size_t> order(n);
        std::iota(order.begin(), order.end(), size_t{0});
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return latent.at(a, 0) < latent.at(b, 0); });
        size_t lines = std::min<size_t>(n, kMaxMappingLines);
        float top = area_.max.y + ticks_h;
        dl->PushClipRect({area_.min.x - 1, top}, {area_.max.x + 1, z_y + 1}, true);
        for (size_t j = 0; j < lines; ++j) {
            size_t i = order[lines > 1 ? j * (n - 1) / (lines - 1) : 0];
            ImVec2 a{area_.screenX(fake[i]), top};
            ImVec2 b{z_area.screenX(latent.at(i, 0)), z_y};
            dl->AddLine(a, b, colour(palette::fake(), 0.55f), 1.3f);
            dl->AddCircleFilled(b, 2.5f, colour(palette::fakeDark(), 0.9f), 8);
        }
        dl->PopClipRect();
    }

    drawLegendRows(dl, {panel_min.x + F * 0.3f, panel_max.y - legend_h + F * 0.1f}, legend_w, entries, legend_font);

    if (style.show_title) drawPanelTitle(dl, panel_min, size.x, run, L, F, true);

    if (hovered_) {
        dl->AddLine({area_.screenX(hover_x_), area_.min.y}, {area_.screenX(hover_x_), area_.max.y},
                    IM_COL32(40, 40, 50, 120), 1.f);
        std::string text;
        char buffer[192];
        std::snprintf(buffer, sizeof(buffer), "x = %.3f", hover_x_);
        text = buffer;
        double d = q.d_field ? sampleField(*q.d_field, hover_x_, 0) : std::nan("");
        if (std::isfinite(d)) {
            std::snprintf(buffer, sizeof(buffer), "   %s = %.3f", run.critic ? "f" : "D", d);
            text += buffer;
        }
        double pd = q.p_data ? sampleField(*q.p_data, hover_x_, 0) : std::nan("");
        double pg = q.p_g ? sampleField(*q.p_g, hover_x_, 0) : std::nan("");
        if (std::isfinite(pd) && std::isfinite(pg)) {
            std::snprintf(buffer, sizeof(buffer), "   %s = %.3f   %s = %.3f", L.p_data.c_str(), pd, L.p_g.c_str(), pg);
            text += buffer;
        }
        ImVec2 ts = textSize(text, F);
        ImVec2 mouse = ImGui::GetIO().MousePos;
        ImVec2 p{std::min(mouse.x + F, area_.max.x - ts.x - F * 0.3f), std::max(mouse.y - F * 1.6f, area_.min.y + F * 0.2f)};
        dl->AddRectFilled({p.x - F * 0.25f, p.y - F * 0.1f}, {p.x + ts.x + F * 0.25f, p.y + ts.y + F * 0.1f},
                          IM_COL32(30, 30, 36, 230), F * 0.2f);
        drawText(dl, p, IM_COL32(255, 255, 255, 255), text, F);
    }
}

}  // namespace ganarium
