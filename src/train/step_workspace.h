// step_workspace.h — what one run's D and G steps reuse from step to step:
// the manual passes through G and D (mlp_pass.h) and the batch buffers, so
// that a training step allocates (almost) nothing.
#pragma once

#include <torch/torch.h>

#include "train/mlp_pass.h"

namespace ganarium {

// The passes and buffers of one run (each run has its own: runs train on separate threads).
struct StepWorkspace {
    MlpPass g;             // G, in both steps
    MlpPass d;             // D in its own step (real, fake and GP rows)
    MlpPass d_in_g_step;   // D inside G's step (separate buffers: another row count)
    torch::Tensor z_d, z_g;            // latent batches of the D step and of the G step
    torch::Tensor d_input;             // D step rows: real, fake (and GP interpolates), n x dim each
    torch::Tensor d_score_grad;        // dLoss/df of the D step, 2n x 1
    torch::Tensor g_score_grad;        // dLoss/df of the G step, n x 1
    torch::Tensor penalty_grad;        // dP/d(input gradient), n x dim
    torch::Tensor mix;                 // GP interpolation weights a, n x 1
};

}  // namespace ganarium
