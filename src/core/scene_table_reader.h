// scene_table_reader.h — internal helper of the scene parser: reads typed,
// range-checked values out of one TOML table and turns every problem into a
// SceneError "FILE:LINE: key 'x' in [where]: problem". Not a public contract.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/errors.h"

namespace ganarium::detail {

// Allowed interval of a number; open ends are exclusive.
struct Range {
    double lo, hi;
    bool lo_open = false, hi_open = false;
    std::string text;  // e.g. "> 0", "1..64"
};

// Typed reader over one table, e.g. [data] or [[run]] #2.
class TableReader {
public:
    TableReader(const toml::table& table, std::string where, std::string file);

    const toml::table& table() const { return table_; }
    const std::string& where() const { return where_; }
    const std::string& file() const { return file_; }

    // "FILE:LINE: " of a node (or of the table when the node has no source).
    std::string at(const toml::node* node) const;
    std::string atKey(const std::string& key) const;
    // Throws "FILE:LINE: key 'k' in [where]: message".
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;

    // Each reader returns false when the key is absent, else stores the value.
    bool readNumber(const std::string& key, double& out, const Range& range) const;
    bool readInt(const std::string& key, int64_t& out, const Range& range) const;
    bool readInt(const std::string& key, int& out, const Range& range) const;
    bool readBool(const std::string& key, bool& out) const;
    bool readString(const std::string& key, std::string& out) const;
    // A string that must be one of `names`; stores its index.
    bool readChoice(const std::string& key, const std::vector<std::string>& names, int& index) const;
    // An array of strings each of which must be one of `names` (with a did-you-mean on a typo).
    bool readChoices(const std::string& key, const std::vector<std::string>& names, std::vector<std::string>& out) const;
    // Array of numbers; `pairs_ok` also accepts [[x, y], ...] (flattened).
    bool readNumbers(const std::string& key, std::vector<double>& out, bool pairs_ok = false) const;
    bool readPair(const std::string& key, std::array<double, 2>& out) const;
    bool readInts(const std::string& key, std::vector<int>& out, const Range& range) const;

    // Throws for the first of `values` (read from `key`) outside `range`.
    void checkEach(const std::string& key, const std::vector<double>& values, const Range& range) const;

    // Throws for the first key not in `allowed` (with a suggestion).
    void rejectUnknown(const std::vector<std::string>& allowed) const;

private:
    const toml::node* find(const std::string& key) const;
    // Throws unless `value` is in `range`; `shown` is the value as the user wrote it.
    void checkRange(const std::string& key, long double value, const Range& range, const std::string& shown) const;

    const toml::table& table_;
    std::string where_;
    std::string file_;
};

// A readable name of a node's type ("a string", "an integer", ...).
std::string describeType(const toml::node& node);

// Shortest text that reads back to exactly `value`.
std::string formatNumber(double value);

// Where `text` holds a control character (C0, DEL or C1, e.g. ESC or a line break):
// "U+001B at character 3", or "" when it is plain text.
std::string controlCharacterIn(const std::string& text);

}  // namespace ganarium::detail
