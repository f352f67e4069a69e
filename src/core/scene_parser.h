// scene_parser.h — TOML scene files to validated SceneSpec, and back.
// Errors name the file, line and key, suggest the nearest valid key and give
// allowed ranges. The default scene is embedded in the binary.
#pragma once

#include <string>

#include "core/csv_points.h"
#include "core/errors.h"
#include "core/scene_spec.h"

namespace ganarium {

// How a scene is loaded; the defaults suit every caller but tests and the CLI's progress lines.
struct SceneLoadOptions {
    ProgressCallback progress;        // told how far a big `csv` file has been read; may be empty
    double available_memory = -1;     // bytes the runs may use; < 0: availableMemoryBytes(); 0: no check
    CsvLimits csv;                    // limits of `csv` points files
    uint64_t max_scene_bytes = kMaxSceneFileBytes;
};

// Parses and validates a scene file (a regular file of at most options.max_scene_bytes).
// Throws SceneError (file:line: key: problem).
SceneSpec loadSceneFile(const std::string& path, const SceneLoadOptions& options = {});

// Parses and validates scene text; `name` is used in error messages and relative CSV paths.
// Refuses nesting deeper than kMaxTomlNesting and runs that cannot fit in the available memory.
SceneSpec parseSceneText(const std::string& text, const std::string& name, const std::string& base_dir = ".",
                         const SceneLoadOptions& options = {});

// Writes a scene as TOML text that parseSceneText() reads back to an equal spec.
std::string sceneToToml(const SceneSpec& scene);

// The scene embedded in the binary (shown when `ganarium` gets no argument).
SceneSpec defaultScene();

// The embedded default scene's TOML text.
const std::string& defaultSceneText();

}  // namespace ganarium
