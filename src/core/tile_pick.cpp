// tile_pick.cpp — the A-then-B rule of picking sample tiles.
#include "core/tile_pick.h"

namespace ganarium {

std::vector<int> tilesAfterClick(const std::vector<int>& current, int tile) {
    if (tile < 0 || tile >= kPickableTiles) return {};
    if (current.size() == 1) {
        if (current[0] == tile) return current;
        return {current[0], tile};
    }
    return {tile};
}

}  // namespace ganarium
