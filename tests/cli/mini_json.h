// mini_json.h — a strict little JSON reader for the CLI tests: enough to
// check that `ganarium train --metrics FILE.json` writes a well-formed
// document of the promised shape. Throws std::runtime_error on bad syntax.
#pragma once

#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace ganarium::test {

// One JSON value.
struct Json {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Json> array;
    std::map<std::string, Json> object;
    // Member lookup; throws when absent or not an object.
    const Json& at(const std::string& key) const {
        if (type != Type::Object) throw std::runtime_error("not an object (looking up '" + key + "')");
        auto it = object.find(key);
        if (it == object.end()) throw std::runtime_error("missing key '" + key + "'");
        return it->second;
    }
    bool has(const std::string& key) const { return type == Type::Object && object.count(key) > 0; }
};

// Recursive-descent parser over one text.
class JsonReader {
public:
    explicit JsonReader(const std::string& text) : s_(text) {}
    // Parses the whole text as one value (trailing whitespace only).
    Json parseDocument() {
        Json v = value();
        skipSpace();
        if (i_ != s_.size()) fail("trailing characters");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("JSON error at offset " + std::to_string(i_) + ": " + what);
    }
    void skipSpace() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    bool consume(const std::string& word) {
        if (s_.compare(i_, word.size(), word) != 0) return false;
        i_ += word.size();
        return true;
    }
    void expect(char c) {
        skipSpace();
        if (i_ >= s_.size() || s_[i_] != c) fail(std::string("expected '") + c + "'");
        ++i_;
    }
    std::string stringLiteral() {
        expect('"');
        std::string out;
        while (i_ < s_.size() && s_[i_] != '"') {
            char c = s_[i_++];
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
            if (c == '\\') {
                if (i_ >= s_.size()) fail("bad escape");
                char e = s_[i_++];
                switch (e) {
                    case 'n': out += '\n'; break;
                    case 't': out += '\t'; break;
                    case 'r': out += '\r'; break;
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case 'u': i_ += 4; out += '?'; break;
                    case '"': case '\\': case '/': out += e; break;
                    default: fail("bad escape");
                }
            } else {
                out += c;
            }
        }
        if (i_ >= s_.size()) fail("unterminated string");
        ++i_;
        return out;
    }
    Json value() {
        skipSpace();
        if (i_ >= s_.size()) fail("unexpected end");
        Json v;
        const char c = s_[i_];
        if (c == '{') {
            v.type = Json::Type::Object;
            ++i_;
            skipSpace();
            if (i_ < s_.size() && s_[i_] == '}') { ++i_; return v; }
            do {
                std::string key = stringLiteral();
                expect(':');
                v.object[key] = value();
                skipSpace();
            } while (i_ < s_.size() && s_[i_] == ',' && ++i_);
            expect('}');
        } else if (c == '[') {
            v.type = Json::Type::Array;
            ++i_;
            skipSpace();
            if (i_ < s_.size() && s_[i_] == ']') { ++i_; return v; }
            do {
                v.array.push_back(value());
                skipSpace();
            } while (i_ < s_.size() && s_[i_] == ',' && ++i_);
            expect(']');
        } else if (c == '"') {
            v.type = Json::Type::String;
            v.string = stringLiteral();
        } else if (consume("null")) {
            v.type = Json::Type::Null;
        } else if (consume("true") || consume("false")) {
            v.type = Json::Type::Bool;
            v.boolean = s_[i_ - 1] == 'e' && s_[i_ - 2] == 'u';
        } else {
            if (c != '-' && !std::isdigit(static_cast<unsigned char>(c))) fail("expected a value");
            const char* start = s_.c_str() + i_;
            char* end = nullptr;
            v.number = std::strtod(start, &end);
            const std::string token(start, static_cast<std::size_t>(end - start));
            if (end == start || token.find_first_of("nNiI") != std::string::npos) fail("bad number");
            v.type = Json::Type::Number;
            i_ += static_cast<std::size_t>(end - start);
        }
        return v;
    }

    const std::string& s_;
    std::size_t i_ = 0;
};

}  // namespace ganarium::test
