// scene_table_reader.cpp — typed, range-checked reads from a TOML table with
// file:line error messages (the scene parser's vocabulary).
#include "core/scene_table_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/key_suggestions.h"

namespace ganarium::detail {

TableReader::TableReader(const toml::table& table, std::string where, std::string file)
    : table_(table), where_(std::move(where)), file_(std::move(file)) {}

std::string TableReader::at(const toml::node* node) const {
    const auto& src = node ? node->source() : table_.source();
    if (src.begin.line > 0) return file_ + ":" + std::to_string(src.begin.line) + ": ";
    const auto& own = table_.source();
    if (own.begin.line > 0) return file_ + ":" + std::to_string(own.begin.line) + ": ";
    return file_ + ": ";
}

std::string TableReader::atKey(const std::string& key) const { return at(find(key)); }

void TableReader::fail(const std::string& key, const std::string& message) const {
    throw SceneError(atKey(key) + "key '" + key + "' in " + where_ + ": " + message);
}

const toml::node* TableReader::find(const std::string& key) const { return table_.get(key); }

std::string describeType(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "a date/time";
    }
}

std::string formatNumber(double value) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, value);
    std::string s(buf, res.ptr);
    if (std::isfinite(value) && s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::string controlCharacterIn(const std::string& text) {
    size_t character = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80) ++character;  // counts UTF-8 characters, not bytes
        unsigned code = c;
        if (c == 0xC2 && i + 1 < text.size()) code = static_cast<unsigned char>(text[i + 1]);  // U+0080..U+00BF
        const bool control = c < 0x20 || c == 0x7F || (c == 0xC2 && code >= 0x80 && code <= 0x9F);
        if (!control) continue;
        char buf[48];
        std::snprintf(buf, sizeof buf, "U+%04X at character %zu", code, character);
        return buf;
    }
    return "";
}

void TableReader::checkRange(const std::string& key, long double value, const Range& range,
                             const std::string& shown) const {
    const long double lo = range.lo, hi = range.hi;
    const bool below = range.lo_open ? !(value > lo) : !(value >= lo);
    const bool above = range.hi_open ? !(value < hi) : !(value <= hi);
    if (below || above || std::isnan(value)) fail(key, shown + " is out of range: allowed range is " + range.text);
}

bool TableReader::readNumber(const std::string& key, double& out, const Range& range) const {
    const toml::node* node = find(key);
    if (!node) return false;
    if (!node->is_number()) fail(key, "expected a number, got " + describeType(*node));
    const double v = node->value<double>().value_or(0.0);
    checkRange(key, v, range, formatNumber(v));
    out = v;
    return true;
}

bool TableReader::readInt(const std::string& key, int64_t& out, const Range& range) const {
    const toml::node* node = find(key);
    if (!node) return false;
    if (!node->is_integer()) fail(key, "expected an integer, got " + describeType(*node));
    const int64_t v = node->as_integer()->get();
    checkRange(key, static_cast<long double>(v), range, std::to_string(v));
    out = v;
    return true;
}

bool TableReader::readInt(const std::string& key, int& out, const Range& range) const {
    int64_t v = 0;
    if (!readInt(key, v, range)) return false;
    out = static_cast<int>(v);
    return true;
}

bool TableReader::readBool(const std::string& key, bool& out) const {
    const toml::node* node = find(key);
    if (!node) return false;
    if (!node->is_boolean()) fail(key, "expected true or false, got " + describeType(*node));
    out = node->as_boolean()->get();
    return true;
}

bool TableReader::readString(const std::string& key, std::string& out) const {
    const toml::node* node = find(key);
    if (!node) return false;
    if (!node->is_string()) fail(key, "expected a string in quotes, got " + describeType(*node));
    const std::string& value = node->as_string()->get();
    if (const std::string where = controlCharacterIn(value); !where.empty())
        fail(key, "contains a control character (" + where +
                      "): write plain text on one line, without escape sequences, tabs or line breaks");
    out = value;
    return true;
}

bool TableReader::readChoice(const std::string& key, const std::vector<std::string>& names, int& index) const {
    std::string value;
    if (!readString(key, value)) return false;
    for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] == value) {
            index = static_cast<int>(i);
            return true;
        }
    }
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "'" : ", '") + n + "'";
    fail(key, "'" + value + "' is not one of " + list + didYouMean(value, names));
}

bool TableReader::readChoices(const std::string& key, const std::vector<std::string>& names,
                              std::vector<std::string>& out) const {
    const toml::node* node = find(key);
    if (!node) return false;
    const toml::array* arr = node->as_array();
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "'" : ", '") + n + "'";
    if (!arr) fail(key, std::string("expected an array of names such as [\"") + names.front() + "\"], got " + describeType(*node));
    std::vector<std::string> values;
    for (const toml::node& item : *arr) {
        if (!item.is_string()) fail(key, "expected only names (strings) in the array, got " + describeType(item));
        const std::string value = item.as_string()->get();
        if (std::find(names.begin(), names.end(), value) == names.end())
            fail(key, "'" + value + "' is not one of " + list + didYouMean(value, names));
        values.push_back(value);
    }
    out = values;
    return true;
}

bool TableReader::readNumbers(const std::string& key, std::vector<double>& out, bool pairs_ok) const {
    const toml::node* node = find(key);
    if (!node) return false;
    const toml::array* arr = node->as_array();
    if (!arr) fail(key, std::string("expected an array of numbers such as [1.0, 2.0], got ") + describeType(*node));
    std::vector<double> values;
    for (const toml::node& item : *arr) {
        if (item.is_number()) {
            values.push_back(item.value<double>().value_or(0.0));
        } else if (pairs_ok && item.is_array() && item.as_array()->size() == 2 &&
                   (*item.as_array())[0].is_number() && (*item.as_array())[1].is_number()) {
            values.push_back((*item.as_array())[0].value<double>().value_or(0.0));
            values.push_back((*item.as_array())[1].value<double>().value_or(0.0));
        } else {
            fail(key, std::string("expected only numbers") + (pairs_ok ? " (or [x, y] pairs)" : "") +
                          " in the array, got " + describeType(item));
        }
    }
    for (double v : values)
        if (!std::isfinite(v)) fail(key, "values must be finite numbers");
    out = values;
    return true;
}

bool TableReader::readPair(const std::string& key, std::array<double, 2>& out) const {
    std::vector<double> values;
    if (!readNumbers(key, values)) return false;
    if (values.size() != 2) fail(key, "expected exactly two numbers [x, y], got " + std::to_string(values.size()));
    out = {values[0], values[1]};
    return true;
}

bool TableReader::readInts(const std::string& key, std::vector<int>& out, const Range& range) const {
    const toml::node* node = find(key);
    if (!node) return false;
    const toml::array* arr = node->as_array();
    if (!arr) fail(key, std::string("expected an array of integers such as [128, 128], got ") + describeType(*node));
    std::vector<int> values;
    for (const toml::node& item : *arr) {
        if (!item.is_integer()) fail(key, "expected only integers in the array, got " + describeType(item));
        const int64_t v = item.as_integer()->get();
        checkRange(key, static_cast<long double>(v), range, std::to_string(v));
        values.push_back(static_cast<int>(v));
    }
    out = values;
    return true;
}

void TableReader::checkEach(const std::string& key, const std::vector<double>& values, const Range& range) const {
    for (double v : values) checkRange(key, v, range, formatNumber(v));
}

void TableReader::rejectUnknown(const std::vector<std::string>& allowed) const {
    for (const auto& [key, node] : table_) {
        const std::string name(key.str());
        bool known = false;
        for (const auto& a : allowed) known = known || a == name;
        if (known) continue;
        const auto& src = key.source();
        const std::string where =
            src.begin.line > 0 ? file_ + ":" + std::to_string(src.begin.line) + ": " : at(&node);
        throw SceneError(where + "unknown key '" + name + "' in " + where_ + didYouMean(name, allowed));
    }
}

}  // namespace ganarium::detail
