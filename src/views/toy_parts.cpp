// toy_parts.cpp — name look-ups of the toy quantities.
#include "views/toy_parts.h"

namespace ganarium {

ToyParts findToyParts(const RunSnapshot& run) {
    namespace q = quantity_names;
    const std::vector<Quantity>& parts = run.parts;
    ToyParts t;
    t.real = findQuantity<PointSet>(parts, q::kReal);
    t.fake = findQuantity<PointSet>(parts, q::kFake);
    t.latent = findQuantity<PointSet>(parts, q::kLatent);
    t.push = findQuantity<PointSet>(parts, q::kGeneratorPush);
    t.d_field = findQuantity<FieldGrid>(parts, q::kDiscriminator);
    t.d_optimal = findQuantity<FieldGrid>(parts, q::kOptimalDiscriminator);
    t.p_data = findQuantity<FieldGrid>(parts, q::kDataDensity);
    t.p_g = findQuantity<FieldGrid>(parts, q::kGeneratorDensity);
    t.manifold = findQuantity<PointGrid>(parts, q::kManifold);
    t.gp_pairs = findQuantity<Segments>(parts, q::kGpPairs);
    t.gp_interp = findQuantity<PointSet>(parts, q::kGpInterpolates);
    t.gp_grad_norm = findQuantity<ScalarSamples>(parts, q::kGpGradNorm);
    t.d_weights = findQuantity<Histogram>(parts, q::kWeights);
    t.gp_norms = findQuantity<Histogram>(parts, q::kGpNorms);
    t.modes = findQuantity<ModeMarkers>(parts, q::kModes);
    t.fake_labels = findQuantity<PointLabels>(parts, q::kFakeLabels);
    t.real_labels = findQuantity<PointLabels>(parts, q::kRealLabels);
    return t;
}

int toyDataDimension(const RunSnapshot& run) {
    for (const char* name : {quantity_names::kFake, quantity_names::kReal}) {
        if (const PointSet* samples = findQuantity<PointSet>(run.parts, name)) return samples->dim;
    }
    if (const ModeMarkers* modes = findQuantity<ModeMarkers>(run.parts, quantity_names::kModes)) return modes->dim;
    return 0;
}

}  // namespace ganarium
