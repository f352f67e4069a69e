// toml_nesting.cpp — a small state machine over TOML text that tracks key
// context vs value context, strings and comments, and measures nesting.
#include "core/toml_nesting.h"

#include <vector>

#include "core/errors.h"

namespace ganarium {
namespace {

// Where the scanner is: reading a key, a [header], or a value.
enum class Context { Key, Header, Value };

// One open '[' or '{' of a value, with the level of its contents' container.
struct OpenBracket {
    char bracket;
    int level;
};

class NestingScanner {
public:
    NestingScanner(std::string_view text, int stop_above) : text_(text), stop_above_(stop_above) {}

    // Scans until the end or until the depth exceeds stop_above; returns the deepest level.
    int run() {
        while (pos_ < text_.size() && deepest_ <= stop_above_) step();
        return deepest_;
    }
    int deepestLine() const { return deepest_line_; }
    int nonAsciiLine() const { return non_ascii_line_; }

private:
    void note(int level) {
        if (level > deepest_) {
            deepest_ = level;
            deepest_line_ = line_;
        }
    }
    int keyBase() const { return open_.empty() ? table_level_ : open_.back().level; }
    bool startsWith(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }

    // Skips a string starting at pos_ (one of " ' """ '''), counting its newlines.
    void skipString() {
        const char quote = text_[pos_];
        const bool multi = startsWith(quote == '"' ? "\"\"\"" : "'''");
        pos_ += multi ? 3 : 1;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\\' && quote == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++line_;
                pos_ += 2;
                continue;
            }
            if (c == '\n') {
                if (!multi) return;  // unterminated: toml++ reports it
                ++line_;
            }
            if (c == quote && (!multi || startsWith(quote == '"' ? "\"\"\"" : "'''"))) {
                pos_ += multi ? 3 : 1;
                while (multi && pos_ < text_.size() && text_[pos_] == quote) ++pos_;  // """a"""" ends with a quote
                return;
            }
            ++pos_;
        }
    }

    void newline() {
        ++line_;
        line_has_content_ = false;
        if (open_.empty()) {
            context_ = Context::Key;
            segments_ = 1;
        }
    }

    void inKey(char c) {
        if (c == '.') {
            ++segments_;
            note(keyBase() + segments_);
        } else if (c == '=') {
            value_level_ = keyBase() + segments_;
            note(value_level_);
            context_ = Context::Value;
            segments_ = 1;
        } else if (c == '[' && open_.empty() && !line_has_content_) {
            context_ = Context::Header;
            array_header_ = pos_ + 1 < text_.size() && text_[pos_ + 1] == '[';
            if (array_header_) ++pos_;
            segments_ = 1;
        } else if (c == '}' && !open_.empty() && open_.back().bracket == '{') {
            open_.pop_back();  // an empty inline table {}
            context_ = Context::Value;
        }
    }

    void inHeader(char c) {
        if (c == '.') {
            ++segments_;
            note(segments_ + (array_header_ ? 1 : 0));
        } else if (c == ']') {
            table_level_ = segments_ + (array_header_ ? 1 : 0);
            note(table_level_);
            context_ = Context::Key;  // the rest of the line is a comment at most
            segments_ = 1;
        }
    }

    void inValue(char c) {
        if (c == '[' || c == '{') {
            const int level = (!open_.empty() && open_.back().bracket == '[') ? open_.back().level + 1 : value_level_;
            open_.push_back({c, level});
            note(level + 1);
            if (c == '{') {
                context_ = Context::Key;
                segments_ = 1;
            }
        } else if ((c == ']' || c == '}') && !open_.empty()) {
            open_.pop_back();
            if (!open_.empty() && open_.back().bracket == '{') value_level_ = open_.back().level;
        } else if (c == ',' && !open_.empty() && open_.back().bracket == '{') {
            context_ = Context::Key;
            segments_ = 1;
        }
    }

    void step() {
        const char c = text_[pos_];
        if (c == '\n') {
            newline();
            ++pos_;
            return;
        }
        if (c == '#') {
            while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
            return;
        }
        if (c == '"' || c == '\'') {
            line_has_content_ = true;
            skipString();
            return;
        }
        if (static_cast<unsigned char>(c) >= 0x80 && non_ascii_line_ == 0) non_ascii_line_ = line_;
        if (context_ == Context::Key) inKey(c);
        else if (context_ == Context::Header) inHeader(c);
        else inValue(c);
        if (c != ' ' && c != '\t' && c != '\r') line_has_content_ = true;
        ++pos_;
    }

    std::string_view text_;
    int stop_above_;
    size_t pos_ = 0;
    int line_ = 1;
    bool line_has_content_ = false;
    Context context_ = Context::Key;
    int segments_ = 1;           // parts of the key or header being read
    bool array_header_ = false;  // the header being read is [[...]]
    int table_level_ = 0;        // level of the current [table]'s keys
    int value_level_ = 0;        // level of the value after the last '='
    std::vector<OpenBracket> open_;
    int deepest_ = 0;
    int deepest_line_ = 1;
    int non_ascii_line_ = 0;     // first line with a non-ASCII byte outside strings and comments (0 = none)
};

}  // namespace

int tomlNestingDepth(std::string_view text, int stop_above, int& line) {
    NestingScanner scanner(text, stop_above);
    const int depth = scanner.run();
    line = scanner.deepestLine();
    return depth;
}

void requireTomlNestingAtMost(std::string_view text, const std::string& name, int max_depth) {
    int line = 1;
    NestingScanner scanner(text, max_depth);
    const int depth = scanner.run();
    line = scanner.deepestLine();
    // toml++ 3.3 reaches __builtin_unreachable on a non-ASCII byte outside a string (upstream #190/#295);
    // TOML only allows ASCII in bare keys anyway.
    if (depth <= max_depth && scanner.nonAsciiLine() > 0)
        throw SceneError(name + ":" + std::to_string(scanner.nonAsciiLine()) +
                         ": a non-ASCII character outside a quoted string; keys are ASCII (put text such as "
                         "titles in quotes: title = \"...\")");
    if (depth > max_depth)
        throw SceneError(name + ":" + std::to_string(line) + ": tables, dotted keys or arrays nest more than " +
                         std::to_string(max_depth) +
                         " levels deep here; a scene needs at most a few (e.g. [run.fixed_data] or "
                         "points = [[x, y], ...]): flatten the keys");
}

}  // namespace ganarium
