// csv_points.cpp — the `x,y` CSV reader for the `points` data family.
#include "core/csv_points.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/errors.h"

namespace ganarium {
namespace {

std::string trim(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// Parses a whole field as a finite number.
bool parseNumber(const std::string& field, double& out) {
    const std::string t = trim(field);
    if (t.empty()) return false;
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size() && std::isfinite(out);
}

}  // namespace

std::vector<double> parsePointsCsv(const std::string& text, const std::string& name) {
    std::vector<double> points;
    std::istringstream in(text);
    std::string raw;
    int line_no = 0;
    bool seen_data_or_header = false;
    while (std::getline(in, raw)) {
        ++line_no;
        std::string line = raw;
        const size_t hash = line.find('#');
        if (hash != std::string::npos) line = line.substr(0, hash);
        line = trim(line);
        if (line.empty()) continue;
        const size_t comma = line.find(',');
        double x = 0, y = 0;
        const bool ok = comma != std::string::npos && line.find(',', comma + 1) == std::string::npos &&
                        parseNumber(line.substr(0, comma), x) && parseNumber(line.substr(comma + 1), y);
        if (!ok) {
            const bool has_digit = line.find_first_of("0123456789") != std::string::npos;
            if (!seen_data_or_header && !has_digit) {  // the first non-comment line may be a header such as "x,y"
                seen_data_or_header = true;
                continue;
            }
            throw SceneError(name + ":" + std::to_string(line_no) + ": expected two numbers 'x,y', got '" +
                             trim(raw) + "'");
        }
        seen_data_or_header = true;
        points.push_back(x);
        points.push_back(y);
    }
    if (points.empty())
        throw SceneError(name + ": contains no points (write one 'x,y' pair of numbers per line)");
    return points;
}

std::vector<double> loadPointsCsv(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw SceneError("cannot open points file '" + path + "': " + std::strerror(errno) +
                         " (the `csv` path is relative to the scene file's folder)");
    std::ostringstream text;
    text << file.rdbuf();
    return parsePointsCsv(text.str(), path);
}

}  // namespace ganarium
