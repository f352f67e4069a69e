// shader_program.h — a GLSL program built from two files in shaders/
// (vertex + fragment), hot-reloaded when a file's mtime changes, with the
// build-time embedded copy as fallback. A failed compile/link keeps the last
// good program and exposes the error text for the UI.
#pragma once

#include <string>

#include "render/gl.h"

namespace ganarium {

// Where shader sources come from: a folder on disk (hot reload) with the
// embedded copies behind it.
struct ShaderSource {
    std::string text;
    std::string origin;   // file path, or "embedded:<name>"
    long long mtime = 0;  // 0 for embedded
};

// Reads `name` from `dir` if present, else the embedded copy; empty text if neither exists.
ShaderSource loadShaderSource(const std::string& dir, const std::string& name);

// The default shader folder (the source tree's shaders/, for hot reload).
std::string defaultShaderDir();

class ShaderProgram {
public:
    // Builds the program from `vertex_name` and `fragment_name` (basenames in `dir`).
    ShaderProgram(std::string vertex_name, std::string fragment_name, std::string dir = defaultShaderDir());
    ~ShaderProgram();
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;

    // Rebuilds if a source file changed on disk since the last attempt; returns true if it rebuilt successfully.
    bool reloadIfChanged();
    // Rebuilds unconditionally from the current sources; false (last good program kept) on error.
    bool reload();
    // True when a usable program exists (a good build happened at least once).
    bool valid() const { return program_ != 0; }
    // Compile/link error of the latest attempt ("" when it succeeded).
    const std::string& lastError() const { return last_error_; }
    // The GL program name (0 if never built).
    GLuint id() const { return program_; }
    // glUseProgram on the last good program.
    void use() const;

    // Uniform setters on the bound program (no-ops for names the program lacks).
    void setFloat(const char* name, float v) const;
    void setInt(const char* name, int v) const;
    void setVec2(const char* name, float x, float y) const;
    void setVec4(const char* name, float x, float y, float z, float w) const;

private:
    std::string vertex_name_, fragment_name_, dir_;
    long long vertex_mtime_ = -1, fragment_mtime_ = -1;
    GLuint program_ = 0;
    std::string last_error_;
};

}  // namespace ganarium
