// headless_context.h — an offscreen OpenGL 3.3 core context for recording
// without a visible window: a hidden GLFW window when an X display exists
// (Xvfb included), otherwise EGL surfaceless through Mesa (no X at all).
// Rendering goes to an OffscreenFrame (FBO), never to a window surface.
// Loads the glad GL entry points for the new context.
#pragma once

#include <memory>
#include <string>

namespace ganarium {

// Which way to get a context; Auto tries GLFW when $DISPLAY is set, then EGL.
enum class HeadlessBackend { Auto, GlfwHidden, EglSurfaceless };

class HeadlessContext {
public:
    // Creates the context and makes it current on this thread. Throws UserError with the fix.
    static std::unique_ptr<HeadlessContext> create(HeadlessBackend backend = HeadlessBackend::Auto);
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    // Makes the context current on the calling thread again.
    void makeCurrent();
    // "GLFW hidden window" or "EGL surfaceless", for logs.
    const std::string& backendName() const { return backend_name_; }
    // GL_RENDERER and GL_VERSION, e.g. "llvmpipe (LLVM 15.0.6, 256 bits), 4.5 (Core Profile) Mesa 22.3.6".
    std::string rendererDescription() const;

    struct Impl;  // opaque: GLFW or EGL handles

private:
    explicit HeadlessContext(std::unique_ptr<Impl> impl, std::string backend_name);
    std::unique_ptr<Impl> impl_;
    std::string backend_name_;
};

}  // namespace ganarium
