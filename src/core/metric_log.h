// metric_log.h — a run's metric history, append-only and shared between the
// snapshots that publish it. The run (on the trainer thread) appends one
// evaluation at a time: a step and {metric: value}. A snapshot holds a
// MetricLogView: the log plus the count of evaluations frozen when it was
// taken, so publishing costs the same at step 100 as at step 10^6.
//
// Entries live in fixed-size chunks that never move, so an append never
// touches what a view can see. What grows (the chunk lists, the set of
// metrics: one may first appear late, e.g. after a live edit) is an
// immutable directory swapped under a mutex held only for a pointer copy:
// a reader never waits on training work and never sees a torn entry.
// NaN marks "not defined at this evaluation".
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ganarium {

// Evaluations per chunk.
constexpr size_t kMetricLogChunk = 1024;

namespace metric_log_detail {

struct StepChunk {
    std::array<int64_t, kMetricLogChunk> steps;
};

struct ValueChunk {
    std::array<double, kMetricLogChunk> values;  // NaN until written
};

// One metric: the first evaluation that recorded it, and its chunks (null: no value in that chunk).
struct Column {
    size_t first = 0;
    std::vector<const ValueChunk*> chunks;
};

// Where every entry is, as of one moment; never changed once published.
struct Directory {
    std::vector<const StepChunk*> steps;
    std::map<std::string, Column> columns;  // by metric key (sorted)
};

}  // namespace metric_log_detail

class MetricLogView;

// The writer's side: one thread appends; any thread may take views (MetricLogView's constructor).
class MetricLog {
public:
    MetricLog();
    MetricLog(const MetricLog&) = delete;
    MetricLog& operator=(const MetricLog&) = delete;

    // Appends one evaluation at `step`; a metric missing from `values` is NaN there (and before its first value).
    void append(int64_t step, const std::map<std::string, double>& values);
    // Evaluations appended so far.
    size_t size() const { return size_.load(std::memory_order_acquire); }

private:
    friend class MetricLogView;
    using Directory = metric_log_detail::Directory;

    // The current directory (any thread).
    std::shared_ptr<const Directory> directory() const;
    // Publishes the writer's chunk lists as a new directory.
    void publishDirectory();

    std::atomic<size_t> size_{0};
    mutable std::mutex directory_mutex_;               // guards directory_ (a pointer copy, never more)
    std::shared_ptr<const Directory> directory_;

    // Writer-only state: the chunks, owned and writable.
    struct WriterColumn {
        size_t first = 0;
        std::vector<std::unique_ptr<metric_log_detail::ValueChunk>> chunks;
    };
    std::vector<std::unique_ptr<metric_log_detail::StepChunk>> step_chunks_;
    std::map<std::string, WriterColumn> columns_;
};

// One metric of a view, read by index (valid while its view lives); an absent metric reads as empty.
class MetricColumn {
public:
    MetricColumn() = default;
    MetricColumn(const metric_log_detail::Column* column, size_t size) : column_(column), size_(column ? size : 0) {}

    // Evaluations covered (the view's size, or 0 for an absent metric).
    size_t size() const { return size_; }
    // True when the metric is in the view.
    explicit operator bool() const { return column_ != nullptr; }
    // Value at evaluation `i` (< size()); NaN where the metric was not recorded.
    double operator[](size_t i) const;

private:
    const metric_log_detail::Column* column_ = nullptr;
    size_t size_ = 0;
};

// An immutable view of the first size() evaluations of a log; later appends never show in it. Cheap to copy.
class MetricLogView {
public:
    // No evaluations.
    MetricLogView() = default;
    // Every evaluation `log` holds now (safe while another thread appends).
    explicit MetricLogView(std::shared_ptr<const MetricLog> log);

    // Evaluations in the view.
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // Step of evaluation `i` (< size()).
    int64_t step(size_t i) const;
    // Every step, in order.
    std::vector<int64_t> steps() const;
    // Metrics recorded at least once in the view, sorted.
    std::vector<std::string> keys() const;
    // True when `key` was recorded at least once in the view.
    bool has(const std::string& key) const { return find(key) != nullptr; }
    // Value of `key` at evaluation `i` (< size()); NaN where it was not recorded.
    double value(const std::string& key, size_t i) const;
    // `key` read by index without copying (empty when absent).
    MetricColumn column(const std::string& key) const { return MetricColumn(find(key), size_); }
    // A copy of `key`'s values (size() entries). Throws std::out_of_range when the view lacks `key`.
    std::vector<double> columnCopy(const std::string& key) const;
    // Value of `key` at the last evaluation (NaN when absent or the view is empty).
    double last(const std::string& key) const;
    // The last value of every metric in the view.
    std::map<std::string, double> latest() const;

private:
    const metric_log_detail::Column* find(const std::string& key) const;

    std::shared_ptr<const MetricLog> log_;  // keeps the chunks alive
    std::shared_ptr<const metric_log_detail::Directory> directory_;
    size_t size_ = 0;
};

// A new log holding the first `count` evaluations of `view` (a rewound run's history; old views keep theirs).
std::shared_ptr<MetricLog> metricLogPrefix(const MetricLogView& view, size_t count);

// A view of a new log holding one evaluation at `step` (hand-made snapshots).
MetricLogView singleEvaluationLog(int64_t step, const std::map<std::string, double>& values);

}  // namespace ganarium
