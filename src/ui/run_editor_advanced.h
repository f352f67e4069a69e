// run_editor_advanced.h — the run editor's less common toy-GAN controls: a
// fixed generator (only D trains), G steps per iteration (k_G), Adam's
// betas and SGD's momentum, and the mode-collapse remedies (feature
// matching, minibatch discrimination, unrolled D steps, PacGAN packing,
// instance noise; train/toy_remedies.h). They edit the draft like the other controls, so
// a refused edit is reverted with the trainer's reason.
#pragma once

#include "core/scene_spec.h"
#include "ui/i18n.h"

namespace ganarium {

// Draws the controls for `toy` (data of dimension `dim`); true when an edit was finished.
bool drawAdvancedRunControls(Language lang, int dim, ToyGanSpec& toy);

// The fixed generator's distribution offered when the toggle is switched on: `current` when the run set one
// of dimension `dim`, else (never set, or another dimension) a Gaussian beside the data (1D: mean 1.5,
// std 0.5; 2D: centre (1, 1), std 0.5).
DataSpec fixedGeneratorDefault(const DataSpec& current, int dim);

// Draws the mode-collapse remedy controls for `toy` (part of drawAdvancedRunControls); true when an edit was finished.
bool drawRemedyControls(Language lang, ToyGanSpec& toy);

// Draws the image remedies of `image` (feature matching, minibatch stddev, PacGAN packing, instance noise);
// true when an edit was finished. A pack size change rebuilds the run (D's first layer changes).
bool drawImageRemedyControls(Language lang, ImageGanSpec& image);

}  // namespace ganarium
