// bench_report.h — the readable table ganarium-bench prints as it goes:
// section titles and rows of (measure, wall-clock value, target, PASS/MISS,
// the same figure on a CPU-time basis).
#pragma once

#include <string>

namespace ganarium::bench {

// Streams the table to stdout row by row and counts the verdicts.
class BenchReport {
public:
    // The column titles.
    void header();
    // A section title line.
    void section(const std::string& title);
    // A row without a target.
    void info(const std::string& label, const std::string& value, const std::string& cpu_value = "");
    // A row with a target and its verdict (PASS when `pass`).
    void check(const std::string& label, const std::string& value, const std::string& target, bool pass,
               const std::string& cpu_value = "");
    // A free-form note line (e.g. why a comparison was skipped).
    void note(const std::string& text);
    // "N PASS, M MISS" line.
    void summary() const;

private:
    void row(const std::string& label, const std::string& value, const std::string& target,
             const std::string& verdict, const std::string& cpu_value);
    int passes_ = 0, misses_ = 0;
};

// printf-style formatting of one number into a std::string.
std::string format(const char* pattern, double value);

}  // namespace ganarium::bench
