// cli_formatting_test.cpp — in-process tests of the CLI's text producers:
// the JSON/CSV metric writers, the final metrics table and the progress
// reporter, on hand-made snapshots with known values.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>

#include "app/metrics_export.h"
#include "app/metrics_table.h"
#include "app/terminal_progress.h"
#include "core/errors.h"
#include "mini_json.h"

using namespace ganarium;
using ganarium::test::Json;
using ganarium::test::JsonReader;

namespace {
const double kNaN = std::nan("");

// A metric log with one evaluation per step; each metric has a value (NaN: not defined) at every step.
MetricLogView logOf(const std::vector<int64_t>& steps, const std::map<std::string, std::vector<double>>& columns) {
    auto log = std::make_shared<MetricLog>();
    for (size_t i = 0; i < steps.size(); ++i) {
        std::map<std::string, double> values;
        for (const auto& [key, column] : columns) values[key] = column.at(i);
        log->append(steps[i], values);
    }
    return MetricLogView(log);
}

// Two runs: a mixture run with mode metrics (unless `with_modes` is false), and a diverged one without.
std::vector<RunSnapshot> sampleRuns(bool with_modes = true) {
    RunSnapshot a;
    a.name = "GAN, \"A\"";
    a.objective = "non_saturating";
    a.lipschitz = "none";
    a.step = 100;
    setQuantity(a.parts, quantity_names::kModes, ModeMarkers{2, std::vector<Mode>(8), std::vector<bool>(8, false)});
    std::map<std::string, std::vector<double>> a_columns{{"loss_d", {kNaN, 1.25, 0.5}}, {"w1", {2.0, INFINITY, 0.125}}};
    if (with_modes) {
        a_columns["modes_covered"] = {0, 3, 5};
        a_columns["hq_share"] = {kNaN, kNaN, 0.75};
    }
    a.metrics = logOf({0, 50, 100}, a_columns);

    RunSnapshot b;
    b.name = "WGAN";
    b.objective = "wasserstein";
    b.lipschitz = "clip";
    b.status = RunStatus::Diverged;
    b.status_reason = "NaN in loss_d at step 42";
    b.step = 42;
    b.metrics = logOf({0}, {{"loss_d", {kNaN}}});
    return {a, b};
}

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}
}  // namespace

TEST_CASE("metrics JSON: documented keys, values, null for NaN and infinity") {
    std::ostringstream out;
    writeMetricsJson(out, "Ring \"8\"", 7, sampleRuns());
    const Json doc = JsonReader(out.str()).parseDocument();
    CHECK(doc.at("scene").string == "Ring \"8\"");
    CHECK(doc.at("seed").number == 7);
    const auto& runs = doc.at("runs").array;
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].at("name").string == "GAN, \"A\"");
    CHECK(runs[0].at("lipschitz").string == "none");
    CHECK(runs[0].at("status").string == "ok");
    CHECK(runs[1].at("status").string == "diverged");
    const auto& series = runs[0].at("series").array;
    REQUIRE(series.size() == 3);
    CHECK(series[0].at("step").number == 0);
    CHECK(series[0].at("loss_d").type == Json::Type::Null);
    CHECK(series[1].at("loss_d").number == doctest::Approx(1.25));
    CHECK(series[1].at("w1").type == Json::Type::Null);  // infinity
    CHECK(series[2].at("modes_covered").number == 5);
    CHECK(series[2].at("step").number == 100);
    CHECK(runs[1].at("series").array.size() == 1);
}

TEST_CASE("metrics JSON of zero runs is still a valid document") {
    std::ostringstream out;
    writeMetricsJson(out, "empty", 1, {});
    const Json doc = JsonReader(out.str()).parseDocument();
    CHECK(doc.at("runs").array.empty());
}

TEST_CASE("metrics CSV: header with the union of metrics, one row per run and step") {
    std::ostringstream out;
    writeMetricsCsv(out, sampleRuns());
    const auto rows = splitLines(out.str());
    REQUIRE(rows.size() == 1 + 3 + 1);
    CHECK(rows[0] == "run,objective,step,hq_share,loss_d,modes_covered,w1");
    CHECK(rows[1] == "\"GAN, \"\"A\"\"\",non_saturating,0,,,0,2");
    CHECK(rows[2] == "\"GAN, \"\"A\"\"\",non_saturating,50,,1.25,3,");
    CHECK(rows[3] == "\"GAN, \"\"A\"\"\",non_saturating,100,0.75,0.5,5,0.125");
    CHECK(rows[4] == "WGAN,wasserstein,0,,,,");  // metrics this run never recorded are empty cells
}

TEST_CASE("metrics file format follows the extension; other extensions are refused") {
    CHECK(metricsFormatForPath("a/b.json") == MetricsFormat::Json);
    CHECK(metricsFormatForPath("B.CSV") == MetricsFormat::Csv);
    CHECK_THROWS_AS(metricsFormatForPath("metrics.txt"), UserError);
    CHECK_THROWS_AS(metricsFormatForPath("dir.json/metrics"), UserError);
    CHECK_THROWS_AS(MetricsFile("/nonexistent-dir/m.json"), UserError);
}

TEST_CASE("final table: '-' for undefined metrics, covered/total modes, diverged runs explained") {
    const std::string table = formatMetricsTable(sampleRuns());
    const auto lines = splitLines(table);
    REQUIRE(lines.size() == 5);  // header, rule, two runs, one DIVERGED line
    CHECK(lines[0].find("run") == 0);
    for (const char* column : {"status", "step", "loss_d", "loss_g", "js", "w1", "d_estimate", "g_grad_norm",
                               "modes_covered", "hq_share"}) {
        INFO(std::string(column));
        CHECK(lines[0].find(column) != std::string::npos);
    }
    CHECK(lines[2].find("5/8") != std::string::npos);
    CHECK(lines[2].find("0.125") != std::string::npos);
    CHECK(lines[2].find("0.75") != std::string::npos);
    CHECK(lines[2].find(" ok ") != std::string::npos);
    CHECK(lines[3].find("DIVERGED") != std::string::npos);
    CHECK(lines[3].find(" - ") != std::string::npos);
    CHECK(lines[4] == "WGAN: DIVERGED at step 42: NaN in loss_d at step 42");
    // columns line up: every row has the same width up to its last cell
    CHECK(lines[1].size() >= lines[0].size());
}

TEST_CASE("final table hides mode columns when no run defines them") {
    const auto runs = sampleRuns(false);
    const std::string table = formatMetricsTable(runs);
    CHECK(table.find("modes_covered") == std::string::npos);
    CHECK(table.find("hq_share") == std::string::npos);
    CHECK(latestMetric(runs[0], "w1") == doctest::Approx(0.125));
    CHECK(std::isnan(latestMetric(runs[1], "js")));
}

TEST_CASE("progress: plain mode writes one line per 10% and a final summary") {
    std::ostringstream out;
    ProgressOptions options;
    options.force_terminal = 0;
    TerminalProgress progress(out, "train", 200, options);
    CHECK_FALSE(progress.isTerminal());
    for (int done = 1; done <= 200; ++done) progress.update(done, "x");
    progress.finish();
    progress.finish();  // idempotent
    const auto lines = splitLines(out.str());
    REQUIRE(lines.size() == 10);  // 10%, 20%, ..., 90%, then "done"
    CHECK(lines[0].find("train: 10% (20/200 steps") == 0);
    CHECK(lines[8].find("train: 90% (180/200 steps") == 0);
    CHECK(lines[0].find("  x") != std::string::npos);
    CHECK(lines[9].find("train: done 200/200 steps in ") == 0);
}

TEST_CASE("progress: terminal mode redraws one line with bar, rate and ETA") {
    std::ostringstream out;
    ProgressOptions options;
    options.force_terminal = 1;
    options.redraw_seconds = 0;
    options.unit = "frames";
    options.bar_width = 10;
    TerminalProgress progress(out, "record", 4, options);
    progress.update(2, "loss 1.0");
    progress.finish();
    const std::string text = out.str();
    CHECK(text.find("\rrecord [#####-----] 2/4 frames") != std::string::npos);
    CHECK(text.find("loss 1.0") != std::string::npos);
    CHECK(text.find("\rrecord [#####-----] 2/4 frames") < text.rfind('\r'));
    CHECK(text.back() == '\n');
    CHECK(std::count(text.begin(), text.end(), '\n') == 1);
}

TEST_CASE("durations read naturally") {
    CHECK(formatDuration(12.34) == "12.3s");
    CHECK(formatDuration(185) == "3m05s");
    CHECK(formatDuration(3720) == "1h02m");
    CHECK(formatDuration(-1) == "?");
    CHECK(formatDuration(INFINITY) == "?");
}
