// metric_log.cpp — appending to the chunked metric log, publishing its
// directory, and reading frozen views of it.
#include "core/metric_log.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace ganarium {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

using metric_log_detail::Column;
using metric_log_detail::StepChunk;
using metric_log_detail::ValueChunk;

MetricLog::MetricLog() : directory_(std::make_shared<const Directory>()) {}

void MetricLog::append(int64_t step, const std::map<std::string, double>& values) {
    const size_t i = size_.load(std::memory_order_relaxed);  // only this thread changes it
    const size_t chunk = i / kMetricLogChunk, slot = i % kMetricLogChunk;
    bool grown = false;
    if (chunk == step_chunks_.size()) {
        step_chunks_.push_back(std::make_unique<StepChunk>());
        grown = true;
    }
    step_chunks_[chunk]->steps[slot] = step;
    for (const auto& [key, value] : values) {
        auto [it, added] = columns_.try_emplace(key);
        WriterColumn& column = it->second;
        if (added) {
            column.first = i;
            grown = true;
        }
        if (column.chunks.size() <= chunk) column.chunks.resize(chunk + 1);
        if (!column.chunks[chunk]) {
            column.chunks[chunk] = std::make_unique<ValueChunk>();
            column.chunks[chunk]->values.fill(kNaN);
            grown = true;
        }
        column.chunks[chunk]->values[slot] = value;
    }
    // The entry is complete; a new directory (if any) goes out before the count that makes the entry visible.
    if (grown) publishDirectory();
    size_.store(i + 1, std::memory_order_release);
}

void MetricLog::publishDirectory() {
    auto next = std::make_shared<Directory>();
    next->steps.reserve(step_chunks_.size());
    for (const auto& chunk : step_chunks_) next->steps.push_back(chunk.get());
    for (const auto& [key, writer] : columns_) {
        Column& column = next->columns[key];
        column.first = writer.first;
        column.chunks.reserve(writer.chunks.size());
        for (const auto& chunk : writer.chunks) column.chunks.push_back(chunk.get());
    }
    std::shared_ptr<const Directory> previous = std::move(next);
    {
        std::lock_guard<std::mutex> lock(directory_mutex_);
        directory_.swap(previous);
    }
    // `previous` (the old directory) is freed here, outside the lock, unless a view still holds it.
}

std::shared_ptr<const MetricLog::Directory> MetricLog::directory() const {
    std::lock_guard<std::mutex> lock(directory_mutex_);
    return directory_;
}

double MetricColumn::operator[](size_t i) const {
    const size_t chunk = i / kMetricLogChunk;
    if (!column_ || chunk >= column_->chunks.size() || !column_->chunks[chunk]) return kNaN;
    return column_->chunks[chunk]->values[i % kMetricLogChunk];
}

MetricLogView::MetricLogView(std::shared_ptr<const MetricLog> log) : log_(std::move(log)) {
    if (!log_) return;
    // The count first: the directory read after it covers at least that many evaluations.
    size_ = log_->size();
    directory_ = log_->directory();
}

int64_t MetricLogView::step(size_t i) const { return directory_->steps[i / kMetricLogChunk]->steps[i % kMetricLogChunk]; }

std::vector<int64_t> MetricLogView::steps() const {
    std::vector<int64_t> out(size_);
    for (size_t i = 0; i < size_; ++i) out[i] = step(i);
    return out;
}

std::vector<std::string> MetricLogView::keys() const {
    std::vector<std::string> out;
    if (!directory_) return out;
    for (const auto& [key, column] : directory_->columns)
        if (column.first < size_) out.push_back(key);
    return out;
}

double MetricLogView::value(const std::string& key, size_t i) const { return column(key)[i]; }

std::vector<double> MetricLogView::columnCopy(const std::string& key) const {
    const MetricColumn values = column(key);
    if (!values) throw std::out_of_range("metric log: no metric '" + key + "'");
    std::vector<double> out(size_);
    for (size_t i = 0; i < size_; ++i) out[i] = values[i];
    return out;
}

double MetricLogView::last(const std::string& key) const { return size_ > 0 ? value(key, size_ - 1) : kNaN; }

std::map<std::string, double> MetricLogView::latest() const {
    std::map<std::string, double> out;
    if (size_ == 0) return out;
    for (const auto& [key, column] : directory_->columns)
        if (column.first < size_) out[key] = MetricColumn(&column, size_)[size_ - 1];
    return out;
}

const Column* MetricLogView::find(const std::string& key) const {
    if (!directory_) return nullptr;
    const auto it = directory_->columns.find(key);
    return it == directory_->columns.end() || it->second.first >= size_ ? nullptr : &it->second;
}

// A NaN entry is left out (it reads back as NaN): a metric that was only ever NaN in the prefix is absent.
std::shared_ptr<MetricLog> metricLogPrefix(const MetricLogView& view, size_t count) {
    auto log = std::make_shared<MetricLog>();
    const std::vector<std::string> keys = view.keys();
    std::vector<MetricColumn> columns;
    for (const std::string& key : keys) columns.push_back(view.column(key));
    for (size_t i = 0; i < std::min(count, view.size()); ++i) {
        std::map<std::string, double> values;
        // NaN included: a metric recorded only as NaN so far keeps its column (the same keys as before the cut).
        for (size_t k = 0; k < keys.size(); ++k) values[keys[k]] = columns[k][i];
        log->append(view.step(i), values);
    }
    return log;
}

MetricLogView singleEvaluationLog(int64_t step, const std::map<std::string, double>& values) {
    auto log = std::make_shared<MetricLog>();
    log->append(step, values);
    return MetricLogView(log);
}

}  // namespace ganarium
