// scene_parser.h — TOML scene files to validated SceneSpec, and back.
// Errors name the file, line and key, suggest the nearest valid key and give
// allowed ranges. The default scene is embedded in the binary.
#pragma once

#include <string>

#include "core/errors.h"
#include "core/scene_spec.h"

namespace ganarium {

// Parses and validates a scene file. Throws SceneError (file:line: key: problem).
SceneSpec loadSceneFile(const std::string& path);

// Parses and validates scene text; `name` is used in error messages and relative CSV paths.
SceneSpec parseSceneText(const std::string& text, const std::string& name, const std::string& base_dir = ".");

// Writes a scene as TOML text that parseSceneText() reads back to an equal spec.
std::string sceneToToml(const SceneSpec& scene);

// The scene embedded in the binary (shown when `ganarium` gets no argument).
SceneSpec defaultScene();

// The embedded default scene's TOML text.
const std::string& defaultSceneText();

}  // namespace ganarium
