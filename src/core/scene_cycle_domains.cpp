// scene_cycle_domains.cpp — reads a CycleGAN run's two data tables,
// [run.domain_x] and [run.domain_y], with the [data] table's reader; each is a
// 2D family (a missing table keeps the default ring of 8).
#include "core/distribution.h"
#include "core/scene_sections.h"

namespace ganarium::detail {

void parseCycleDomains(const TableReader& r, CycleGanSpec& cycle, const std::string& base_dir,
                       const SceneLoadOptions& options) {
    for (const char* key : {"domain_x", "domain_y"}) {
        const toml::node* node = r.table().get(key);
        if (!node) continue;
        if (!node->is_table())
            r.fail(key, std::string("expected a [run.") + key + "] table (e.g. family = \"ring\"), got " + describeType(*node));
        TableReader dr(*node->as_table(), r.where() + " [run." + key + "]", r.file());
        DataSpec domain = parseDataTable(dr, base_dir, options);
        if (familyDimension(domain.family) != 2)
            r.fail(key, std::string("family '") + familyName(domain.family) +
                            "' is 1D; a CycleGAN domain is 2D (e.g. ring, grid, two_moons, blobs)");
        try {
            makeDistribution(domain);
        } catch (const SceneError& e) {
            throw SceneError(dr.at(nullptr) + e.what());
        }
        (std::string(key) == "domain_x" ? cycle.domain_x : cycle.domain_y) = domain;
    }
}

}  // namespace ganarium::detail
