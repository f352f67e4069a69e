// weights_view.cpp — D-weight and gradient-norm histograms drawn with ImGui
// draw lists (bars, ticks, dashed markers at ±clip and at 1).
#include "views/weights_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "core/display_names.h"
#include "views/panel_title.h"

namespace ganarium {

namespace {

const ImU32 kText = IM_COL32(232, 234, 237, 255);
const ImU32 kTextDim = IM_COL32(160, 166, 176, 255);
const ImU32 kGrid = IM_COL32(255, 255, 255, 24);
const ImU32 kAxis = IM_COL32(150, 156, 166, 255);
const ImU32 kPlotBg = IM_COL32(18, 20, 25, 255);
const ImU32 kMark = IM_COL32(255, 196, 80, 255);

}  // namespace

int WeightsView::autoRun(const Snapshot& snapshot) {
    for (size_t r = 0; r < snapshot.runs.size(); ++r)
        if (snapshot.runs[r].clip > 0 || snapshot.runs[r].lipschitz == "gp") return static_cast<int>(r);
    return snapshot.runs.empty() ? -1 : 0;
}

void drawHistogram(ImDrawList* list, const Histogram& hist, const char* title, const double* marks, int nmarks,
                   const char* mark_label, ImU32 bar_color, float fs, ImVec2 p0, ImVec2 p1) {
    ImFont* font = ImGui::GetFont();
    list->AddText(font, fs, p0, kText, ellipsize(title, p1.x - p0.x, fs).c_str());  // narrow video columns
    const ImVec2 a(p0.x + fs * 0.4f, p0.y + fs * 1.4f), b(p1.x - fs * 0.4f, p1.y - fs * 1.5f);
    if (b.y - a.y < 10 || b.x - a.x < 20) return;
    list->AddRectFilled(a, b, kPlotBg, 3.0f);

    float peak = 0;
    for (float c : hist.counts) peak = std::max(peak, c);
    double lo = hist.lo, hi = hist.hi;
    for (int i = 0; i < nmarks; ++i) {
        const double m = marks[i], margin = std::fabs(m) * 0.15 + 1e-6;
        lo = std::min(lo, m - margin);
        hi = std::max(hi, m + margin);
    }
    if (!(hi > lo)) hi = lo + 1;
    auto sx = [&](double x) { return static_cast<float>(a.x + (x - lo) / (hi - lo) * (b.x - a.x)); };

    double ticks[12];
    char buf[32];
    const int nt = niceTicks(lo, hi, std::max(2, static_cast<int>((b.x - a.x) / (fs * 4.5f))), ticks, 12);
    for (int i = 0; i < nt; ++i) {
        const float x = sx(ticks[i]);
        list->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), kGrid);
        formatTick(ticks[i], buf, sizeof buf);
        const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, buf);
        list->AddText(font, fs, ImVec2(x - ts.x * 0.5f, b.y + fs * 0.15f), kTextDim, buf);
    }

    const int n = static_cast<int>(hist.counts.size());
    if (n > 0 && peak > 0) {
        const double width = (hist.hi - hist.lo) / n;
        for (int i = 0; i < n; ++i) {
            if (hist.counts[i] <= 0) continue;
            const float x0 = sx(hist.lo + i * width), x1 = sx(hist.lo + (i + 1) * width);
            // sqrt height keeps a pile-up at ±c visible next to a broad bulk
            const float h = std::sqrt(hist.counts[i] / peak) * (b.y - a.y - fs * 0.3f);
            list->AddRectFilled(ImVec2(x0, b.y - h), ImVec2(std::max(x0 + 1.0f, x1 - 0.5f), b.y), bar_color);
        }
    }
    for (int i = 0; i < nmarks; ++i) {
        const float x = sx(marks[i]);
        const ImVec2 line[2] = {ImVec2(x, a.y), ImVec2(x, b.y)};
        drawDashedPolyline(list, line, 2, kMark, 2.0f, fs * 0.4f, fs * 0.25f);
        if (mark_label && i == nmarks - 1) {
            const float tw = font->CalcTextSizeA(fs, FLT_MAX, 0, mark_label).x;
            const float tx = x + fs * 0.2f + tw > b.x ? x - fs * 0.2f - tw : x + fs * 0.2f;  // keep it inside
            list->AddText(font, fs, ImVec2(tx, a.y + fs * 0.1f), kMark, mark_label);
        }
    }
    list->AddRect(a, b, kAxis, 3.0f);
}

void WeightsView::draw(const Snapshot& snapshot, const WeightsTexts& texts, const PlotStyle& style, ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float fs = ImGui::GetFontSize() * style.font_scale;
    if (run >= static_cast<int>(snapshot.runs.size())) run = -1;
    int shown = run >= 0 ? run : autoRun(snapshot);
    float top = 0;
    if (style.interactive && snapshot.runs.size() > 1 && shown >= 0) {
        ImGui::PushID(this);
        ImGui::SetNextItemWidth(std::min(size.x, fs * 16.0f));
        const auto name = [&](size_t r) {
            return localizedText(snapshot.runs[r].name, snapshot.runs[r].name_zh, texts.chinese).c_str();
        };
        if (ImGui::BeginCombo("##run", name(static_cast<size_t>(shown)))) {
            for (size_t r = 0; r < snapshot.runs.size(); ++r)
                if (ImGui::Selectable(name(r), static_cast<int>(r) == shown)) run = static_cast<int>(r);
            ImGui::EndCombo();
        }
        ImGui::PopID();
        shown = run >= 0 ? run : autoRun(snapshot);
        top = ImGui::GetCursorScreenPos().y - origin.y;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    if (shown < 0) {
        list->AddText(ImGui::GetFont(), fs, ImVec2(origin.x, origin.y + top), kTextDim, texts.no_weights);
    } else {
        const RunSnapshot& rs = snapshot.runs[shown];
        if (!style.interactive || snapshot.runs.size() <= 1) {
            list->AddText(ImGui::GetFont(), fs, ImVec2(origin.x, origin.y + top), runPaletteColor(shown),
                          localizedText(rs.name, rs.name_zh, texts.chinese).c_str());
            top += fs * 1.3f;
        }
        // Norms at interpolates are computed for every run, but they only mean something where a penalty acts.
        const Histogram* d_weights = findQuantity<Histogram>(rs.parts, quantity_names::kWeights);
        const Histogram* gp_norms = findQuantity<Histogram>(rs.parts, quantity_names::kGpNorms);
        const bool has_gp = gp_norms && !gp_norms->counts.empty() && rs.lipschitz == "gp";
        const bool side_by_side = size.x > size.y * 1.6f;
        const ImVec2 body0(origin.x, origin.y + top), body1(origin.x + size.x, origin.y + size.y);
        ImVec2 h1a = body0, h1b = body1, h2a = body0, h2b = body1;
        if (has_gp) {
            if (side_by_side) {
                const float mid = (body0.x + body1.x) * 0.5f;
                h1b.x = mid - fs * 0.3f;
                h2a.x = mid + fs * 0.3f;
            } else {
                const float mid = (body0.y + body1.y) * 0.5f;
                h1b.y = mid;
                h2a.y = mid + fs * 0.2f;
            }
        }
        char clip_label[48];
        std::snprintf(clip_label, sizeof clip_label, "±c = %.3g", rs.clip);
        const double clip_marks[2] = {-rs.clip, rs.clip};
        if (!d_weights || d_weights->counts.empty())
            list->AddText(ImGui::GetFont(), fs, h1a, kTextDim, texts.no_weights);
        else
            drawHistogram(list, *d_weights, texts.d_weights, clip_marks, rs.clip > 0 ? 2 : 0,
                          rs.clip > 0 ? clip_label : nullptr, runPaletteColor(shown, 0.85f), fs, h1a, h1b);
        if (has_gp) {
            const double one = 1.0;
            drawHistogram(list, *gp_norms, texts.gp_norms, &one, 1, "1", runPaletteColor(shown, 0.85f), fs, h2a,
                          h2b);
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(size);
}

}  // namespace ganarium
