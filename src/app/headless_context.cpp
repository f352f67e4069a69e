// headless_context.cpp — hidden GLFW window or EGL surfaceless (Mesa) context.
#include "app/headless_context.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#define EGL_NO_X11
#define MESA_EGL_NO_X11_HEADERS
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstdlib>

#include "core/errors.h"

namespace ganarium {

struct HeadlessContext::Impl {
    GLFWwindow* window = nullptr;  // GLFW path
    bool glfw_initialised = false;
    EGLDisplay display = EGL_NO_DISPLAY;  // EGL path
    EGLContext context = EGL_NO_CONTEXT;

    ~Impl() {
        if (window) glfwDestroyWindow(window);
        if (glfw_initialised) glfwTerminate();
        if (display != EGL_NO_DISPLAY) {
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
            eglTerminate(display);
        }
    }
};

namespace {

std::string lastGlfwError() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description ? description : "unknown GLFW error";
}

// Hidden GLFW window with a 3.3 core context; fills `why` and returns null on failure.
std::unique_ptr<HeadlessContext::Impl> createGlfw(std::string& why) {
    auto impl = std::make_unique<HeadlessContext::Impl>();
    if (!glfwInit()) {
        why = "GLFW: " + lastGlfwError();
        return nullptr;
    }
    impl->glfw_initialised = true;
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    impl->window = glfwCreateWindow(64, 64, "ganarium record", nullptr, nullptr);
    if (!impl->window) {
        why = "GLFW: " + lastGlfwError();
        return nullptr;
    }
    glfwMakeContextCurrent(impl->window);
    glfwSwapInterval(0);
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
        why = "GLFW: could not load the OpenGL 3.3 functions";
        return nullptr;
    }
    return impl;
}

// EGL surfaceless display + 3.3 core context; fills `why` and returns null on failure.
std::unique_ptr<HeadlessContext::Impl> createEgl(std::string& why) {
    auto impl = std::make_unique<HeadlessContext::Impl>();
    impl->display = eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (impl->display == EGL_NO_DISPLAY) {
        why = "EGL: no surfaceless platform (Mesa's EGL_MESA_platform_surfaceless is missing)";
        return nullptr;
    }
    EGLint major = 0, minor = 0;
    if (!eglInitialize(impl->display, &major, &minor)) {
        impl->display = EGL_NO_DISPLAY;
        why = "EGL: eglInitialize failed (EGL error " + std::to_string(eglGetError()) + ")";
        return nullptr;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
        why = "EGL: desktop OpenGL is not available";
        return nullptr;
    }
    const EGLint config_attributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8,
                                        EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    if (!eglChooseConfig(impl->display, config_attributes, &config, 1, &count) || count < 1) config = nullptr;
    const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                         EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                         EGL_NONE};
    impl->context = eglCreateContext(impl->display, config, EGL_NO_CONTEXT, context_attributes);
    if (impl->context == EGL_NO_CONTEXT) {
        why = "EGL: could not create an OpenGL 3.3 core context";
        return nullptr;
    }
    if (!eglMakeCurrent(impl->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl->context)) {
        why = "EGL: surfaceless eglMakeCurrent failed";
        return nullptr;
    }
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress))) {
        why = "EGL: could not load the OpenGL 3.3 functions";
        return nullptr;
    }
    return impl;
}

}  // namespace

HeadlessContext::HeadlessContext(std::unique_ptr<Impl> impl, std::string backend_name)
    : impl_(std::move(impl)), backend_name_(std::move(backend_name)) {}

HeadlessContext::~HeadlessContext() = default;

std::unique_ptr<HeadlessContext> HeadlessContext::create(HeadlessBackend backend) {
    std::string glfw_why, egl_why;
    const char* display = std::getenv("DISPLAY");
    const bool has_display = display && *display;
    if (backend == HeadlessBackend::GlfwHidden || (backend == HeadlessBackend::Auto && has_display)) {
        if (auto impl = createGlfw(glfw_why))
            return std::unique_ptr<HeadlessContext>(new HeadlessContext(std::move(impl), "GLFW hidden window"));
    } else if (backend == HeadlessBackend::Auto) {
        glfw_why = "no X display ($DISPLAY is not set)";
    }
    if (backend != HeadlessBackend::GlfwHidden) {
        if (auto impl = createEgl(egl_why))
            return std::unique_ptr<HeadlessContext>(new HeadlessContext(std::move(impl), "EGL surfaceless"));
    }
    std::string message = "cannot create an offscreen OpenGL 3.3 context for recording";
    if (!glfw_why.empty()) message += "; " + glfw_why;
    if (!egl_why.empty()) message += "; " + egl_why;
    message +=
        ". Fix: install Mesa's drivers (sudo apt-get install libgl1-mesa-dri libegl1), or run under a virtual "
        "display: xvfb-run -a -s '-screen 0 1280x720x24' ganarium record ...";
    throw UserError(message);
}

void HeadlessContext::makeCurrent() {
    if (impl_->window) glfwMakeContextCurrent(impl_->window);
    if (impl_->context != EGL_NO_CONTEXT)
        eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context);
}

std::string HeadlessContext::rendererDescription() const {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string(renderer ? renderer : "?") + ", " + (version ? version : "?");
}

}  // namespace ganarium
