// cli_distributed.cpp — reading the data-parallel options and the job text the ranks compare.
#include "app/cli_distributed.h"

#include <cstdlib>

#include "core/checkpoint_header.h"
#include "core/errors.h"
#include "core/scene_parser.h"

namespace ganarium {

namespace {

// The variable's value, or nullopt when unset or empty.
std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

long long integerFrom(const std::string& text, const std::string& what, long long lo, long long hi) {
    try {
        size_t used = 0;
        const long long value = std::stoll(text, &used);
        if (used == text.size() && value >= lo && value <= hi) return value;
    } catch (const std::exception&) {
    }
    throw UserError(what + " must be a whole number between " + std::to_string(lo) + " and " + std::to_string(hi) +
                    ", got '" + text + "'.");
}

// An option's value, else the environment variable's; `what` names both for messages.
std::optional<std::string> optionOrEnvironment(const CliArgs& args, const char* option, const char* variable,
                                               std::string& what) {
    if (auto value = args.value(option)) {
        what = std::string("--") + option;
        return value;
    }
    what = variable;
    return environment(variable);
}

}  // namespace

std::optional<DistributedOptions> distributedOptionsFrom(const CliArgs& args) {
    DistributedOptions o;
    std::string what;
    if (auto text = optionOrEnvironment(args, "world-size", "WORLD_SIZE", what))
        o.world_size = static_cast<int>(integerFrom(*text, what, 1, 4096));
    if (auto text = optionOrEnvironment(args, "rank", "RANK", what))
        o.rank = static_cast<int>(integerFrom(*text, what, 0, 4095));
    if (auto master = args.value("master")) {
        const size_t colon = master->rfind(':');
        if (colon == std::string::npos || colon == 0)
            throw UserError("--master must be HOST:PORT (e.g. 10.0.0.1:29500), got '" + *master + "'.");
        o.master_host = master->substr(0, colon);
        o.master_port = static_cast<int>(integerFrom(master->substr(colon + 1), "--master's port", 1, 65535));
    } else {
        if (auto host = environment("MASTER_ADDR")) o.master_host = *host;
        if (auto port = environment("MASTER_PORT")) o.master_port = static_cast<int>(integerFrom(*port, "MASTER_PORT", 1, 65535));
    }
    o.timeout_s = args.number("timeout", o.timeout_s, 1, 86400);
    if (o.rank >= o.world_size)
        throw UserError("the rank (--rank or RANK) must be between 0 and " + std::to_string(o.world_size - 1) +
                        " for a world size of " + std::to_string(o.world_size) + ", got " + std::to_string(o.rank) + ".");
    if (o.world_size == 1) return std::nullopt;
    return o;
}

std::string distributedJob(const SceneSpec& scene, int64_t steps) {
    const std::string text = sceneToToml(scene);
    return "scene = \"" + scene.title + "\" (crc32 " + std::to_string(crc32Of(text)) + ")\nseed = " +
           std::to_string(scene.seed) + "\nsteps = " + std::to_string(steps) + "\n";
}

}  // namespace ganarium
