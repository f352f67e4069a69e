// score_gradients.cpp — batch losses and dLoss/dScore from the objective rows' closed-form terms.
#include "train/score_gradients.h"

#include "train/objectives.h"

namespace ganarium {

double discriminatorLossGradient(Objective objective, const float* f, int64_t n_real, int64_t n_fake, float* grad) {
    const ObjectiveLosses& row = objectiveLosses(objective);
    double real_sum = 0, fake_sum = 0;
    const double inv_real = 1.0 / static_cast<double>(n_real), inv_fake = 1.0 / static_cast<double>(n_fake);
    for (int64_t i = 0; i < n_real; ++i) {
        const ScoreTerm t = row.d_real_term(f[i]);
        real_sum += t.value;
        grad[i] = static_cast<float>(t.slope * inv_real);
    }
    for (int64_t i = n_real; i < n_real + n_fake; ++i) {
        const ScoreTerm t = row.d_fake_term(f[i]);
        fake_sum += t.value;
        grad[i] = static_cast<float>(t.slope * inv_fake);
    }
    return real_sum * inv_real + fake_sum * inv_fake;
}

double generatorLossGradient(Objective objective, const float* f, int64_t n, float* grad) {
    const ObjectiveLosses& row = objectiveLosses(objective);
    double sum = 0;
    const double inv = 1.0 / static_cast<double>(n);
    for (int64_t i = 0; i < n; ++i) {
        const ScoreTerm t = row.g_term(f[i]);
        sum += t.value;
        grad[i] = static_cast<float>(t.slope * inv);
    }
    return sum * inv;
}

}  // namespace ganarium
