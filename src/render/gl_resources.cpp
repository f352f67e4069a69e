// gl_resources.cpp — textures, framebuffer, vertex batches, state guard.
#include "render/gl_resources.h"

#include <algorithm>

namespace ganarium {

Texture2D::Texture2D() { glGenTextures(1, &id_); }

Texture2D::~Texture2D() {
    if (id_) glDeleteTextures(1, &id_);
}

void Texture2D::uploadR32F(int w, int h, const float* values) {
    glBindTexture(GL_TEXTURE_2D, id_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, w, h, 0, GL_RED, GL_FLOAT, values);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    w_ = w;
    h_ = h;
}

void Texture2D::uploadRGBA8(int w, int h, const uint8_t* rgba, bool linear) {
    glBindTexture(GL_TEXTURE_2D, id_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    GLint filter = linear ? GL_LINEAR : GL_NEAREST;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    w_ = w;
    h_ = h;
}

void Texture2D::bind(int unit) const {
    glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + unit));
    glBindTexture(GL_TEXTURE_2D, id_);
}

Framebuffer::~Framebuffer() { release(); }

void Framebuffer::release() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (texture_) glDeleteTextures(1, &texture_);
    if (msaa_fbo_) glDeleteFramebuffers(1, &msaa_fbo_);
    if (msaa_rbo_) glDeleteRenderbuffers(1, &msaa_rbo_);
    fbo_ = texture_ = msaa_fbo_ = msaa_rbo_ = 0;
}

void Framebuffer::resize(int w, int h, int samples) {
    w = w < 1 ? 1 : w;
    h = h < 1 ? 1 : h;
    if (w == w_ && h == h_ && samples == samples_ && fbo_) return;
    release();
    w_ = w;
    h_ = h;
    samples_ = samples;
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    if (samples > 1) {
        glGenRenderbuffers(1, &msaa_rbo_);
        glBindRenderbuffer(GL_RENDERBUFFER, msaa_rbo_);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
        glGenFramebuffers(1, &msaa_fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaa_rbo_);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            glDeleteFramebuffers(1, &msaa_fbo_);
            glDeleteRenderbuffers(1, &msaa_rbo_);
            msaa_fbo_ = msaa_rbo_ = 0;
            samples_ = 0;
        }
    }
}

void Framebuffer::bindForDrawing() const {
    glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_ ? msaa_fbo_ : fbo_);
    glViewport(0, 0, w_, h_);
}

void Framebuffer::resolve() const {
    if (!msaa_fbo_) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_);
    glBlitFramebuffer(0, 0, w_, h_, 0, 0, w_, h_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

std::vector<uint8_t> Framebuffer::readPixelsTopDown() const {
    std::vector<uint8_t> bottom_up(static_cast<size_t>(w_) * h_ * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w_, h_, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    std::vector<uint8_t> top_down(bottom_up.size());
    size_t row = static_cast<size_t>(w_) * 4;
    for (int y = 0; y < h_; ++y)
        std::copy(bottom_up.begin() + static_cast<long>(row * (h_ - 1 - y)),
                  bottom_up.begin() + static_cast<long>(row * (h_ - y)), top_down.begin() + static_cast<long>(row * y));
    return top_down;
}

VertexBatch::VertexBatch() {
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
}

VertexBatch::~VertexBatch() {
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
}

void VertexBatch::attribute(int location, int components, int stride, int offset, bool per_instance) {
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glEnableVertexAttribArray(static_cast<GLuint>(location));
    glVertexAttribPointer(static_cast<GLuint>(location), components, GL_FLOAT, GL_FALSE,
                          stride * static_cast<GLsizei>(sizeof(float)),
                          reinterpret_cast<const void*>(static_cast<uintptr_t>(offset) * sizeof(float)));
    glVertexAttribDivisor(static_cast<GLuint>(location), per_instance ? 1 : 0);
    glBindVertexArray(0);
}

void VertexBatch::upload(const std::vector<float>& data) {
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    size_t bytes = data.size() * sizeof(float);
    if (bytes > capacity_) {
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data.data(), GL_DYNAMIC_DRAW);
        capacity_ = bytes;
    } else if (bytes > 0) {
        glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), data.data());
    }
}

void VertexBatch::bind() const { glBindVertexArray(vao_); }

void VertexBatch::bindBuffer() const { glBindBuffer(GL_ARRAY_BUFFER, vbo_); }

GlStateGuard::GlStateGuard() {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo_);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo_);
    glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao_);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &array_buffer_);
    glGetIntegerv(GL_ACTIVE_TEXTURE, &active_texture_);
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture_);
    glGetIntegerv(GL_VIEWPORT, viewport_);
    blend_ = glIsEnabled(GL_BLEND);
    scissor_ = glIsEnabled(GL_SCISSOR_TEST);
    depth_ = glIsEnabled(GL_DEPTH_TEST);
    cull_ = glIsEnabled(GL_CULL_FACE);
    glGetIntegerv(GL_BLEND_SRC_RGB, &blend_src_rgb_);
    glGetIntegerv(GL_BLEND_DST_RGB, &blend_dst_rgb_);
    glGetIntegerv(GL_BLEND_SRC_ALPHA, &blend_src_a_);
    glGetIntegerv(GL_BLEND_DST_ALPHA, &blend_dst_a_);
}

GlStateGuard::~GlStateGuard() {
    auto toggle = [](GLenum cap, GLboolean on) { on ? glEnable(cap) : glDisable(cap); };
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_fbo_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_fbo_));
    glUseProgram(static_cast<GLuint>(program_));
    glBindVertexArray(static_cast<GLuint>(vao_));
    glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(array_buffer_));
    glActiveTexture(static_cast<GLenum>(active_texture_));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture_));
    glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
    toggle(GL_BLEND, blend_);
    toggle(GL_SCISSOR_TEST, scissor_);
    toggle(GL_DEPTH_TEST, depth_);
    toggle(GL_CULL_FACE, cull_);
    glBlendFuncSeparate(static_cast<GLenum>(blend_src_rgb_), static_cast<GLenum>(blend_dst_rgb_),
                        static_cast<GLenum>(blend_src_a_), static_cast<GLenum>(blend_dst_a_));
}

}  // namespace ganarium
