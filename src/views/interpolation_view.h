// interpolation_view.h — the latent interpolation: G on ten z along the arc
// from the picked tile A's z to tile B's (`image_interpolation`), A and B
// marked at the ends. Before two tiles are picked it says what to click.
#pragma once

#include "views/image_strip_view.h"

namespace ganarium {

class InterpolationView : public ImageStripView {
public:
    void draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
              const ViewStyle& style, ImVec2 size) override;
};

}  // namespace ganarium
