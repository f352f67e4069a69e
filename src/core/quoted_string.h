// quoted_string.h — one double-quoted, escaped string literal that is valid
// both as a TOML basic string (scene writer) and as a JSON string (metrics
// export): \" \\ \n \r \t and \u00XX for other control characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ganarium {

// `s` wrapped in double quotes with TOML/JSON-compatible escapes.
std::string quotedString(const std::string& s);

// `s` safe to print in a message: control bytes as \xNN, cut after `max_chars` bytes with "...".
std::string printableExcerpt(std::string_view s, size_t max_chars);

}  // namespace ganarium
