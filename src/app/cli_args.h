// cli_args.h — a small command-line reader shared by every subcommand:
// positional arguments plus --flag / --key value / --key=value options,
// with errors that name the bad option and list the valid ones.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/errors.h"

namespace ganarium {

class CliArgs {
public:
    // Parses argv[first..argc). `valued` options take a value, `flags` do not. Throws UserError on unknown options.
    CliArgs(int argc, char** argv, int first, const std::set<std::string>& valued, const std::set<std::string>& flags);
    // Positional arguments in order.
    const std::vector<std::string>& positional() const { return positional_; }
    // True when the flag (or valued option) was given.
    bool has(const std::string& name) const;
    // The option's value if given.
    std::optional<std::string> value(const std::string& name) const;
    // The option as an integer in [lo, hi], or `fallback` if absent. Throws UserError naming the option.
    long long integer(const std::string& name, long long fallback, long long lo, long long hi) const;
    // The option as a number in [lo, hi], or `fallback` if absent. Throws UserError naming the option.
    double number(const std::string& name, double fallback, double lo, double hi) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
};

}  // namespace ganarium
