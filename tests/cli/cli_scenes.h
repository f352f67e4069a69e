// cli_scenes.h — scene texts the CLI tests share.
#pragma once

#include <string>

namespace ganarium::test {

// Two tiny DCGANs (width 4, z of 8, batch 8) on 300 trousers and sneakers: non-saturating and hinge + SN.
// `extra_scene_keys` goes into [scene] (e.g. "checkpoint_every = 2\n").
inline std::string tinyImageScene(const std::string& title, int steps, int metrics_every,
                                  const std::string& extra_scene_keys = "") {
    return "[scene]\ntitle = \"" + title + "\"\nseed = 4\nsteps = " + std::to_string(steps) +
           "\nmetrics_every = " + std::to_string(metrics_every) + "\nthreads = 1\n" + extra_scene_keys + R"(
[defaults]
kind = "image_gan"
width = 4
latent_dim = 8
batch = 8
classes = [1, 7]
subset = 300

[[run]]
name = "NS"
kind = "image_gan"
objective = "non_saturating"

[[run]]
name = "Hinge SN"
kind = "image_gan"
objective = "hinge"
lipschitz = "sn"
)";
}

}  // namespace ganarium::test
