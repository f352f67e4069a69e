// neighbour_view.h — the memorisation check: the picked sample A beside its
// nearest training image (L2 over pixels, brightness in [0, 1]) and their
// distance, then a typical test image beside its nearest training image and
// theirs, for scale (`image_neighbour`). A copying G shows a distance far
// below the test image's.
#pragma once

#include "views/image_strip_view.h"

namespace ganarium {

class NeighbourView : public ImageStripView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
};

}  // namespace ganarium
