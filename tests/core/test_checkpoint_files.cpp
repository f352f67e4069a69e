// test_checkpoint_files.cpp — the torch-free parts of a checkpoint folder:
// the header round-trips and refuses other formats and newer versions, the
// metric history CSV reads back bit for bit (NaN included) and names the
// damaged line, and a random stream's state continues the same draws.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/checkpoint_header.h"
#include "core/errors.h"
#include "core/metric_history_file.h"
#include "core/rng.h"

using namespace ganarium;

namespace {

// The message of the UserError `fn` throws ("" when it throws none).
template <typename Fn>
std::string errorOf(Fn fn) {
    try {
        fn();
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a checkpoint header round-trips and refuses other formats and newer versions") {
    CheckpointHeader header;
    header.run_index = 2;
    header.run_name = "WGAN \"GP\"";
    header.kind = "image";
    header.step = 1234567890123;
    header.metric_count = 42;
    header.state_bytes = 5000000000ull;
    header.state_crc32 = 0xdeadbeef;
    header.metrics_bytes = 77;
    header.metrics_crc32 = 1;
    header.torch_version = "1.13.1";
    const std::string text = checkpointHeaderToToml(header);
    const CheckpointHeader back = parseCheckpointHeader(text, "x/checkpoint.toml");
    CHECK(back.run_index == 2);
    CHECK(back.run_name == header.run_name);
    CHECK(back.kind == "image");
    CHECK(back.step == header.step);
    CHECK(back.metric_count == 42);
    CHECK(back.state_bytes == header.state_bytes);
    CHECK(back.state_crc32 == 0xdeadbeef);
    CHECK(back.metrics_bytes == 77);
    CHECK(back.torch_version == "1.13.1");

    CHECK(errorOf([] { parseCheckpointHeader("title = 'a scene'\n", "s.toml"); }).find("not a Ganarium checkpoint") != std::string::npos);
    CHECK(errorOf([] { parseCheckpointHeader("format = [", "h.toml"); }).find("h.toml: not a checkpoint header") == 0);
    std::string newer = text;
    newer.replace(newer.find("version = 1"), 11, "version = 9");
    const std::string why = errorOf([&] { parseCheckpointHeader(newer, "n.toml"); });
    CHECK(why.find("version 9") != std::string::npos);
    CHECK(why.find("newer") != std::string::npos);
    std::string no_step = text;
    no_step.replace(no_step.find("step ="), 6, "stop =");
    CHECK(errorOf([&] { parseCheckpointHeader(no_step, "m.toml"); }).find("key 'step'") != std::string::npos);
}

TEST_CASE("the metric history CSV reads back bit for bit and names a damaged line") {
    MetricLog log;
    log.append(0, {{"loss_d", 0.1 + 0.2}, {"js", 1.0 / 3.0}});
    log.append(10, {{"loss_d", -1e-300}});  // js missing here: NaN
    log.append(20, {{"loss_d", 123456789.123456789}, {"js", std::numeric_limits<double>::denorm_min()}, {"late", 2.5}});
    auto shared = std::shared_ptr<const MetricLog>(&log, [](const MetricLog*) {});
    const MetricLogView view(shared);
    const std::string csv = metricHistoryToCsv(view, 3);
    const auto back = parseMetricHistoryCsv(csv, 3, "m.csv");
    const MetricLogView read(back);
    REQUIRE(read.size() == 3);
    CHECK(read.steps() == view.steps());
    CHECK(read.keys() == view.keys());
    for (const std::string& key : view.keys()) {
        for (size_t i = 0; i < 3; ++i) {
            const double a = view.value(key, i), b = read.value(key, i);
            CHECK(std::isnan(a) == std::isnan(b));
            if (!std::isnan(a)) CHECK(a == b);
        }
    }
    CHECK(MetricLogView(parseMetricHistoryCsv(metricHistoryToCsv(view, 2), 2, "m.csv")).size() == 2);

    std::string broken = csv;
    broken.replace(broken.find("\n10,") + 1, 3, "1x,");
    CHECK(errorOf([&] { parseMetricHistoryCsv(broken, 3, "m.csv"); }).find("m.csv:3: step '1x'") == 0);
    const std::string cut = csv.substr(0, csv.rfind("\n20,") + 1);
    CHECK(errorOf([&] { parseMetricHistoryCsv(cut, 3, "m.csv"); }).find("2 evaluations, the header says 3") != std::string::npos);
    CHECK(errorOf([&] { parseMetricHistoryCsv("", 0, "e.csv"); }).find("e.csv:1: empty file") == 0);
}

TEST_CASE("a random stream's saved state continues the same draws, cached normal included") {
    Rng rng(11);
    rng.normal();  // the normal draw now holds its second value
    const std::string saved = rng.state();
    const double a = rng.normal(), b = rng.uniform();
    const uint64_t c = rng.next();
    Rng other(99);
    REQUIRE(other.setState(saved));
    CHECK(other.normal() == a);
    CHECK(other.uniform() == b);
    CHECK(other.next() == c);
    Rng untouched(5);
    const double first = Rng(5).normal();
    CHECK_FALSE(untouched.setState("not a state"));
    CHECK(untouched.normal() == first);
    CHECK(crc32Of("123456789") == 0xCBF43926u);
}
