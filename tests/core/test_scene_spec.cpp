// test_scene_spec.cpp — enum names round-trip, labels, dimensions.
#include <doctest/doctest.h>

#include "core/scene_spec.h"

using namespace ganarium;

TEST_CASE("every enum name parses back to its value") {
    for (int i = 0; i <= static_cast<int>(DataFamily::Points2D); ++i) {
        DataFamily f{};
        REQUIRE(familyFromName(familyName(static_cast<DataFamily>(i)), f));
        CHECK(static_cast<int>(f) == i);
    }
    Objective o{};
    CHECK(objectiveFromName("non_saturating", o));
    CHECK(o == Objective::NonSaturating);
    CHECK_FALSE(objectiveFromName("nonsaturating", o));
    Lipschitz l{};
    CHECK(lipschitzFromName("sn", l));
    CHECK(l == Lipschitz::SpectralNorm);
    CHECK(objectiveNames().size() == 6);
    CHECK(familyNames().size() == 14);
}

TEST_CASE("family dimensions") {
    CHECK(familyDimension(DataFamily::Gaussian1D) == 1);
    CHECK(familyDimension(DataFamily::TwoIntervals1D) == 1);
    CHECK(familyDimension(DataFamily::Ring) == 2);
    CHECK(familyDimension(DataFamily::Points2D) == 2);
}

TEST_CASE("run labels") {
    RunSpec r;
    toyOf(r)->objective = Objective::Wasserstein;
    toyOf(r)->lipschitz = Lipschitz::GradientPenalty;
    CHECK(runLabel(r) == "WGAN-GP");
    toyOf(r)->lipschitz = Lipschitz::WeightClip;
    CHECK(runLabel(r) == "WGAN (weight clipping)");
    toyOf(r)->lipschitz = Lipschitz::SpectralNorm;
    CHECK(runLabel(r) == "WGAN-SN");
    r = RunSpec{};
    toyOf(r)->objective = Objective::LeastSquares;
    CHECK(runLabel(r) == "LSGAN");
    toyOf(r)->objective = Objective::Minimax;
    toyOf(r)->r1_gamma = 1;
    toyOf(r)->fixed_generator = true;
    CHECK(runLabel(r) == "Minimax GAN +R1, fixed G");
    CHECK(isCriticObjective(Objective::Wasserstein));
    CHECK(isCriticObjective(Objective::Hinge));
    CHECK_FALSE(isCriticObjective(Objective::NonSaturating));
}
