// test_metric_log.cpp — the append-only metric log: reading back what was
// appended, entries across chunk boundaries, a metric that first appears
// late, views frozen at their size, and a reader taking views while a
// writer thread appends.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <thread>

#include "core/metric_log.h"

using namespace ganarium;

namespace {

// Value of metric "a" at evaluation i in the logs below (distinct, exactly representable).
double aAt(size_t i) { return 0.5 * static_cast<double>(i); }

}  // namespace

TEST_CASE("metric log: an empty view has nothing") {
    const MetricLogView none;
    CHECK(none.size() == 0);
    CHECK(none.empty());
    CHECK(none.keys().empty());
    CHECK(none.latest().empty());
    CHECK_FALSE(none.has("js"));
    CHECK(std::isnan(none.last("js")));
    CHECK_FALSE(static_cast<bool>(none.column("js")));
    CHECK_THROWS_AS(none.columnCopy("js"), std::out_of_range);

    const MetricLogView fresh(std::make_shared<MetricLog>());
    CHECK(fresh.size() == 0);
    CHECK(fresh.keys().empty());
}

TEST_CASE("metric log: appended evaluations read back by step, key and column") {
    auto log = std::make_shared<MetricLog>();
    log->append(0, {{"js", 0.7}, {"w1", 3.0}});
    log->append(50, {{"js", 0.4}, {"w1", 1.5}});
    log->append(100, {{"js", 0.2}});  // w1 not defined at this evaluation
    CHECK(log->size() == 3);

    const MetricLogView view(log);
    REQUIRE(view.size() == 3);
    CHECK(view.step(0) == 0);
    CHECK(view.step(2) == 100);
    CHECK(view.steps() == std::vector<int64_t>{0, 50, 100});
    CHECK(view.keys() == std::vector<std::string>{"js", "w1"});
    CHECK(view.value("js", 1) == 0.4);
    CHECK(view.value("w1", 1) == 1.5);
    CHECK(std::isnan(view.value("w1", 2)));
    CHECK(std::isnan(view.value("loss_d", 0)));  // never recorded
    CHECK(view.columnCopy("js") == std::vector<double>{0.7, 0.4, 0.2});
    const MetricColumn w1 = view.column("w1");
    REQUIRE(static_cast<bool>(w1));
    CHECK(w1.size() == 3);
    CHECK(w1[0] == 3.0);
    CHECK(view.last("js") == 0.2);
    CHECK(std::isnan(view.last("w1")));
    const auto latest = view.latest();
    CHECK(latest.size() == 2);
    CHECK(latest.at("js") == 0.2);
    CHECK(std::isnan(latest.at("w1")));
}

TEST_CASE("metric log: entries across several chunks keep their values") {
    auto log = std::make_shared<MetricLog>();
    const size_t n = 3 * kMetricLogChunk + 7;
    for (size_t i = 0; i < n; ++i) {
        std::map<std::string, double> values{{"a", aAt(i)}};
        if (i % 2 == 1) values["odd"] = static_cast<double>(i);  // defined at every other evaluation
        log->append(static_cast<int64_t>(10 * i), values);
    }
    const MetricLogView view(log);
    REQUIRE(view.size() == n);
    for (const size_t i : {size_t{0}, kMetricLogChunk - 1, kMetricLogChunk, kMetricLogChunk + 1,
                           2 * kMetricLogChunk, n - 1}) {
        INFO("evaluation " << i);
        CHECK(view.step(i) == static_cast<int64_t>(10 * i));
        CHECK(view.value("a", i) == aAt(i));
        if (i % 2 == 1) CHECK(view.value("odd", i) == static_cast<double>(i));
        else CHECK(std::isnan(view.value("odd", i)));
    }
    const std::vector<double> a = view.columnCopy("a");
    REQUIRE(a.size() == n);
    for (size_t i = 0; i < n; ++i) REQUIRE(a[i] == aAt(i));
    CHECK(view.last("a") == aAt(n - 1));
}

TEST_CASE("metric log: a metric that first appears late is NaN before, and absent from earlier views") {
    auto log = std::make_shared<MetricLog>();
    for (int i = 0; i < 5; ++i) log->append(i, {{"a", aAt(static_cast<size_t>(i))}});
    const MetricLogView before(log);
    // Late, and in a later chunk: the chunks it skipped read as NaN.
    for (size_t i = 5; i < kMetricLogChunk + 20; ++i) {
        std::map<std::string, double> values{{"a", aAt(i)}};
        if (i >= kMetricLogChunk + 10) values["late"] = 1.0 + static_cast<double>(i);
        log->append(static_cast<int64_t>(i), values);
    }
    const MetricLogView after(log);
    CHECK_FALSE(before.has("late"));
    CHECK(before.keys() == std::vector<std::string>{"a"});
    CHECK(before.latest().count("late") == 0);
    REQUIRE(after.has("late"));
    CHECK(after.keys() == std::vector<std::string>{"a", "late"});
    CHECK(std::isnan(after.value("late", 0)));
    CHECK(std::isnan(after.value("late", kMetricLogChunk + 9)));
    CHECK(after.value("late", kMetricLogChunk + 10) == 1.0 + static_cast<double>(kMetricLogChunk + 10));
    const std::vector<double> late = after.columnCopy("late");
    size_t defined = 0;
    for (double v : late) defined += std::isfinite(v) ? 1 : 0;
    CHECK(defined == 10);
}

TEST_CASE("metric log: a view frozen at n never sees later appends; a new log leaves old views intact") {
    auto log = std::make_shared<MetricLog>();
    for (size_t i = 0; i < 10; ++i) log->append(static_cast<int64_t>(i), {{"a", aAt(i)}});
    const MetricLogView frozen(log);
    for (size_t i = 10; i < 2 * kMetricLogChunk; ++i) log->append(static_cast<int64_t>(i), {{"a", aAt(i)}, {"b", 2.0}});
    CHECK(log->size() == 2 * kMetricLogChunk);
    CHECK(frozen.size() == 10);
    CHECK(frozen.last("a") == aAt(9));
    CHECK(frozen.latest() == std::map<std::string, double>{{"a", aAt(9)}});
    CHECK(frozen.columnCopy("a").size() == 10);

    // A rebuilt run starts a new log: the old view keeps the old one alive on its own.
    const MetricLogView copy = frozen;
    log = std::make_shared<MetricLog>();
    log->append(0, {{"a", -1.0}});
    CHECK(copy.size() == 10);
    CHECK(copy.value("a", 3) == aAt(3));
    CHECK(MetricLogView(log).size() == 1);
}

TEST_CASE("metric log: one evaluation built in one call") {
    const MetricLogView view = singleEvaluationLog(42, {{"js", 0.25}, {"w1", 1.0}});
    CHECK(view.size() == 1);
    CHECK(view.step(0) == 42);
    CHECK(view.latest() == std::map<std::string, double>{{"js", 0.25}, {"w1", 1.0}});
}

TEST_CASE("metric log: views taken while a writer thread appends always show complete entries") {
    // Every evaluation i carries step 3i, "a" = aAt(i) and "b" = -i; "late" joins at 40,000 and "sparse" at
    // every 7th evaluation. A reader that ever sees a torn entry (a step without its values, a value from
    // another evaluation, a chunk not yet filled) fails.
    constexpr size_t kEntries = 100000;
    constexpr size_t kLateFrom = 40000;
    auto log = std::make_shared<MetricLog>();
    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (size_t i = 0; i < kEntries; ++i) {
            std::map<std::string, double> values{{"a", aAt(i)}, {"b", -static_cast<double>(i)}};
            if (i >= kLateFrom) values["late"] = static_cast<double>(i);
            if (i % 7 == 0) values["sparse"] = 7.0;
            log->append(static_cast<int64_t>(3 * i), values);
        }
        done = true;
    });

    size_t views = 0, checked = 0, bad = 0, previous = 0, shrunk = 0;
    auto inspect = [&](const MetricLogView& view) {
        ++views;
        if (view.size() < previous) ++shrunk;
        previous = view.size();
        const MetricColumn a = view.column("a"), b = view.column("b"), late = view.column("late"),
                           sparse = view.column("sparse");
        if (view.size() > 0 && (!a || !b || !sparse)) ++bad;
        if (view.size() > kLateFrom != static_cast<bool>(late)) ++bad;
        // Every entry of small views, the newest 2,000 (the ones being written) of big ones, and a sparse sample.
        const size_t tail = view.size() > 2000 ? view.size() - 2000 : 0;
        for (size_t i = 0; i < view.size(); i = i < tail ? std::min(tail, i + 97) : i + 1) {
            ++checked;
            const bool ok = view.step(i) == static_cast<int64_t>(3 * i) && a[i] == aAt(i) &&
                            b[i] == -static_cast<double>(i) &&
                            (i >= kLateFrom ? late[i] == static_cast<double>(i) : std::isnan(late[i])) &&
                            (i % 7 == 0 ? sparse[i] == 7.0 : std::isnan(sparse[i]));
            if (!ok) ++bad;
        }
        if (view.size() > 0 && view.last("a") != aAt(view.size() - 1)) ++bad;
    };
    while (!done.load()) inspect(MetricLogView(log));
    writer.join();
    const MetricLogView final_view(log);
    inspect(final_view);
    INFO("views " << views << ", entries checked " << checked);
    CHECK(bad == 0);
    CHECK(shrunk == 0);
    CHECK(views > 1);
    CHECK(final_view.size() == kEntries);
    CHECK(final_view.latest().at("late") == static_cast<double>(kEntries - 1));
}
