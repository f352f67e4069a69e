// view_labels.cpp — fills the data views' ViewLabels from the i18n table, so
// the views (which never include src/ui) draw their words in the UI language.
#include "ui/scene_frame.h"

namespace ganarium {

ViewLabels translatedViewLabels(Language lang) {
    ViewLabels l;
    l.real = tr(lang, TextId::ViewReal);
    l.generated = tr(lang, TextId::ViewGenerated);
    l.p_data = tr(lang, TextId::ViewPData);
    l.p_g = tr(lang, TextId::ViewPG);
    l.d_of_x = tr(lang, TextId::ViewDOfX);
    l.critic = tr(lang, TextId::LegendCritic);
    l.d_star = tr(lang, TextId::ViewDStar);
    l.d_half = tr(lang, TextId::ViewDHalf);
    l.critic_zero = tr(lang, TextId::ViewCriticZero);
    l.push = tr(lang, TextId::LegendPush);
    l.manifold = tr(lang, TextId::LegendManifold);
    l.mapping = tr(lang, TextId::LegendZMap);
    l.mode_covered = tr(lang, TextId::LegendModeCovered);
    l.mode_missed = tr(lang, TextId::LegendModeMissed);
    l.modes_covered = tr(lang, TextId::ViewModesCovered);
    l.hq_share = tr(lang, TextId::ViewHqShare);
    l.step = tr(lang, TextId::StepCounter);
    l.diverged = tr(lang, TextId::Diverged);
    l.grad_norm = tr(lang, TextId::ViewGradNorm);
    l.gp_pairs = tr(lang, TextId::ViewGpPairs);
    l.theta = tr(lang, TextId::ViewTheta);
    l.psi = tr(lang, TextId::ViewPsi);
    l.equilibrium = tr(lang, TextId::ViewEquilibrium);
    l.start = tr(lang, TextId::ViewStart);
    l.trajectory = tr(lang, TextId::ViewTrajectory);
    l.phase_hint = tr(lang, TextId::ViewPhaseHint);
    l.distance = tr(lang, TextId::ViewDistance);
    l.loss_title = tr(lang, TextId::ViewLossTitle);
    l.loss_axis = tr(lang, TextId::ViewLossAxis);
    l.loss_minimax = tr(lang, TextId::ViewLossMinimax);
    l.loss_non_saturating = tr(lang, TextId::ViewLossNonSaturating);
    l.loss_max_likelihood = tr(lang, TextId::ViewLossMaxLikelihood);
    l.loss_batch = tr(lang, TextId::ViewLossBatch);
    l.loss_slope = tr(lang, TextId::ViewLossSlope);
    l.chinese = lang == Language::Chinese;
    l.image_samples = tr(lang, TextId::ViewImageSamples);
    l.image_real = tr(lang, TextId::ViewImageReal);
    l.scores_title = tr(lang, TextId::ViewScoresTitle);
    l.scores_real = tr(lang, TextId::ViewScoresReal);
    l.scores_fake = tr(lang, TextId::ViewScoresFake);
    l.scores_count = tr(lang, TextId::ViewScoresCount);
    l.classes_title = tr(lang, TextId::ViewClassesTitle);
    l.classes_generated = tr(lang, TextId::ViewClassesGenerated);
    l.classes_data = tr(lang, TextId::ViewClassesData);
    l.classes_axis = tr(lang, TextId::ViewClassesAxis);
    l.progress_title = tr(lang, TextId::ViewProgressTitle);
    l.progress_now = tr(lang, TextId::ViewProgressNow);
    l.interpolation_title = tr(lang, TextId::ViewInterpolationTitle);
    l.interpolation_hint = tr(lang, TextId::ViewInterpolationHint);
    l.interpolation_hint_b = tr(lang, TextId::ViewInterpolationHintB);
    l.neighbour_title = tr(lang, TextId::ViewNeighbourTitle);
    l.neighbour_sample = tr(lang, TextId::ViewNeighbourSample);
    l.neighbour_test = tr(lang, TextId::ViewNeighbourTest);
    l.neighbour_hint = tr(lang, TextId::ViewNeighbourHint);
    l.cycle_real_x = tr(lang, TextId::ViewCycleRealX);
    l.cycle_translated = tr(lang, TextId::ViewCycleTranslated);
    l.cycle_real_y = tr(lang, TextId::ViewCycleRealY);
    l.cycle_back = tr(lang, TextId::ViewCycleBack);
    l.cycle_path = tr(lang, TextId::ViewCyclePath);
    l.cycle_matrix = tr(lang, TextId::ViewCycleMatrix);
    l.cycle_source = tr(lang, TextId::ViewCycleSource);
    l.cycle_target = tr(lang, TextId::ViewCycleTarget);
    l.class_names.clear();
    const std::string names = tr(lang, TextId::ViewClassNames);  // "a|b|...": the ten Fashion-MNIST classes
    for (size_t start = 0;;) {
        const size_t bar = names.find('|', start);
        l.class_names.push_back(names.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return l;
}

}  // namespace ganarium
