// shader_files_fixture.h — test helpers for hot reload: a scratch copy of
// every embedded shader, and a rewrite that moves the file's mtime forward.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "render/shader_program.h"

namespace ganarium::test {

// A fresh folder `ganarium_shaders_<tag>_<pid>` holding a copy of every embedded shader.
inline std::filesystem::path copyShadersToTemp(const std::string& tag) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("ganarium_shaders_" + tag + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name : {"heatmap.vert", "heatmap.frag", "points.vert", "points.frag", "lines.vert",
                             "lines.frag", "arrows.vert"}) {
        ShaderSource s = loadShaderSource("", name);
        std::ofstream(dir / name) << s.text;
    }
    return dir;
}

// Rewrites `path` with `text` and moves its mtime clearly forward (coarse file-system clocks).
inline void rewriteShader(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::trunc) << text;
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
}

}  // namespace ganarium::test
