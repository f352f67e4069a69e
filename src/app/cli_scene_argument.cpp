// cli_scene_argument.cpp — scene argument resolution for the CLI subcommands.
#include "app/cli_scene_argument.h"

#include <sys/stat.h>

#include <algorithm>
#include <iostream>

#include "core/errors.h"
#include "core/regular_file.h"
#include "core/scene_parser.h"

namespace ganarium {

namespace {

// Prints "reading big.csv: 50% of 96.0 MB" to stderr at each quarter of a big points file.
ProgressCallback csvProgressPrinter() {
    return [last_quarter = 0](const ReadProgress& p) mutable {
        if (p.total_bytes == 0) return;
        const int quarter = static_cast<int>(4 * std::min(p.done_bytes, p.total_bytes) / p.total_bytes);
        if (quarter <= last_quarter) return;
        last_quarter = quarter;
        std::cerr << "reading " << p.path << ": " << 25 * quarter << "% of "
                  << describeBytes(static_cast<double>(p.total_bytes)) << '\n';
    };
}

}  // namespace

bool isDefaultSceneArgument(const std::string& argument) { return argument.empty() || argument == "default"; }

SceneSpec loadSceneArgument(const std::string& argument) {
    if (isDefaultSceneArgument(argument)) return defaultScene();
    struct stat info {};
    if (::stat(argument.c_str(), &info) != 0)
        throw UserError("scene file '" + argument +
                        "' not found. Give the path of a .toml scene (the shipped ones are in scenes/), "
                        "or `default` for the built-in scene.");
    if (S_ISDIR(info.st_mode))
        throw UserError("'" + argument + "' is a directory, not a scene file. Pick one of its .toml files.");
    SceneLoadOptions options;
    options.progress = csvProgressPrinter();
    return loadSceneFile(argument, options);
}

}  // namespace ganarium
