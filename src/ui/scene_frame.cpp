// scene_frame.cpp — lays out run panels, curves and weights for the window
// and the recorder, and the presentation overlay (title, step, legend).
#include "ui/scene_frame.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <cstdlib>

#include "core/display_names.h"
#include "core/metric_catalogue.h"
#include "render/colormap.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "views/condition_legend.h"
#include "views/image_cell_layout.h"
#include "views/legend_overlay.h"
#include "views/cycle_gan_view.h"
#include "views/panel_grid.h"
#include "views/phase_plane_view.h"
#include "views/toy_parts.h"

namespace ganarium {

namespace {

PlotTexts plotTexts(Language lang) {
    PlotTexts t;
    for (int m = 0; m < kPlotMetricCount; ++m) t.metric[m] = metricLabel(lang, kCurvesTabs[m].label_key);
    t.true_divergence = tr(lang, TextId::TrueDivergence);
    t.d_estimate = tr(lang, TextId::DEstimate);
    t.critic_estimate_note = tr(lang, TextId::CriticEstimateNote);
    t.log_scale = tr(lang, TextId::LogScale);
    t.steps = tr(lang, TextId::Steps);
    t.no_metrics = tr(lang, TextId::NoMetricsYet);
    t.not_defined = tr(lang, TextId::NotDefined);
    t.chinese = lang == Language::Chinese;
    return t;
}

WeightsTexts weightsTexts(Language lang) {
    WeightsTexts t;
    t.d_weights = tr(lang, TextId::DWeights);
    t.gp_norms = tr(lang, TextId::GpNorms);
    t.no_gp = tr(lang, TextId::NoGradientPenalty);
    t.run = tr(lang, TextId::RunLabel);
    t.no_weights = tr(lang, TextId::NoWeightsYet);
    t.chinese = lang == Language::Chinese;
    return t;
}

const ImGuiWindowFlags kChildFlags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

ImU32 withAlpha(Rgba c, float alpha) {
    c.a = alpha;
    return packAbgr(c);
}

// One legend for all panels (same symbols and colours as the views' own legends), translated.
std::vector<LegendEntry> sharedLegend(const Snapshot& s, const ViewLayers& layers, Language lang) {
    std::vector<LegendEntry> classes;  // the first conditional run's rows, one per condition y
    bool critic = false, prob = false, push = false, manifold = false, modes = false, contours = false,
         optimal = false, latent = false, density = false, gp = false;
    for (const RunSnapshot& run : s.runs) {
        const ToyParts q = findToyParts(run);
        (run.critic ? critic : prob) = true;
        push = push || hasPoints(q.push);
        manifold = manifold || (q.manifold && q.manifold->nu > 1);
        latent = latent || hasPoints(q.latent);
        modes = modes || q.hasModes();
        contours = contours || hasField(q.d_field);
        optimal = optimal || (!run.critic && hasField(q.d_optimal));
        density = density || hasField(q.p_data);
        gp = gp || q.hasGp();
        if (classes.empty()) classes = conditionLegendEntries(q);  // a conditional run: one row per y
    }
    std::vector<LegendEntry> e;
    bool toy = false, phase = false, cycle = false, images = false;
    for (const RunSnapshot& run : s.runs) {
        toy = toy || !(hasQuantityOfKind<VectorField>(run.parts) || hasQuantityOfKind<PointPaths>(run.parts));
        images = images || hasQuantityOfKind<ImageGrid>(run.parts);
        phase = phase || hasQuantityOfKind<VectorField>(run.parts);
        cycle = cycle || hasQuantityOfKind<PointPaths>(run.parts);
    }
    if (phase) {
        for (const LegendEntry& entry : phasePlaneLegend(translatedViewLabels(lang))) e.push_back(entry);
    }
    if (cycle) {
        for (const LegendEntry& entry : cycleGanLegend(translatedViewLabels(lang))) e.push_back(entry);
    }
    if (!toy) return e;
    if (s.dim == 1) {
        if (layers.densities && density)
            e.push_back({tr(lang, TextId::ViewPData), withAlpha(palette::real(), 0.6f), LegendSymbol::Filled});
        if (layers.densities && density) e.push_back({tr(lang, TextId::ViewPG), packAbgr(palette::fake()), LegendSymbol::Line});
        if (layers.d_field && contours && prob)
            e.push_back({tr(lang, TextId::ViewDOfX), packAbgr(palette::dCurve()), LegendSymbol::Line});
        if (layers.d_field && contours && critic)
            e.push_back({tr(lang, TextId::LegendCritic), packAbgr(palette::critic()), LegendSymbol::Line});
        if (layers.d_optimal && optimal)
            e.push_back({tr(lang, TextId::ViewDStar), packAbgr(palette::optimal()), LegendSymbol::DashedLine});
    }
    // Image runs draw the real side in green whatever the layer (D's scores on real images, the data's class mix).
    if (layers.real || images) e.push_back({tr(lang, TextId::LegendReal), packAbgr(palette::real()), LegendSymbol::Dot});
    if (layers.fake) e.push_back({tr(lang, TextId::LegendFake), packAbgr(palette::fake()), LegendSymbol::Dot});
    if (layers.fake) e.insert(e.end(), classes.begin(), classes.end());
    if (layers.arrows && push) e.push_back({tr(lang, TextId::LegendPush), packAbgr(palette::arrow()), LegendSymbol::Arrow});
    if (s.dim == 1) {
        if (layers.manifold && latent)
            e.push_back({tr(lang, TextId::LegendZMap), withAlpha(palette::fake(), 0.8f), LegendSymbol::Line});
    } else {
        if (layers.manifold && manifold)
            e.push_back({tr(lang, TextId::LegendManifold), packAbgr(palette::fakeDark()), LegendSymbol::Line});
        if (layers.gp_lines && gp)
            e.push_back({tr(lang, TextId::ViewGpPairs), packAbgr(colormapColour(ColormapKind::GradNorm, 0.5f)),
                         LegendSymbol::Line});
        if (layers.d_field && layers.contours && contours && prob)
            e.push_back({tr(lang, TextId::ViewDHalf), IM_COL32(30, 30, 38, 255), LegendSymbol::Line});
        if (layers.d_field && layers.contours && contours && critic)
            e.push_back({tr(lang, TextId::ViewCriticZero), IM_COL32(30, 30, 38, 255), LegendSymbol::Line});
        if (layers.d_field && layers.d_optimal && optimal)
            e.push_back({"D* = 1/2", IM_COL32(13, 13, 13, 255), LegendSymbol::DashedLine});
        if (layers.modes && modes) {
            e.push_back({tr(lang, TextId::LegendModeCovered), IM_COL32(20, 20, 30, 255), LegendSymbol::Ring});
            e.push_back({tr(lang, TextId::LegendModeMissed), packAbgr(palette::uncovered()), LegendSymbol::Cross});
        }
    }
    return e;
}

// Best grid for `runs` panels in an area of aspect `area_aspect` (w/h) for plots of aspect `cell_target`.
void autoGrid(int runs, float area_aspect, float cell_target, int& cols, int& rows) {
    const PanelGrid grid = choosePanelGrid(runs, area_aspect > 0 ? area_aspect : 1.0f, 1.0f, 0.0f, cell_target);
    cols = grid.cols;
    rows = grid.rows;
}

}  // namespace

bool gridForLayout(const std::string& layout, int runs, float area_aspect, float cell_target, int& cols, int& rows) {
    autoGrid(runs, area_aspect, cell_target, cols, rows);
    if (layout.empty() || layout == "auto") return true;
    int c = 0, r = 0;
    char x = 0, extra = 0;
    if (std::sscanf(layout.c_str(), "%d%c%d%c", &c, &x, &r, &extra) != 3 || (x != 'x' && x != 'X') || c < 1 ||
        r < 1 || c > 6 || r > 6 || c * r < runs)
        return false;
    cols = c;
    rows = r;
    return true;
}

std::vector<std::string> gridChoices(int runs) {
    std::vector<std::string> out{"auto"};
    for (int c = 6; c >= 1; --c) {
        for (int r = 1; r <= 6; ++r) {
            if (c * r < runs || c * r - runs >= std::min(c, r)) continue;
            out.push_back(std::to_string(c) + "x" + std::to_string(r));
        }
    }
    return out;
}

bool gridForLayout(const std::string& layout, int runs, int& cols, int& rows) {
    return gridForLayout(layout, runs, 1.78f, 1.2f, cols, rows);
}

SceneFrame::SceneFrame(std::string shader_dir) : shader_dir_(std::move(shader_dir)) {}
SceneFrame::~SceneFrame() = default;

void SceneFrame::ensureViews(const Snapshot& snapshot) {
    const size_t n = snapshot.runs.size();
    if (views_dim_ != snapshot.dim) {
        panels_.clear();
        views_dim_ = snapshot.dim;
        camera_.initialised = false;
    }
    panels_.resize(n);
    for (size_t i = 0; i < n; ++i) {
        RunPanels& cell = panels_[i];
        const std::vector<PanelSlot> wanted = panelsForRun(snapshot.runs[i], display_.layers);
        cell.views.resize(wanted.size());
        for (size_t p = 0; p < wanted.size(); ++p) {
            // A view is kept while its panel shows the same kind (it owns GL resources and hover state).
            if (!cell.views[p] || p >= cell.slots.size() || cell.slots[p].kind != wanted[p].kind)
                cell.views[p] = makePanelView(wanted[p].kind, shader_dir_);
        }
        cell.slots = wanted;
    }
}

namespace {

// The curves tab a DisplayState names ("" or an unknown name: the first).
PlotMetric metricOfCurves(const std::string& curves) {
    const auto tab = std::find(curveNames().begin(), curveNames().end(), curves);
    return tab == curveNames().end() ? PlotMetric::Divergence : static_cast<PlotMetric>(tab - curveNames().begin());
}

// The scene-file name of a tab ("" for the first, which a scene gets without naming it).
std::string curvesOfMetric(PlotMetric metric) {
    const int tab = static_cast<int>(metric);
    return tab > 0 && tab < static_cast<int>(curveNames().size()) ? curveNames()[static_cast<size_t>(tab)] : "";
}

}  // namespace

void SceneFrame::setDisplay(const DisplayState& display) {
    display_ = display;
    plots_.metric = metricOfCurves(display_.curves);
}

std::string SceneFrame::shaderErrors() const {
    // Every panel builds the same programs from the same files: the first panel's errors say it all.
    for (const RunPanels& cell : panels_)
        for (const auto& view : cell.views)
            if (view && !view->shaderErrors().empty()) return view->shaderErrors();
    return {};
}

bool SceneFrame::hoveredDataPoint(double& x, double& y) const {
    for (const RunPanels& cell : panels_)
        for (const auto& view : cell.views)
            if (view && view->hoveredDataPoint(x, y)) return true;
    return false;
}

bool SceneFrame::clickedPoint(int& run, double& x, double& y) const {
    for (size_t i = 0; i < panels_.size(); ++i) {
        for (const auto& view : panels_[i].views) {
            if (view && view->clickedPoint(x, y)) {
                run = static_cast<int>(i);
                return true;
            }
        }
    }
    return false;
}

bool SceneFrame::clickedTile(int& run, int& tile) const {
    for (size_t i = 0; i < panels_.size(); ++i) {
        for (const auto& view : panels_[i].views) {
            if (view && view->clickedTile(tile)) {
                run = static_cast<int>(i);
                return true;
            }
        }
    }
    return false;
}

float SceneFrame::drawHeader(const Snapshot& snapshot, const SceneFrameOptions& options, ImVec2 p0, float width) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ThemeColors colors = themeColors();
    ImFont* big = largeFont();
    const float big_size = big->FontSize * std::max(1.0f, options.font_scale * 0.85f);
    const float fs = ImGui::GetFontSize() * options.font_scale;
    const bool zh = options.lang == Language::Chinese;
    const std::string& title = localizedText(snapshot.scene_title, snapshot.scene_title_zh, zh);

    // step counter on the right
    int64_t step = 0;
    for (const RunSnapshot& run : snapshot.runs) step = std::max(step, run.step);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %lld", tr(options.lang, TextId::StepCounter), static_cast<long long>(step));
    const ImVec2 ts = big->CalcTextSizeA(big_size, FLT_MAX, 0, buf);
    list->AddText(big, big_size, ImVec2(p0.x + width - ts.x, p0.y), colors.accent, buf);
    // The title wraps before the step counter rather than running into it (a long title in a 1280x720 window).
    const float title_w = std::max(1.0f, width - ts.x - fs);
    list->AddText(big, big_size, p0, colors.text, title.c_str(), nullptr, title_w);
    const float title_extra = std::max(0.0f, big->CalcTextSizeA(big_size, FLT_MAX, title_w, title.c_str()).y - big_size);
    p0.y += title_extra;

    const std::string& caption =
        options.caption.empty() ? localizedText(snapshot.scene_caption, snapshot.scene_caption_zh, zh) : options.caption;
    float height = big_size + title_extra + fs * 0.4f;
    if (!options.lesson_position.empty())
        return height + drawLessonBar(options, fs, ImVec2(p0.x, p0.y + big_size + fs * 0.2f), width) + fs * 0.1f;
    if (!caption.empty()) height += drawCaption(caption, fs, ImVec2(p0.x, p0.y + big_size + fs * 0.2f), width) + fs * 0.1f;
    return height;
}

float SceneFrame::drawCaption(const std::string& caption, float font_size, ImVec2 at, float width) {
    // The caption may wrap at small sizes: reserve every line it takes.
    const ImVec2 cs = ImGui::GetFont()->CalcTextSizeA(font_size, FLT_MAX, width, caption.c_str());
    // Near-white, not the dim UI grey: the caption is read from the back of a lecture hall.
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), font_size, at, withAlpha(Rgba{1, 1, 1, 1}, 0.82f),
                                        caption.c_str(), nullptr, width);
    return cs.y + font_size * 0.2f;
}

float SceneFrame::drawLessonBar(const SceneFrameOptions& options, float font_size, ImVec2 at, float width) {
    // The step number, large in the accent colour, then the step's caption, larger than body text: both are
    // read from the back of a lecture hall. The bar sits above the panels, so it covers no data.
    ImFont* big = largeFont();
    const float big_size = std::max(big->FontSize, font_size * 1.5f);
    const float caption_size = font_size * 1.2f;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 ps = big->CalcTextSizeA(big_size, FLT_MAX, 0, options.lesson_position.c_str());
    list->AddText(big, big_size, at, themeColors().accent, options.lesson_position.c_str());
    const float indent = ps.x + font_size * 0.8f;
    const float caption_width = std::max(1.0f, width - indent);
    const ImVec2 cs = ImGui::GetFont()->CalcTextSizeA(caption_size, FLT_MAX, caption_width, options.caption.c_str());
    // One caption line is centred on the number; more lines start at its top.
    const float caption_y = cs.y < ps.y ? at.y + (ps.y - cs.y) * 0.5f : at.y;
    list->AddText(ImGui::GetFont(), caption_size, ImVec2(at.x + indent, caption_y), withAlpha(Rgba{1, 1, 1, 1}, 0.92f),
                  options.caption.c_str(), nullptr, caption_width);
    return std::max(ps.y, cs.y) + font_size * 0.3f;
}

void SceneFrame::drawCell(const Snapshot& snapshot, int run, const ViewStyle& style, ImVec2 origin, ImVec2 size,
                          Language lang) {
    if (run < 0 || static_cast<size_t>(run) >= panels_.size()) return;
    RunPanels& cell = panels_[static_cast<size_t>(run)];
    // Band panels (image strips) take a band under the main panels, when the cell has room for it (or on request).
    const bool has_band = std::any_of(cell.slots.begin(), cell.slots.end(), [](const PanelSlot& slot) { return slot.band; });
    float toggle_h = 0;
    const float share = has_band ? stripsBand(snapshot.runs[static_cast<size_t>(run)], cell, style, origin, size, lang, toggle_h)
                                 : 0.0f;
    const float room = size.y - toggle_h;
    const float band_gap = share > 0 ? ImGui::GetStyle().ItemSpacing.y : 0.0f;
    const float main_h = share > 0 ? (room - band_gap) * (1.0f - share) : room;
    drawPanels(snapshot, run, style, cell, false, origin, ImVec2(size.x, main_h));
    if (share > 0)
        drawPanels(snapshot, run, style, cell, true, ImVec2(origin.x, origin.y + main_h + band_gap),
                   ImVec2(size.x, room - main_h - band_gap));
}

float SceneFrame::stripsBand(const RunSnapshot& run, RunPanels& cell, const ViewStyle& style, ImVec2 origin, ImVec2 size,
                             Language lang, float& toggle_h) {
    const float F = ImGui::GetFontSize() * style.font_scale;
    toggle_h = 0;
    // A tile picked just now (interpolation, neighbour) opens the strips: they show what the click asked for.
    const bool picked = findQuantity<ImageStrip>(run.parts, quantity_names::kImageInterpolation) != nullptr;
    if (picked && !cell.had_pick) strips_open_ = true;
    cell.had_pick = picked;
    if (stripsBandShare(size.y, F, kBandShare, false) > 0) return kBandShare;  // room enough: always shown
    if (!style.interactive) return 0.0f;                                       // a video has no toggle
    // Too small by default: a toggle row at the cell's bottom shows or hides the band.
    toggle_h = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y - ImGui::GetFrameHeight()));
    const char* label = tr(lang, strips_open_ ? TextId::ImageStripsLess : TextId::ImageStripsMore);
    if (ImGui::SmallButton(label)) strips_open_ = !strips_open_;
    return stripsBandShare(size.y - toggle_h, F, kBandShare, strips_open_);
}

void SceneFrame::drawPanels(const Snapshot& snapshot, int run, const ViewStyle& style, RunPanels& cell, bool band,
                            ImVec2 origin, ImVec2 size) {
    std::vector<size_t> slots;  // this band's panels, in drawing order
    for (size_t p = 0; p < cell.views.size() && p < cell.slots.size(); ++p)
        if (cell.slots[p].band == band) slots.push_back(p);
    if (slots.empty()) return;
    const float gap = slots.size() > 1 ? ImGui::GetStyle().ItemSpacing.x : 0.0f;
    auto drawSlot = [&](size_t p, ImVec2 at, ImVec2 panel) {
        ImGui::SetCursorScreenPos(at);
        ImGui::PushID(static_cast<int>(p));
        if (cell.views[p]) cell.views[p]->draw(snapshot, run, display_.layers, camera_, style, panel);
        ImGui::PopID();
    };
    if (!band && slots.size() > 1 && cell.slots[slots[0]].kind == PanelKind::ImageGrid) {
        // An image cell: the sample grid first; the class bars and D's scores beside it, under it, or not at all.
        const float F = ImGui::GetFontSize() * style.font_scale;
        std::vector<SecondaryPanel> secondaries;
        for (size_t i = 1; i < slots.size(); ++i) {
            const PanelSlot& slot = cell.slots[slots[i]];
            const bool bars = slot.kind == PanelKind::ClassHistogram;
            secondaries.push_back({slot.share, kSecondaryMinWidthFonts, bars ? kClassBarsMinHeightFonts : kDScoresMinHeightFonts});
        }
        const RunSnapshot& shown = snapshot.runs[static_cast<size_t>(run)];
        const bool real = display_.layers.real && findQuantity<ImageGrid>(shown.parts, quantity_names::kImageReal);
        const ImageCellSplit split = splitImageCell(size.x, size.y, F, gap, secondaries, real);
        const bool beside = split.place == SecondaryPlace::Beside;
        drawSlot(slots[0], origin, split.place == SecondaryPlace::Hidden ? size
                                   : beside ? ImVec2(split.grid_extent, size.y) : ImVec2(size.x, split.grid_extent));
        ImVec2 at = beside ? ImVec2(origin.x + split.grid_extent + gap, origin.y)
                           : ImVec2(origin.x, origin.y + split.grid_extent + gap);
        for (int i = 0; i < split.shown; ++i) {
            const float extent = split.extents[static_cast<size_t>(i)];
            drawSlot(slots[static_cast<size_t>(i) + 1], at,
                     beside ? ImVec2(extent, size.y) : ImVec2(extent, size.y - split.grid_extent - gap));
            at.x += extent + gap;
        }
        return;
    }
    // Panels side by side in a wide cell, stacked in a tall one.
    const bool side_by_side = size.x >= size.y * (slots.size() > 1 ? 0.9f : 1.2f);
    const float room = (side_by_side ? size.x : size.y) - gap * static_cast<float>(slots.size() - 1);
    ImVec2 at = origin;
    for (const size_t p : slots) {
        const float extent = room * cell.slots[p].share;
        drawSlot(p, at, side_by_side ? ImVec2(extent, size.y) : ImVec2(size.x, extent));
        (side_by_side ? at.x : at.y) += extent + gap;
    }
}

void SceneFrame::drawRuns(const Snapshot& snapshot, const SceneFrameOptions& options, ImVec2 p0, ImVec2 p1) {
    grid_min_ = p0;
    grid_max_ = p1;
    const int n = static_cast<int>(snapshot.runs.size());
    if (n == 0) return;
    // Several panels share one legend row under the grid instead of one legend box each.
    const bool shared_legend = n > 1 || options.presentation;
    if (shared_legend) {
        const float lf = ImGui::GetFontSize() * options.font_scale;
        const std::vector<LegendEntry> entries = sharedLegend(snapshot, display_.layers, options.lang);
        const float h = entries.empty() ? 0.0f : legendRowsHeight(entries, p1.x - p0.x - lf * 0.5f, lf) + lf * 0.5f;
        if (h > 0 && p1.y - p0.y > h * 3) {
            drawLegendRows(ImGui::GetWindowDrawList(), ImVec2(p0.x, p1.y - h), p1.x - p0.x, entries, lf);
            p1.y -= h + ImGui::GetStyle().ItemSpacing.y;
        }
    }
    int cols = 1, rows = 1;
    // Cells as wide as their panels want: a run with a second panel (loss shapes) beside its data wants more.
    float cell_target = snapshot.dim == 1 ? 1.7f : 1.2f;
    size_t most_panels = 1;
    bool phase_planes = !panels_.empty(), cycle_gans = !panels_.empty();
    for (const RunPanels& cell : panels_) {
        most_panels = std::max(most_panels, cell.views.size());
        phase_planes = phase_planes && !cell.slots.empty() && cell.slots.front().kind == PanelKind::PhasePlane;
        cycle_gans = cycle_gans && !cell.slots.empty() && cell.slots.front().kind == PanelKind::CycleGan;
    }
    // A CycleGAN panel holds two domains side by side and the mapping matrix: a wide cell.
    if (cycle_gans) cell_target = 2.0f;
    if (most_panels > 1) cell_target *= 1.6f;
    // A phase plane is a square plot under a two-line title, with axis titles above and below: a tall cell.
    if (phase_planes) cell_target = 0.8f;
    gridForLayout(options.layout, n, (p1.x - p0.x) / std::max(1.0f, p1.y - p0.y), cell_target, cols, rows);
    grid_cols_ = cols;
    grid_rows_ = rows;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float cw = (p1.x - p0.x - gap * (cols - 1)) / cols;
    const float ch = (p1.y - p0.y - gap * (rows - 1)) / rows;
    if (cw < 40 || ch < 40) return;

    ViewStyle style;
    style.labels = translatedViewLabels(options.lang);
    style.font_scale = options.font_scale;
    style.show_title = true;
    style.interactive = !options.presentation;
    style.show_legend = !shared_legend;
    // Presenter mode: dots and lines grow with the text (19 px is the normal body font).
    if (options.presenter) {
        style.mark_scale = std::max(1.0f, ImGui::GetFontSize() / 19.0f);
        style.labels.step_in_title = false;  // the header shows the step, large: one title line fewer per panel
    }
    const ThemeColors colors = themeColors();
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (int i = 0; i < n; ++i) {
        const ImVec2 cell(p0.x + (i % cols) * (cw + gap), p0.y + (i / cols) * (ch + gap));
        ImGui::SetCursorScreenPos(cell);
        ImGui::PushID(i);
        drawCell(snapshot, i, style, cell, ImVec2(cw, ch), options.lang);
        ImGui::PopID();
        if (i == options.focus_run)  // a lesson step points at this panel
            list->AddRect(ImVec2(cell.x - 2, cell.y - 2), ImVec2(cell.x + cw + 2, cell.y + ch + 2), colors.accent, 4.0f, 0,
                          std::max(3.0f, ImGui::GetFontSize() * 0.2f));
        // A diverged run says so loudly; the other panels keep training.
        const RunSnapshot& run = snapshot.runs[i];
        if (run.status == RunStatus::Diverged) {
            ImFont* big = largeFont();
            const char* label = tr(options.lang, TextId::Diverged);
            const ImVec2 ts = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, label);
            const ImVec2 c(cell.x + cw * 0.5f, cell.y + ch * 0.5f);
            list->AddRectFilled(ImVec2(c.x - ts.x * 0.6f, c.y - ts.y * 0.8f), ImVec2(c.x + ts.x * 0.6f, c.y + ts.y * 1.6f),
                                IM_COL32(40, 10, 10, 220), 6.0f);
            list->AddText(big, big->FontSize, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.6f), colors.error, label);
            if (!run.status_reason.empty()) {
                const float fs = ImGui::GetFontSize();
                const ImVec2 rs = ImGui::CalcTextSize(run.status_reason.c_str());
                list->AddText(ImGui::GetFont(), fs, ImVec2(c.x - rs.x * 0.5f, c.y + ts.y * 0.5f), colors.text,
                              run.status_reason.c_str());
            }
        }
    }
}

void SceneFrame::draw(const Snapshot& snapshot, const SceneFrameOptions& options, ImVec2 origin, ImVec2 size) {
    ensureViews(snapshot);
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoFocusOnAppearing |
                                   (options.transparent_background ? ImGuiWindowFlags_NoBackground : 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##scene_frame", nullptr, flags);
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    ImVec2 p0(origin.x + pad.x, origin.y + pad.y);
    const ImVec2 p1(origin.x + size.x - pad.x, origin.y + size.y - pad.y);
    const float width = p1.x - p0.x;
    const float fs = ImGui::GetFontSize() * options.font_scale;

    if (options.presentation || options.presenter) {
        p0.y += drawHeader(snapshot, options, p0, width);
    } else if (!options.lesson_position.empty()) {
        p0.y += drawLessonBar(options, fs, p0, width) + ImGui::GetStyle().ItemSpacing.y;
    } else if (options.show_caption && !snapshot.scene_caption.empty()) {
        const std::string& caption =
            localizedText(snapshot.scene_caption, snapshot.scene_caption_zh, options.lang == Language::Chinese);
        p0.y += drawCaption(caption, fs, p0, width) + ImGui::GetStyle().ItemSpacing.y;
    }

    bool weights = options.show_weights == 1;
    if (options.show_weights < 0) {
        weights = !options.presentation && !options.presenter;
        for (const RunSnapshot& run : snapshot.runs)
            weights = weights || run.clip > 0 || findQuantity<Histogram>(run.parts, quantity_names::kGpNorms);
    }
    const bool plots = options.show_plots;
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    // Wide areas put curves and weights in a right-hand column (square-ish run panels); tall ones below.
    const bool column = (p1.x - p0.x) > 1.3f * (p1.y - p0.y);
    ImVec2 runs_max = p1;
    ImVec2 plots_pos, plots_size, weights_pos, weights_size;
    if (plots || weights) {
        if (column) {
            const float cw = std::max(fs * 16.0f, width * 0.34f);
            runs_max.x = p1.x - cw - gap * 2;
            const float h = p1.y - p0.y;
            const float plots_h = plots ? (weights ? h * 0.6f : h) : 0;
            plots_pos = ImVec2(p1.x - cw, p0.y);
            plots_size = ImVec2(cw, plots_h);
            weights_pos = ImVec2(p1.x - cw, p0.y + (plots ? plots_h + gap : 0));
            weights_size = ImVec2(cw, h - (plots ? plots_h + gap : 0));
        } else {
            const float strip = std::max(fs * 9.0f, (p1.y - p0.y) * (options.presentation ? 0.3f : 0.36f));
            runs_max.y = p1.y - strip - gap;
            const float weights_w = weights ? (plots ? width * 0.32f : width) : 0;
            plots_pos = ImVec2(p0.x, p1.y - strip);
            plots_size = ImVec2(width - (weights ? weights_w + gap * 2 : 0), strip);
            weights_pos = ImVec2(p1.x - weights_w, p1.y - strip);
            weights_size = ImVec2(weights_w, strip);
        }
    }
    drawRuns(snapshot, options, p0, runs_max);

    PlotStyle style;
    style.font_scale = options.font_scale;
    style.interactive = !options.presentation;
    if (plots) {
        ImGui::SetCursorScreenPos(plots_pos);
        const PlotTexts texts = plotTexts(options.lang);
        ImGui::BeginChild("##plots", plots_size, false, kChildFlags);
        plots_.metric = metricOfCurves(display_.curves);
        plots_.draw(snapshot, texts, style, ImGui::GetContentRegionAvail());
        display_.curves = curvesOfMetric(plots_.metric);  // a tab clicked this frame
        ImGui::EndChild();
    }
    if (weights) {
        ImGui::SetCursorScreenPos(weights_pos);
        const WeightsTexts texts = weightsTexts(options.lang);
        ImGui::BeginChild("##weights", weights_size, false, kChildFlags);
        weights_.draw(snapshot, texts, style, ImGui::GetContentRegionAvail());
        ImGui::EndChild();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace ganarium
