// quiet_view_style.h — test helper for the view pixel tests: a ViewStyle with
// no hover read-outs, no legend and no panel title, so only the view's own
// picture lands where the checks look.
#pragma once

#include "views/run_view.h"

namespace ganarium::test {

// A non-interactive style without legend or title.
inline ViewStyle quietViewStyle() {
    ViewStyle s;
    s.interactive = false;
    s.show_legend = false;
    s.show_title = false;
    return s;
}

}  // namespace ganarium::test
