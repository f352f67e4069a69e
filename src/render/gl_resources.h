// gl_resources.h — small RAII owners of OpenGL objects: textures (float
// fields, RGBA8 images), an offscreen RGBA8 framebuffer with optional MSAA
// resolve, and a vertex array with one dynamic vertex buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "render/gl.h"

namespace ganarium {

// A 2D texture; float single-channel (GL_R32F) or RGBA8.
class Texture2D {
public:
    Texture2D();
    ~Texture2D();
    Texture2D(const Texture2D&) = delete;
    Texture2D& operator=(const Texture2D&) = delete;

    // Uploads w x h floats (row 0 first) as GL_R32F, linear filtering, clamp to edge.
    void uploadR32F(int w, int h, const float* values);
    // Uploads w x h RGBA8 pixels (row 0 first); `linear` picks GL_LINEAR vs GL_NEAREST filtering.
    void uploadRGBA8(int w, int h, const uint8_t* rgba, bool linear);
    // Binds to texture unit `unit`.
    void bind(int unit) const;
    GLuint id() const { return id_; }
    int width() const { return w_; }
    int height() const { return h_; }

private:
    GLuint id_ = 0;
    int w_ = 0, h_ = 0;
};

// Offscreen colour target: RGBA8 texture (+ a multisampled renderbuffer that
// is resolved into it when samples > 1).
class Framebuffer {
public:
    Framebuffer() = default;
    ~Framebuffer();
    Framebuffer(const Framebuffer&) = delete;
    Framebuffer& operator=(const Framebuffer&) = delete;

    // (Re)creates storage when the size or sample count changes; falls back to no MSAA if unsupported.
    void resize(int w, int h, int samples = 0);
    // Binds for drawing and sets the viewport to the full target.
    void bindForDrawing() const;
    // Copies the multisampled image into the texture (no-op without MSAA).
    void resolve() const;
    // Reads the resolved colour as RGBA8, top row first.
    std::vector<uint8_t> readPixelsTopDown() const;
    GLuint texture() const { return texture_; }
    int width() const { return w_; }
    int height() const { return h_; }
    int samples() const { return samples_; }

private:
    void release();
    GLuint fbo_ = 0, texture_ = 0;
    GLuint msaa_fbo_ = 0, msaa_rbo_ = 0;
    int w_ = 0, h_ = 0, samples_ = 0;
};

// Vertex array + one vertex buffer with interleaved float attributes.
class VertexBatch {
public:
    VertexBatch();
    ~VertexBatch();
    VertexBatch(const VertexBatch&) = delete;
    VertexBatch& operator=(const VertexBatch&) = delete;

    // Declares attribute `location` with `components` floats at float `offset` in a `stride`-float record;
    // `per_instance` sets a divisor of 1.
    void attribute(int location, int components, int stride, int offset, bool per_instance = false);
    // Replaces the buffer contents.
    void upload(const std::vector<float>& data);
    // Binds the vertex array.
    void bind() const;
    // Binds the buffer (to declare attributes on it).
    void bindBuffer() const;

private:
    GLuint vao_ = 0, vbo_ = 0;
    size_t capacity_ = 0;
};

// Saves the framebuffer, program, vertex array, buffer and texture bindings, viewport, blend, scissor,
// depth and cull state, and restores them on destruction.
class GlStateGuard {
public:
    GlStateGuard();
    ~GlStateGuard();
    GlStateGuard(const GlStateGuard&) = delete;
    GlStateGuard& operator=(const GlStateGuard&) = delete;

private:
    GLint draw_fbo_ = 0, read_fbo_ = 0, program_ = 0, vao_ = 0, array_buffer_ = 0, texture_ = 0, active_texture_ = 0;
    GLint viewport_[4] = {0, 0, 0, 0};
    GLboolean blend_ = GL_FALSE, scissor_ = GL_FALSE, depth_ = GL_FALSE, cull_ = GL_FALSE;
    GLint blend_src_rgb_ = 0, blend_dst_rgb_ = 0, blend_src_a_ = 0, blend_dst_a_ = 0;
};

}  // namespace ganarium
