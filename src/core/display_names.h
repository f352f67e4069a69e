// display_names.h — what a viewer reads for each scene-file keyword (objectives,
// Lipschitz methods, optimizers, activations, latent and data families, the
// Dirac-GAN's methods and update schemes, run kinds), in English and Chinese.
// Scene files keep the canonical keys; only combos, labels and panel titles
// show these names. Also picks a scene text's Chinese variant (`title_zh`, ...).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ganarium {

// The groups of keywords that have display names.
enum class NameGroup { Objective, Lipschitz, Optimizer, Activation, Latent, Family, DiracMethod, DiracScheme, RunKind };

// One keyword's display names.
struct DisplayName {
    NameGroup group;
    const char* key;  // canonical scene-file spelling ("non_saturating")
    const char* en;   // "Non-saturating"
    const char* zh;   // "非饱和"
};

// The display name of `key` in `group` (Chinese when `chinese`); `key` itself when it has none.
std::string displayName(NameGroup group, std::string_view key, bool chinese);

// Every row of the table (for tests: each canonical keyword needs one, with both names).
const std::vector<DisplayName>& displayNameTable();

// The canonical keywords of `group`, in declaration order (scene_spec.h / dirac_gan.h lists).
std::vector<std::string> groupKeys(NameGroup group);

// `zh` when `chinese` and it is not empty, else `en`: scene text with an optional Chinese variant.
const std::string& localizedText(const std::string& en, const std::string& zh, bool chinese);

}  // namespace ganarium
