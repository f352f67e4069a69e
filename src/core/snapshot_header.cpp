// snapshot_header.cpp — a run snapshot's header from its RunSpec.
#include "core/snapshot_header.h"

#include <type_traits>

namespace ganarium {

RunSnapshot runSnapshotHeader(const RunSpec& spec, RunStatus status, const std::string& reason, int64_t step) {
    RunSnapshot out;
    out.name = spec.name.empty() ? runLabel(spec) : spec.name;
    out.name_zh = spec.name_zh;
    out.kind = runKindNames()[static_cast<size_t>(kindOf(spec))];
    std::visit(
        [&](const auto& o) {
            using Options = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<Options, DiracGanSpec>) {
                out.objective.clear();  // the name says the method; a toy objective name would mislead
                out.lipschitz = "none";
                out.critic = o.method == DiracMethod::WeightClip || o.method == DiracMethod::GradientPenalty;
            } else {
                out.objective = objectiveName(o.objective);
                out.lipschitz = lipschitzName(o.lipschitz);
                out.critic = isCriticObjective(o.objective);
                out.clip = o.lipschitz == Lipschitz::WeightClip ? o.clip : 0.0;
            }
        },
        spec.options);
    out.status = status;
    out.status_reason = reason;
    out.step = step;
    return out;
}

}  // namespace ganarium
