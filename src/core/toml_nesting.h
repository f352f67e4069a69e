// toml_nesting.h — a cheap pre-scan of scene text, before toml++ sees it: a
// table header or dotted key nested ~35,000 levels deep overflows toml++'s
// stack, so deep nesting is refused here with the file and line.
#pragma once

#include <string>
#include <string_view>

namespace ganarium {

// Deepest nesting in `text`: table header parts ([a.b.c] is 3, [[a.b]] is 3), dotted
// key parts, arrays and inline tables, added along each path. Linear, never recursive;
// tolerant of broken TOML (toml++ reports syntax errors afterwards). Sets `line` to
// the 1-based line where the deepest point (the first to exceed `stop_above`) is.
int tomlNestingDepth(std::string_view text, int stop_above, int& line);

// Throws SceneError "NAME:LINE: ..." when `text` nests deeper than `max_depth`, or holds a
// non-ASCII byte outside strings and comments (which toml++ 3.3 mishandles).
void requireTomlNestingAtMost(std::string_view text, const std::string& name, int max_depth);

}  // namespace ganarium
