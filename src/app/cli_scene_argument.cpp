// cli_scene_argument.cpp — scene argument resolution for the CLI subcommands.
#include "app/cli_scene_argument.h"

#include <sys/stat.h>

#include "core/errors.h"
#include "core/scene_parser.h"

namespace ganarium {

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
    return loadSceneFile(argument);
}

}  // namespace ganarium
