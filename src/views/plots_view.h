// plots_view.h — the metric curves panel: every run's history overlaid over
// training steps, drawn with ImGui draw lists (axes, ticks, legend, hover
// cursor with per-run read-out, optional log scale, min/max decimation).
// Also a few plotting helpers shared with the weights view.
#pragma once

#include <optional>

#include <string>
#include <vector>

#include <imgui.h>

#include "core/metric_catalogue.h"
#include "core/snapshot.h"

namespace ganarium {

// Which curves the panel shows: one value per tab of core's kCurvesTabs, in its order.
enum class PlotMetric {
    Divergence, LossD, LossG, Js, W1, GradNorm, ModesCovered, Distance, DWeightMax, GpNorm, DScores, ClassifierScore, Fcd,
    ClassesCovered, ClassRkl, NnRatio, LabelAgreement, ConditionAccuracy, MappingMi, CycleError, Count
};
constexpr int kPlotMetricCount = static_cast<int>(PlotMetric::Count);
static_assert(kPlotMetricCount == static_cast<int>(kCurvesTabCount), "one PlotMetric per curves tab of the catalogue");

// Translated labels the caller provides (views do not know the language).
struct PlotTexts {
    const char* metric[kPlotMetricCount] = {"True vs D's estimate", "D loss", "G loss", "JS divergence",
                                             "W1 distance", "G gradient norm", "Modes covered",
                                             "Distance to equilibrium", "D's largest |weight|",
                                             "GP gradient norm", "D score: real vs generated"};
    const char* true_divergence = "true (solid)";
    const char* d_estimate = "D's estimate (dashed)";
    // What a critic's W1 estimate means (hover tooltip of the divergence tab when a run has a critic).
    const char* critic_estimate_note =
        "D's estimate of W1 (dashed) is a lower bound only while the critic is 1-Lipschitz. Large values mean the "
        "critic is steep (weak penalty or clipping), not that the distributions are far apart.";
    const char* log_scale = "log scale";
    const char* steps = "steps";
    const char* no_metrics = "no metrics yet";
    const char* not_defined = "n/a";
    bool chinese = false;  // run names from name_zh when set
};

// Presentation knobs shared by the plots and weights panels.
struct PlotStyle {
    float font_scale = 1.0f;  // multiplies text size (video overlay uses larger text)
    bool interactive = true;  // tabs, check boxes and the hover cursor
    ImFont* title_font = nullptr;  // font for the panel title (nullptr: current font)
};

// The metric keys of a run snapshot's metric log for one metric and run, from the catalogue's tab
// (`solid` always set; `dashed` null unless the tab has a dashed series).
void plotSeriesKeys(PlotMetric metric, const RunSnapshot& run, const char*& solid, const char*& dashed);

// The series drawn as a +-band around the solid one (e.g. gp_norm_std), or null.
const char* plotSpreadKey(PlotMetric metric);

// True when `metric`'s curves include a critic's W1 estimate, which needs the critic_estimate_note.
bool showsCriticEstimate(const Snapshot& snapshot, PlotMetric metric);

// True when some run of `snapshot` has a series for `metric` (an empty snapshot shows every tab).
bool metricShown(const Snapshot& snapshot, PlotMetric metric);

// The curves panel. Keeps its tab and scale choice and scratch buffers between frames.
class PlotsView {
public:
    // Draws the panel filling `size` at the ImGui cursor.
    void draw(const Snapshot& snapshot, const PlotTexts& texts, const PlotStyle& style, ImVec2 size);

    PlotMetric metric = PlotMetric::Divergence;  // the tab shown; setting it from code selects that tab
    bool log_scale_grad_norm = true;   // log y axis for the tabs the catalogue puts on a log axis (G gradient norm)
    bool log_scale_other = false;      // log y axis for every other tab

private:
    // True when the tabs of every curve the snapshot has fit `width` pixels side by side.
    bool curveTabsFit(const Snapshot& snapshot, const PlotTexts& texts, float width) const;
    // The curves as one combo sized to its longest label (when the tabs do not fit).
    void drawCurvePicker(const Snapshot& snapshot, const PlotTexts& texts, float width);
    void drawPlot(const Snapshot& snapshot, const PlotTexts& texts, const PlotStyle& style, ImVec2 p0, ImVec2 p1);
    // Horizontal, wrapping legend (run colours; solid/dashed key on the divergence tab); returns its height.
    float drawLegend(const Snapshot& snapshot, const PlotTexts& texts, float font_size, ImVec2 pos, float max_width);
    PlotMetric tab_metric_ = PlotMetric::Divergence;  // what the tab bar showed last frame
    // A curve asked for before any run had its data (image metrics arrive after the classifier loads): shown
    // as soon as it has data, unless the viewer picked another tab meanwhile.
    std::optional<PlotMetric> awaited_;
    PlotMetric stand_in_ = PlotMetric::Divergence;  // what is shown while waiting
    std::vector<ImVec2> points_;  // decimated screen points of one series (reused)
};

// ---- helpers shared with weights_view.cpp and the UI theme ----

// Colour of run `index` (6 colour-blind-friendly hues, cycled).
ImU32 runPaletteColor(int index, float alpha = 1.0f);

// Up to `cap` "nice" tick values (1, 2, 5 x 10^k steps) covering [lo, hi]; returns the count.
int niceTicks(double lo, double hi, int target_count, double* out, int cap);

// Draws a dashed polyline (dash and gap in pixels).
void drawDashedPolyline(ImDrawList* list, const ImVec2* points, int count, ImU32 color, float thickness,
                        float dash, float gap);

// Formats an axis value compactly ("0.25", "1.5e-05", "1200").
void formatTick(double value, char* buf, int size);

}  // namespace ganarium
