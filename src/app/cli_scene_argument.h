// cli_scene_argument.h — turns a command-line scene argument into a validated
// SceneSpec: a path to a TOML file, or the word `default` (or nothing) for the
// scene embedded in the binary. Shared by `train` and `check`.
#pragma once

#include <string>

#include "core/scene_spec.h"

namespace ganarium {

// True for the words that name the embedded default scene ("" or "default").
bool isDefaultSceneArgument(const std::string& argument);

// Loads and validates the scene `argument` names, printing the progress of a big
// `csv` file to stderr. Throws SceneError (bad file content, a FIFO or device, a
// file too big) or UserError (missing file, a directory) with the fix.
SceneSpec loadSceneArgument(const std::string& argument);

}  // namespace ganarium
