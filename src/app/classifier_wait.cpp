// classifier_wait.cpp — see classifier_wait.h.
#include "app/classifier_wait.h"

#include <iostream>

namespace ganarium {

void ClassifierWait::operator()(const ClassifierStatus& status) {
    if (!training_ && status.fraction > 0 && !status.ready && !status.failed)
        training_.emplace(std::cout, "classifier (first use)", 1000);
    if (training_) training_->update(static_cast<int64_t>(1000 * status.fraction));
    last_ = status.message;
}

void ClassifierWait::finish() {
    if (training_) training_->finish();
    if (!last_.empty()) std::cout << "Images:  " << last_ << '\n';
}

}  // namespace ganarium
