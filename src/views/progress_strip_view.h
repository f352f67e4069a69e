// progress_strip_view.h — the lecture's "after 100, 1000, ... updates": G's
// pictures of the same few fixed z (rows) at the capture steps (columns),
// each column labelled with its step ("step 100", "1k", ...), the last one
// the current G ("now"). Draws the `image_progress` quantity.
#pragma once

#include "views/image_strip_view.h"

namespace ganarium {

class ProgressStripView : public ImageStripView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
};

}  // namespace ganarium
