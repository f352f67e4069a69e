// bad_core.h — layer-check fixture (never compiled): core must not include
// LibTorch nor a higher layer. See tests/data/layers_bad/README.md.
#pragma once

#include <torch/torch.h>
#include "train/trainer.h"
