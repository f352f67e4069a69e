// offscreen_frame.cpp — FBO creation and PBO / immediate pixel readback with row flipping.
#include "app/offscreen_frame.h"

#include <glad/gl.h>

#include <cassert>
#include <cstring>
#include <string>
#include <vector>

#include "core/errors.h"

namespace ganarium {

namespace {

// Copies `height` rows of `row_bytes` from bottom-up `src` to top-down `dst`.
void copyFlipped(const uint8_t* src, uint8_t* dst, size_t row_bytes, int height) {
    for (int row = 0; row < height; ++row)
        std::memcpy(dst + static_cast<size_t>(height - 1 - row) * row_bytes, src + static_cast<size_t>(row) * row_bytes,
                    row_bytes);
}

}  // namespace

OffscreenFrame::OffscreenFrame(int width, int height) : width_(width), height_(height) {
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (width <= 0 || height <= 0 || width > max_size || height > max_size)
        throw UserError("the frame size " + std::to_string(width) + "x" + std::to_string(height) +
                        " is not possible here (the OpenGL driver allows up to " + std::to_string(max_size) +
                        " pixels per side); choose a smaller --size");
    glGenTextures(1, &color_);
    glBindTexture(GL_TEXTURE_2D, color_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glBindTexture(GL_TEXTURE_2D, 0);
    glGenRenderbuffers(1, &depth_);
    glBindRenderbuffer(GL_RENDERBUFFER, depth_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw UserError("the OpenGL driver cannot render offscreen at " + std::to_string(width) + "x" +
                        std::to_string(height) + " (framebuffer status " + std::to_string(status) +
                        "); try a smaller --size");
}

OffscreenFrame::~OffscreenFrame() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (depth_) glDeleteRenderbuffers(1, &depth_);
    if (color_) glDeleteTextures(1, &color_);
}

void OffscreenFrame::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, width_, height_);
}

void OffscreenFrame::unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

FrameReadback::FrameReadback(int width, int height) : width_(width), height_(height) {
    const auto bytes = static_cast<GLsizeiptr>(width) * height * 4;
    glGenBuffers(2, pbo_);
    for (unsigned pbo : pbo_) {
        glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
        glBufferData(GL_PIXEL_PACK_BUFFER, bytes, nullptr, GL_STREAM_READ);
    }
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
}

FrameReadback::~FrameReadback() { glDeleteBuffers(2, pbo_); }

void FrameReadback::startRead(int x, int y) {
    assert(queue_.size() < 2 && "take a pending read before starting a third");
    glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo_[next_]);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(x, y, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    queue_.push_back(next_);
    next_ = 1 - next_;
}

void FrameReadback::takeOldest(uint8_t* out) {
    assert(!queue_.empty());
    const int index = queue_.front();
    queue_.pop_front();
    const size_t row_bytes = static_cast<size_t>(width_) * 4;
    glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo_[index]);
    const auto* src = static_cast<const uint8_t*>(glMapBufferRange(
        GL_PIXEL_PACK_BUFFER, 0, static_cast<GLsizeiptr>(row_bytes) * height_, GL_MAP_READ_BIT));
    if (src) {
        copyFlipped(src, out, row_bytes, height_);
        glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
    } else {
        std::memset(out, 0, row_bytes * static_cast<size_t>(height_));
    }
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
}

void readPixelsTopDown(int x, int y, int width, int height, uint8_t* out) {
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    std::vector<uint8_t> bottom_up(row_bytes * static_cast<size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(x, y, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    copyFlipped(bottom_up.data(), out, row_bytes, height);
}

}  // namespace ganarium
