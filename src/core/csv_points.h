// csv_points.h — reads a 2D point set (`x,y` per line) for the `points`
// data family. Errors are SceneErrors naming the file and line.
#pragma once

#include <string>
#include <vector>

namespace ganarium {

// Reads `x,y` lines (optional header line, '#' comments, blank lines ignored)
// into x0,y0,x1,y1,... Throws SceneError on a missing file, a malformed line or no points.
std::vector<double> loadPointsCsv(const std::string& path);

// Same, from text already in memory; `name` is used in error messages.
std::vector<double> parsePointsCsv(const std::string& text, const std::string& name);

}  // namespace ganarium
