// plots_view.cpp — metric curves over steps for every run, drawn with ImGui
// draw lists: nice ticks, solid true divergences vs dashed D estimates,
// per-column decimation (line through first/last, bar over min..max), hover cursor with values per run.
#include "views/plots_view.h"

#include <algorithm>
#include <cmath>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/display_names.h"
#include "views/panel_title.h"

namespace ganarium {

namespace {

const ImVec4 kPalette[] = {
    {0.35f, 0.70f, 1.00f, 1.0f},  // sky blue
    {1.00f, 0.62f, 0.20f, 1.0f},  // orange
    {0.40f, 0.85f, 0.55f, 1.0f},  // green
    {0.95f, 0.45f, 0.65f, 1.0f},  // pink
    {0.95f, 0.90f, 0.40f, 1.0f},  // yellow
    {0.70f, 0.55f, 1.00f, 1.0f},  // violet
};

const ImU32 kText = IM_COL32(232, 234, 237, 255);
const ImU32 kTextDim = IM_COL32(160, 166, 176, 255);
const ImU32 kGrid = IM_COL32(255, 255, 255, 24);
const ImU32 kAxis = IM_COL32(150, 156, 166, 255);
const ImU32 kPlotBg = IM_COL32(18, 20, 25, 255);

// One pixel column of a decimated series, in screen coordinates (column -1: empty).
struct ColumnSpan {
    int column = -1;
    float x = 0, first = 0, last = 0, lo = 0, hi = 0;
};

// The run's values of `key` by evaluation, read in place (empty when the run has no such series).
MetricColumn findSeries(const RunSnapshot& run, const char* key) {
    return key ? run.metrics.column(key) : MetricColumn{};
}

// Index of the evaluation whose step is nearest `step` (the log's steps never decrease); the log is not empty.
size_t nearestEvaluation(const MetricLogView& log, int64_t step) {
    size_t lo = 0, hi = log.size();  // first index with step(i) >= step, by bisection
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (log.step(mid) < step) lo = mid + 1;
        else hi = mid;
    }
    size_t i = std::min(lo, log.size() - 1);
    if (i > 0 && std::llabs(log.step(i - 1) - step) < std::llabs(log.step(i) - step)) --i;
    return i;
}

// The catalogue's tab for `metric` (clamped to a valid tab).
const CurvesTab& tabOf(PlotMetric metric) {
    const int m = std::clamp(static_cast<int>(metric), 0, kPlotMetricCount - 1);
    return kCurvesTabs[m];
}

bool usable(double v, bool log_y) { return std::isfinite(v) && (!log_y || v > 0); }

struct Range {
    double lo = INFINITY, hi = -INFINITY;
    void add(double v) { lo = std::min(lo, v); hi = std::max(hi, v); }
    bool valid() const { return lo <= hi; }
};

}  // namespace

bool showsCriticEstimate(const Snapshot& snapshot, PlotMetric metric) {
    if (metric != PlotMetric::Divergence) return false;
    for (const RunSnapshot& run : snapshot.runs) {
        const char *solid, *dashed;
        plotSeriesKeys(metric, run, solid, dashed);
        if (run.critic && findSeries(run, dashed)) return true;
    }
    return false;
}

bool metricShown(const Snapshot& snapshot, PlotMetric metric) {
    if (snapshot.runs.empty()) return true;
    const bool needs_value = tabOf(metric).when_defined;
    for (const RunSnapshot& run : snapshot.runs) {
        const char *solid, *dashed;
        plotSeriesKeys(metric, run, solid, dashed);
        const MetricColumn s = findSeries(run, solid);
        if (!s) continue;
        if (!needs_value) return true;
        for (size_t i = 0; i < s.size(); ++i)
            if (std::isfinite(s[i])) return true;
    }
    return false;
}

ImU32 runPaletteColor(int index, float alpha) {
    const int n = static_cast<int>(sizeof(kPalette) / sizeof(kPalette[0]));
    ImVec4 c = kPalette[((index % n) + n) % n];
    c.w = alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

void plotSeriesKeys(PlotMetric metric, const RunSnapshot& run, const char*& solid, const char*& dashed) {
    const CurvesTab& tab = tabOf(metric);
    solid = run.critic && tab.solid_critic ? tab.solid_critic : tab.solid;
    dashed = tab.dashed;
}

const char* plotSpreadKey(PlotMetric metric) { return tabOf(metric).spread; }

int niceTicks(double lo, double hi, int target_count, double* out, int cap) {
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi) || cap <= 0) return 0;
    const double raw = (hi - lo) / std::max(1, target_count);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    const double step = (norm < 1.5 ? 1.0 : norm < 3.5 ? 2.0 : norm < 7.5 ? 5.0 : 10.0) * mag;
    int n = 0;
    // Index the ticks (no accumulated sum) and forgive rounding: -0.6 / 0.2 = -2.9999... still ticks at -0.6.
    const double first = std::ceil(lo / step - 1e-9);
    for (int i = 0; n < cap; ++i) {
        const double t = (first + i) * step;
        if (t > hi + step * 1e-9) break;
        out[n++] = std::fabs(t) < step * 1e-9 ? 0.0 : t;
    }
    return n;
}

void formatTick(double value, char* buf, int size) {
    const double a = std::fabs(value);
    if (a == 0) std::snprintf(buf, size, "0");
    else if (a >= 1e5 || a < 1e-3) std::snprintf(buf, size, "%.0e", value);
    else if (a >= 100) std::snprintf(buf, size, "%.0f", value);
    else std::snprintf(buf, size, "%.3g", value);
}

void drawDashedPolyline(ImDrawList* list, const ImVec2* points, int count, ImU32 color, float thickness,
                        float dash, float gap) {
    dash = std::max(dash, 1.0f);
    gap = std::max(gap, 1.0f);
    bool on = true;
    float phase_left = dash;  // length left in the current dash (on) or gap (off)
    for (int i = 0; i + 1 < count; ++i) {
        const ImVec2 a = points[i], b = points[i + 1];
        const float dx = b.x - a.x, dy = b.y - a.y;
        const float len = std::sqrt(dx * dx + dy * dy);
        if (!(len > 1e-3f) || len > 1e5f) continue;  // degenerate or absurd segment
        float left = len;  // reaches exactly 0 on the last piece, so the loop always ends
        while (left > 1e-3f) {
            const float take = std::min(phase_left, left);
            if (on) {
                const float t0 = (len - left) / len, t1 = (len - left + take) / len;
                list->AddLine(ImVec2(a.x + dx * t0, a.y + dy * t0), ImVec2(a.x + dx * t1, a.y + dy * t1), color,
                              thickness);
            }
            left -= take;
            phase_left -= take;
            if (phase_left <= 1e-3f) {
                on = !on;
                phase_left = on ? dash : gap;
            }
        }
    }
}

float PlotsView::drawLegend(const Snapshot& snapshot, const PlotTexts& texts, float fs, ImVec2 pos, float max_width) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float sw = fs * 1.3f, thick = std::max(1.5f, fs * 0.11f), row_h = fs * 1.25f;
    float x = pos.x, y = pos.y;
    // Places an item of `width` on the current row, wrapping when it does not fit.
    auto place = [&](float width) {
        if (x > pos.x && x + width > pos.x + max_width) {
            x = pos.x;
            y += row_h;
        }
        const ImVec2 at(x, y);
        x += width + fs * 1.0f;
        return at;
    };
    for (size_t r = 0; r < snapshot.runs.size(); ++r) {
        const RunSnapshot& run = snapshot.runs[r];
        const char *solid, *dashed;
        plotSeriesKeys(metric, run, solid, dashed);
        std::string suffix = metric == PlotMetric::Divergence ? (run.critic ? " (W1)" : " (JS)") : "";
        if (!findSeries(run, solid)) suffix += std::string(" ") + texts.not_defined;
        // A long run name is shortened, never the (JS)/(W1) that says which divergence the line is.
        const float room = max_width - sw - fs * 0.35f - font->CalcTextSizeA(fs, FLT_MAX, 0, suffix.c_str()).x;
        const std::string label = ellipsize(localizedText(run.name, run.name_zh, texts.chinese), room, fs) + suffix;
        const float tw = font->CalcTextSizeA(fs, FLT_MAX, 0, label.c_str()).x;
        const ImVec2 at = place(sw + fs * 0.35f + tw);
        list->AddLine(ImVec2(at.x, at.y + fs * 0.55f), ImVec2(at.x + sw, at.y + fs * 0.55f),
                      runPaletteColor(static_cast<int>(r)), thick * 1.4f);
        list->AddText(font, fs, ImVec2(at.x + sw + fs * 0.35f, at.y), kText, label.c_str());
    }
    if (metric == PlotMetric::Divergence) {
        float tw = font->CalcTextSizeA(fs, FLT_MAX, 0, texts.true_divergence).x;
        ImVec2 at = place(sw + fs * 0.35f + tw);
        list->AddLine(ImVec2(at.x, at.y + fs * 0.55f), ImVec2(at.x + sw, at.y + fs * 0.55f), kTextDim, thick);
        list->AddText(font, fs, ImVec2(at.x + sw + fs * 0.35f, at.y), kTextDim, texts.true_divergence);
        tw = font->CalcTextSizeA(fs, FLT_MAX, 0, texts.d_estimate).x;
        at = place(sw + fs * 0.35f + tw);
        const ImVec2 dash[2] = {ImVec2(at.x, at.y + fs * 0.55f), ImVec2(at.x + sw, at.y + fs * 0.55f)};
        drawDashedPolyline(list, dash, 2, kTextDim, thick, fs * 0.35f, fs * 0.25f);
        list->AddText(font, fs, ImVec2(at.x + sw + fs * 0.35f, at.y), kTextDim, texts.d_estimate);
    }
    return y + row_h - pos.y;
}

bool PlotsView::curveTabsFit(const Snapshot& snapshot, const PlotTexts& texts, float width) const {
    const ImGuiStyle& st = ImGui::GetStyle();
    float needed = 0;
    for (int m = 0; m < kPlotMetricCount; ++m) {
        if (!metricShown(snapshot, static_cast<PlotMetric>(m))) continue;
        needed += ImGui::CalcTextSize(texts.metric[m]).x + st.FramePadding.x * 2 + st.ItemInnerSpacing.x;
    }
    return needed <= width;
}

void PlotsView::drawCurvePicker(const Snapshot& snapshot, const PlotTexts& texts, float width) {
    // As wide as the longest label (never clipped), within the panel.
    float longest = 0;
    for (int m = 0; m < kPlotMetricCount; ++m)
        if (metricShown(snapshot, static_cast<PlotMetric>(m)))
            longest = std::max(longest, ImGui::CalcTextSize(texts.metric[m]).x);
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::SetNextItemWidth(std::min(width, longest + st.FramePadding.x * 2 + ImGui::GetFrameHeight()));
    if (ImGui::BeginCombo("##curve", texts.metric[static_cast<int>(metric)])) {
        for (int m = 0; m < kPlotMetricCount; ++m) {
            if (!metricShown(snapshot, static_cast<PlotMetric>(m))) continue;
            if (ImGui::Selectable(texts.metric[m], static_cast<int>(metric) == m)) metric = static_cast<PlotMetric>(m);
        }
        ImGui::EndCombo();
    }
    tab_metric_ = metric;
}

void PlotsView::draw(const Snapshot& snapshot, const PlotTexts& texts, const PlotStyle& style, ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (awaited_ && metric != stand_in_) awaited_.reset();  // the viewer picked another curve meanwhile
    if (awaited_ && metricShown(snapshot, *awaited_)) {
        metric = *awaited_;  // its data arrived
        awaited_.reset();
    }
    if (!metricShown(snapshot, metric)) {
        // The chosen curve has no data yet: show the first one that has, and come back when it has.
        for (int m = 0; m < kPlotMetricCount; ++m) {
            if (metricShown(snapshot, static_cast<PlotMetric>(m))) {
                if (!awaited_) awaited_ = metric;
                metric = stand_in_ = static_cast<PlotMetric>(m);
                break;
            }
        }
    }
    float top = 0;
    if (style.interactive) {
        ImGui::PushID(this);
        // Tabs while every shown tab fits the panel's width; otherwise one combo (no tab hides behind arrows).
        if (!curveTabsFit(snapshot, texts, size.x)) {
            drawCurvePicker(snapshot, texts, size.x);
        } else if (ImGui::BeginTabBar("##metrics", ImGuiTabBarFlags_FittingPolicyScroll)) {
            const bool set_by_code = metric != tab_metric_;  // e.g. a caller picked the curve to show
            for (int m = 0; m < kPlotMetricCount; ++m) {
                // A tab no run has a series for is left out (a Dirac-GAN scene has no JS, a toy one no distance).
                if (!metricShown(snapshot, static_cast<PlotMetric>(m))) continue;
                const bool wanted = set_by_code && static_cast<int>(metric) == m;
                if (ImGui::BeginTabItem(texts.metric[m], nullptr, wanted ? ImGuiTabItemFlags_SetSelected : 0)) {
                    if (!set_by_code) metric = static_cast<PlotMetric>(m);
                    ImGui::EndTabItem();
                }
            }
            tab_metric_ = metric;
            ImGui::EndTabBar();
        }
        bool& log_flag = tabOf(metric).log_scale ? log_scale_grad_norm : log_scale_other;
        ImGui::Checkbox(texts.log_scale, &log_flag);
        ImGui::PopID();
        const ImVec2 legend_at = ImGui::GetCursorScreenPos();
        const float legend_h = drawLegend(snapshot, texts, ImGui::GetFontSize() * style.font_scale, legend_at,
                                          origin.x + size.x - legend_at.x);
        top = legend_at.y + legend_h - origin.y;
    } else {
        ImDrawList* list = ImGui::GetWindowDrawList();
        ImFont* font = style.title_font ? style.title_font : ImGui::GetFont();
        const float fs = ImGui::GetFontSize() * 1.1f * style.font_scale;
        const char* title = texts.metric[static_cast<int>(metric)];
        // A title wider than the panel is drawn smaller (down to 70 %) rather than cut at the panel's edge.
        const float full_w = font->CalcTextSizeA(fs, FLT_MAX, 0, title).x;
        const float title_fs = full_w > size.x ? fs * std::max(0.7f, size.x / full_w) : fs;
        list->AddText(font, title_fs, origin, kText, title);
        const float tw = font->CalcTextSizeA(title_fs, FLT_MAX, 0, title).x + fs * 1.5f;
        const bool beside = size.x - tw > fs * 24.0f;  // legend next to the title when there is room
        const ImVec2 legend_at = beside ? ImVec2(origin.x + tw, origin.y) : ImVec2(origin.x, origin.y + fs * 1.3f);
        const float legend_h = drawLegend(snapshot, texts, ImGui::GetFontSize() * style.font_scale, legend_at,
                                          origin.x + size.x - legend_at.x);
        top = legend_at.y + legend_h - origin.y + 4;
    }
    const ImVec2 p0(origin.x, origin.y + top);
    const ImVec2 p1(origin.x + size.x, origin.y + size.y);
    if (p1.y - p0.y > 40 && p1.x - p0.x > 80) drawPlot(snapshot, texts, style, p0, p1);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(size);
}

void PlotsView::drawPlot(const Snapshot& snapshot, const PlotTexts& texts, const PlotStyle& style, ImVec2 p0,
                         ImVec2 p1) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize() * style.font_scale;
    ImFont* font = ImGui::GetFont();
    const bool log_y = tabOf(metric).log_scale ? log_scale_grad_norm : log_scale_other;
    const char* spread_key = plotSpreadKey(metric);

    // Data ranges over every run and series (and the +-band, when the tab has one).
    Range xr, yr;
    for (const RunSnapshot& run : snapshot.runs) {
        const char *solid, *dashed;
        plotSeriesKeys(metric, run, solid, dashed);
        const MetricColumn spread = findSeries(run, spread_key);
        for (const char* key : {solid, dashed}) {
            const MetricColumn s = findSeries(run, key);
            if (!s) continue;
            for (size_t i = 0; i < s.size(); ++i) {
                const double v = s[i];
                if (!usable(v, log_y)) continue;
                xr.add(static_cast<double>(run.metrics.step(i)));
                yr.add(log_y ? std::log10(v) : v);
                if (key != solid || !spread || !std::isfinite(spread[i])) continue;
                for (const double edge : {v - spread[i], v + spread[i]}) {
                    if (usable(edge, log_y)) yr.add(log_y ? std::log10(edge) : edge);
                }
            }
        }
    }

    const float left = fs * 3.6f, bottom = fs * 1.6f, right = fs * 0.6f, top_pad = fs * 0.3f;
    const ImVec2 a(p0.x + left, p0.y + top_pad), b(p1.x - right, p1.y - bottom);
    list->AddRectFilled(a, b, kPlotBg, 3.0f);
    if (!xr.valid() || !yr.valid()) {
        const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, texts.no_metrics);
        list->AddText(font, fs, ImVec2((a.x + b.x - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f), kTextDim,
                      texts.no_metrics);
        return;
    }
    if (xr.hi <= xr.lo) xr.hi = xr.lo + 1;
    if (tabOf(metric).from_zero && !log_y) yr.lo = std::min(yr.lo, 0.0);
    if (yr.hi - yr.lo < 1e-12) { yr.lo -= 0.5; yr.hi += 0.5; }
    const double pad = (yr.hi - yr.lo) * 0.06;
    yr.lo -= (yr.lo == 0.0 && !log_y) ? 0.0 : pad;
    yr.hi += pad;

    auto sx = [&](double x) { return static_cast<float>(a.x + (x - xr.lo) / (xr.hi - xr.lo) * (b.x - a.x)); };
    auto sy = [&](double y) { return static_cast<float>(b.y - (y - yr.lo) / (yr.hi - yr.lo) * (b.y - a.y)); };

    // Grid and ticks.
    double ticks[16];
    char buf[32];
    const int ny = log_y ? 0 : niceTicks(yr.lo, yr.hi, std::max(2, static_cast<int>((b.y - a.y) / (fs * 2.2f))), ticks, 16);
    std::string last_label;  // a tick whose label repeats the previous one (a very narrow range) stays unlabelled
    for (int i = 0; i < ny; ++i) {
        const float y = sy(ticks[i]);
        list->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), kGrid);
        formatTick(ticks[i], buf, sizeof buf);
        if (buf == last_label) continue;
        last_label = buf;
        const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, buf);
        list->AddText(font, fs, ImVec2(a.x - ts.x - fs * 0.3f, y - ts.y * 0.5f), kTextDim, buf);
    }
    if (log_y) {  // decades
        const double decade_step = std::max(1.0, std::ceil((yr.hi - yr.lo) / 8.0));
        for (double d = std::ceil(yr.lo); d <= yr.hi; d += decade_step) {
            const float y = sy(d);
            list->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), kGrid);
            std::snprintf(buf, sizeof buf, "1e%d", static_cast<int>(d));
            const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, buf);
            list->AddText(font, fs, ImVec2(a.x - ts.x - fs * 0.3f, y - ts.y * 0.5f), kTextDim, buf);
        }
    }
    const float steps_w = font->CalcTextSizeA(fs, FLT_MAX, 0, texts.steps).x;
    list->AddText(font, fs, ImVec2(b.x - steps_w, b.y + fs * 0.15f), kTextDim, texts.steps);
    const int nx = niceTicks(xr.lo, xr.hi, std::max(2, static_cast<int>((b.x - a.x) / (fs * 5.0f))), ticks, 16);
    last_label.clear();
    for (int i = 0; i < nx; ++i) {
        if (ticks[i] != std::floor(ticks[i])) continue;  // steps are whole numbers (one evaluation: a range of 1)
        const float x = sx(ticks[i]);
        list->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), kGrid);
        formatTick(ticks[i], buf, sizeof buf);
        if (buf == last_label) continue;
        last_label = buf;
        const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, buf);
        if (x + ts.x * 0.5f < b.x - steps_w - fs * 0.4f)  // never over the axis name
            list->AddText(font, fs, ImVec2(x - ts.x * 0.5f, b.y + fs * 0.15f), kTextDim, buf);
    }
    list->AddRect(a, b, kAxis, 3.0f);

    // Curves: min/max decimation per pixel column, broken at NaN.
    list->PushClipRect(a, b, true);
    const float thick = std::max(1.5f, fs * 0.11f);
    // A faint +-spread band under the solid curve (e.g. mean +- std of the GP norms), broken at NaN.
    for (size_t r = 0; spread_key && r < snapshot.runs.size(); ++r) {
        const RunSnapshot& run = snapshot.runs[r];
        const char *solid, *dashed;
        plotSeriesKeys(metric, run, solid, dashed);
        const MetricColumn mid = findSeries(run, solid);
        const MetricColumn spread = findSeries(run, spread_key);
        if (!mid || !spread) continue;
        const ImU32 band = runPaletteColor(static_cast<int>(r), 0.22f);
        auto edge = [&](size_t i, double sign) {
            const double v = mid[i] + sign * spread[i];
            return log_y ? sy(std::log10(std::max(v, 1e-300))) : sy(v);
        };
        for (size_t i = 0; i + 1 < mid.size(); ++i) {
            const bool ok = std::isfinite(mid[i]) && std::isfinite(mid[i + 1]) && std::isfinite(spread[i]) &&
                            std::isfinite(spread[i + 1]);
            if (!ok) continue;
            const float x0 = sx(static_cast<double>(run.metrics.step(i)));
            const float x1 = sx(static_cast<double>(run.metrics.step(i + 1)));
            list->AddQuadFilled(ImVec2(x0, edge(i, 1)), ImVec2(x1, edge(i + 1, 1)), ImVec2(x1, edge(i + 1, -1)),
                                ImVec2(x0, edge(i, -1)), band);
        }
    }
    const int columns = std::max(1, static_cast<int>(b.x - a.x));
    for (size_t r = 0; r < snapshot.runs.size(); ++r) {
        const RunSnapshot& run = snapshot.runs[r];
        const char *solid, *dashed;
        plotSeriesKeys(metric, run, solid, dashed);
        for (int pass = 0; pass < 2; ++pass) {
            const MetricColumn s = findSeries(run, pass == 0 ? solid : dashed);
            if (!s) continue;
            const ImU32 color = runPaletteColor(static_cast<int>(r), pass == 0 ? 1.0f : 0.9f);
            const bool decimate = s.size() > static_cast<size_t>(columns) * 2;
            auto flush = [&]() {
                if (points_.size() >= 2) {
                    if (pass == 0) list->AddPolyline(points_.data(), static_cast<int>(points_.size()), color, 0, thick);
                    else drawDashedPolyline(list, points_.data(), static_cast<int>(points_.size()), color, thick,
                                            fs * 0.5f, fs * 0.35f);
                } else if (points_.size() == 1) {
                    list->AddCircleFilled(points_[0], thick * 1.5f, color);
                }
                points_.clear();
            };
            // Dense series: one span per pixel column. The line runs through each column's first and last
            // value (gentle turns: a thick polyline stays thick) and a bar covers its min..max, so a noisy
            // series shows as a filled band, not a comb of hairpins. D's estimate gets a fainter band.
            const ImU32 band = pass == 0 ? color : runPaletteColor(static_cast<int>(r), 0.35f);
            ColumnSpan span;
            auto emitSpan = [&]() {
                if (span.column < 0) return;
                points_.push_back(ImVec2(span.x, span.first));
                if (span.last != span.first) points_.push_back(ImVec2(span.x, span.last));
                if (span.hi - span.lo > thick * 0.5f)
                    list->AddRectFilled(ImVec2(span.x - thick * 0.5f, span.lo), ImVec2(span.x + thick * 0.5f, span.hi), band);
                span.column = -1;
            };
            points_.clear();
            for (size_t i = 0; i < s.size(); ++i) {
                const double v = s[i];
                if (!usable(v, log_y)) {  // NaN or (log scale) non-positive: a gap in the curve
                    emitSpan();
                    flush();
                    continue;
                }
                const float x = sx(static_cast<double>(run.metrics.step(i)));
                const float y = sy(log_y ? std::log10(v) : v);
                if (!decimate) {
                    points_.push_back(ImVec2(x, y));
                    continue;
                }
                const int col = static_cast<int>(x - a.x);
                if (col != span.column) {
                    emitSpan();
                    span = ColumnSpan{col, x, y, y, y, y};
                } else {
                    span.last = y;
                    span.lo = std::min(span.lo, y);
                    span.hi = std::max(span.hi, y);
                }
            }
            emitSpan();
            flush();
        }
    }
    list->PopClipRect();

    // Hover cursor: vertical line and the value of every run at the nearest step.
    if (!style.interactive) return;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || mouse.x < a.x || mouse.x > b.x ||
        mouse.y < a.y || mouse.y > b.y)
        return;
    const double step_at = xr.lo + (mouse.x - a.x) / (b.x - a.x) * (xr.hi - xr.lo);
    list->AddLine(ImVec2(mouse.x, a.y), ImVec2(mouse.x, b.y), IM_COL32(255, 255, 255, 90), 1.0f);
    ImGui::BeginTooltip();
    ImGui::Text("%s %.0f", texts.steps, step_at);
    for (size_t r = 0; r < snapshot.runs.size(); ++r) {
        const RunSnapshot& run = snapshot.runs[r];
        if (run.metrics.empty()) continue;
        const size_t i = nearestEvaluation(run.metrics, static_cast<int64_t>(std::llround(step_at)));
        const char *solid, *dashed;
        plotSeriesKeys(metric, run, solid, dashed);
        const MetricColumn s1 = findSeries(run, solid);
        const MetricColumn s2 = findSeries(run, dashed);
        ImGui::PushStyleColor(ImGuiCol_Text, runPaletteColor(static_cast<int>(r)));
        const char* name = localizedText(run.name, run.name_zh, texts.chinese).c_str();
        const MetricColumn spread = findSeries(run, plotSpreadKey(metric));
        if (s2)
            ImGui::Text("%s: %.4g / %.4g", name, s1 ? s1[i] : NAN, s2[i]);
        else if (spread)
            ImGui::Text("%s: %.4g +- %.3g", name, s1 ? s1[i] : NAN, spread[i]);
        else
            ImGui::Text("%s: %.4g", name, s1 ? s1[i] : NAN);
        ImGui::PopStyleColor();
    }
    if (showsCriticEstimate(snapshot, metric)) {  // students ask why the estimate reads 18 when W1 is 2
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + fs * 24.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, kTextDim);
        ImGui::TextUnformatted(texts.critic_estimate_note);
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
    ImGui::EndTooltip();
}

}  // namespace ganarium
