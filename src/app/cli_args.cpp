// cli_args.cpp — implementation of the shared command-line reader.
#include "app/cli_args.h"

#include "core/key_suggestions.h"

#include <cstdlib>
#include <sstream>

namespace ganarium {

namespace {
std::string listOptions(const std::set<std::string>& valued, const std::set<std::string>& flags) {
    std::ostringstream out;
    bool first = true;
    for (const auto& v : valued) { out << (first ? "" : ", ") << "--" << v << " VALUE"; first = false; }
    for (const auto& f : flags) { out << (first ? "" : ", ") << "--" << f; first = false; }
    return out.str();
}
}  // namespace

CliArgs::CliArgs(int argc, char** argv, int first, const std::set<std::string>& valued,
                 const std::set<std::string>& flags) {
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) { positional_.push_back(arg); continue; }
        std::string name = arg.substr(2), val;
        bool inline_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            val = name.substr(eq + 1); name = name.substr(0, eq); inline_value = true;
        }
        if (valued.count(name)) {
            if (!inline_value) {
                if (i + 1 >= argc) throw UserError("option --" + name + " needs a value");
                val = argv[++i];
            }
            values_[name] = val;
        } else if (flags.count(name) && !inline_value) {
            flags_.insert(name);
        } else {
            std::vector<std::string> known;
            for (const auto& v : valued) known.push_back("--" + v);
            for (const auto& f : flags) known.push_back("--" + f);
            const std::string nearest = nearestCandidate("--" + name, known);
            throw UserError("unknown option --" + name + (nearest.empty() ? "" : " (did you mean " + nearest + "?)") +
                            "; valid here: " + listOptions(valued, flags));
        }
    }
}

bool CliArgs::has(const std::string& name) const { return flags_.count(name) || values_.count(name); }

std::optional<std::string> CliArgs::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

long long CliArgs::integer(const std::string& name, long long fallback, long long lo, long long hi) const {
    auto v = value(name);
    if (!v) return fallback;
    char* end = nullptr;
    long long x = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || x < lo || x > hi)
        throw UserError("--" + name + " must be a whole number in [" + std::to_string(lo) + ", " +
                        std::to_string(hi) + "], got '" + *v + "'");
    return x;
}

double CliArgs::number(const std::string& name, double fallback, double lo, double hi) const {
    auto v = value(name);
    if (!v) return fallback;
    char* end = nullptr;
    double x = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || !(x >= lo && x <= hi)) {
        std::ostringstream msg;
        msg << "--" << name << " must be a number in [" << lo << ", " << hi << "], got '" << *v << "'";
        throw UserError(msg.str());
    }
    return x;
}

}  // namespace ganarium
