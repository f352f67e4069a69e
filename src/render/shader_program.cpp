// shader_program.cpp — GLSL compile/link with hot reload and embedded fallback.
#include "render/shader_program.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

namespace ganarium::embedded_shaders {
const std::vector<std::pair<std::string, std::string>>& files();
}

namespace ganarium {

namespace {

long long fileMtime(const std::filesystem::path& path) {
    std::error_code ec;
    auto t = std::filesystem::last_write_time(path, ec);
    if (ec) return 0;
    return static_cast<long long>(t.time_since_epoch().count());
}

// Compiles one stage; returns 0 and fills `error` on failure.
GLuint compileStage(GLenum stage, const ShaderSource& source, std::string& error) {
    GLuint shader = glCreateShader(stage);
    const char* text = source.text.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return shader;
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<size_t>(length > 1 ? length : 1), '\0');
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    error = source.origin + ": " + log.c_str();
    glDeleteShader(shader);
    return 0;
}

}  // namespace

ShaderSource loadShaderSource(const std::string& dir, const std::string& name) {
    ShaderSource source;
    std::filesystem::path path = std::filesystem::path(dir) / name;
    std::ifstream in(path);
    if (!dir.empty() && in) {
        std::stringstream buffer;
        buffer << in.rdbuf();
        source.text = buffer.str();
        source.origin = path.string();
        source.mtime = fileMtime(path);
        return source;
    }
    for (const auto& [base, contents] : embedded_shaders::files()) {
        if (base == name) {
            source.text = contents;
            source.origin = "embedded:" + name;
            return source;
        }
    }
    return source;
}

std::string defaultShaderDir() {
#ifdef GANARIUM_SHADER_DIR
    return GANARIUM_SHADER_DIR;
#else
    return "";
#endif
}

ShaderProgram::ShaderProgram(std::string vertex_name, std::string fragment_name, std::string dir)
    : vertex_name_(std::move(vertex_name)), fragment_name_(std::move(fragment_name)), dir_(std::move(dir)) {
    reload();
}

ShaderProgram::~ShaderProgram() {
    if (program_) glDeleteProgram(program_);
}

bool ShaderProgram::reloadIfChanged() {
    namespace fs = std::filesystem;
    long long vm = dir_.empty() ? 0 : fileMtime(fs::path(dir_) / vertex_name_);
    long long fm = dir_.empty() ? 0 : fileMtime(fs::path(dir_) / fragment_name_);
    if (vm == vertex_mtime_ && fm == fragment_mtime_) return false;
    return reload();
}

bool ShaderProgram::reload() {
    ShaderSource vs = loadShaderSource(dir_, vertex_name_);
    ShaderSource fs = loadShaderSource(dir_, fragment_name_);
    vertex_mtime_ = vs.mtime;
    fragment_mtime_ = fs.mtime;
    if (vs.text.empty() || fs.text.empty()) {
        last_error_ = "shader source not found: " + (vs.text.empty() ? vertex_name_ : fragment_name_) +
                      " (looked in '" + dir_ + "' and the embedded copies)";
        return false;
    }
    std::string error;
    GLuint v = compileStage(GL_VERTEX_SHADER, vs, error);
    GLuint f = v ? compileStage(GL_FRAGMENT_SHADER, fs, error) : 0;
    if (!v || !f) {
        if (v) glDeleteShader(v);
        last_error_ = error;
        return false;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, v);
    glAttachShader(program, f);
    glLinkProgram(program);
    glDeleteShader(v);
    glDeleteShader(f);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
        std::string log(static_cast<size_t>(length > 1 ? length : 1), '\0');
        glGetProgramInfoLog(program, length, nullptr, log.data());
        last_error_ = "link " + vertex_name_ + " + " + fragment_name_ + ": " + log.c_str();
        glDeleteProgram(program);
        return false;
    }
    if (program_) glDeleteProgram(program_);
    program_ = program;
    last_error_.clear();
    return true;
}

void ShaderProgram::use() const { glUseProgram(program_); }

void ShaderProgram::setFloat(const char* name, float v) const {
    GLint loc = glGetUniformLocation(program_, name);
    if (loc >= 0) glUniform1f(loc, v);
}

void ShaderProgram::setInt(const char* name, int v) const {
    GLint loc = glGetUniformLocation(program_, name);
    if (loc >= 0) glUniform1i(loc, v);
}

void ShaderProgram::setVec2(const char* name, float x, float y) const {
    GLint loc = glGetUniformLocation(program_, name);
    if (loc >= 0) glUniform2f(loc, x, y);
}

void ShaderProgram::setVec4(const char* name, float x, float y, float z, float w) const {
    GLint loc = glGetUniformLocation(program_, name);
    if (loc >= 0) glUniform4f(loc, x, y, z, w);
}

}  // namespace ganarium
