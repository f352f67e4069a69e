// bench_report.cpp — fixed-width table output for ganarium-bench.
#include "bench_report.h"

#include <cstdio>
#include <iostream>

namespace ganarium::bench {

namespace {
std::string padded(const std::string& s, std::size_t width) {
    return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}
}  // namespace

std::string format(const char* pattern, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, pattern, value);
    return buf;
}

void BenchReport::header() {
    std::cout << '\n';
    row("measure", "wall clock", "target", "result", "per CPU second");
}

void BenchReport::section(const std::string& title) { std::cout << '\n' << title << '\n' << std::flush; }

void BenchReport::info(const std::string& label, const std::string& value, const std::string& cpu_value) {
    row(label, value, "", "", cpu_value);
}

void BenchReport::check(const std::string& label, const std::string& value, const std::string& target, bool pass,
                        const std::string& cpu_value) {
    (pass ? passes_ : misses_)++;
    row(label, value, target, pass ? "PASS" : "MISS", cpu_value);
}

void BenchReport::note(const std::string& text) { std::cout << "  " << text << '\n' << std::flush; }

void BenchReport::row(const std::string& label, const std::string& value, const std::string& target,
                      const std::string& verdict, const std::string& cpu_value) {
    std::string line = "  " + padded(label, 42) + padded(value, 13) + padded(target, 10) + padded(verdict, 8) +
                       cpu_value;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << '\n' << std::flush;
}

void BenchReport::summary() const {
    std::cout << '\n' << passes_ << " PASS, " << misses_ << " MISS (verdicts use the wall-clock figures)\n"
              << std::flush;
}

}  // namespace ganarium::bench
