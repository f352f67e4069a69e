// offscreen_frame.h — a fixed-size render target (FBO with an RGBA8 colour
// texture and a depth/stencil buffer) that recordings draw into, and
// FrameReadback, which copies pixels of the bound read framebuffer back to
// memory through two pixel-buffer objects: the read of frame N is issued
// while frame N-1 is mapped and copied, so a real GPU never stalls the
// caller. glReadPixels is bottom-up; everything handed out here is top-down.
// Requires a current OpenGL 3.3 core context (glad loaded).
#pragma once

#include <cstdint>
#include <deque>

namespace ganarium {

class OffscreenFrame {
public:
    // Creates the framebuffer; throws UserError when the driver refuses the size.
    OffscreenFrame(int width, int height);
    ~OffscreenFrame();
    OffscreenFrame(const OffscreenFrame&) = delete;
    OffscreenFrame& operator=(const OffscreenFrame&) = delete;

    // Binds it for drawing and reading and sets the viewport to its size.
    void bind() const;
    // Binds the default framebuffer again.
    static void unbind();
    int width() const { return width_; }
    int height() const { return height_; }
    unsigned framebuffer() const { return fbo_; }
    unsigned colorTexture() const { return color_; }

private:
    int width_, height_;
    unsigned fbo_ = 0, color_ = 0, depth_ = 0;
};

// Double-buffered (PBO) readback of a width x height region into top-down RGBA.
class FrameReadback {
public:
    FrameReadback(int width, int height);
    ~FrameReadback();
    FrameReadback(const FrameReadback&) = delete;
    FrameReadback& operator=(const FrameReadback&) = delete;

    // Starts reading the region at (x, y) (GL bottom-left origin) of the bound
    // read framebuffer. At most two reads may be pending; take one first.
    void startRead(int x = 0, int y = 0);
    // Number of started reads not yet taken.
    int pending() const { return static_cast<int>(queue_.size()); }
    // Writes the oldest pending read to `out` (width*height*4 bytes, top row first).
    void takeOldest(uint8_t* out);
    int width() const { return width_; }
    int height() const { return height_; }

private:
    int width_, height_;
    unsigned pbo_[2] = {0, 0};
    int next_ = 0;
    std::deque<int> queue_;
};

// Immediate readback of a region of the bound read framebuffer into top-down RGBA (no PBO).
void readPixelsTopDown(int x, int y, int width, int height, uint8_t* out);

}  // namespace ganarium
