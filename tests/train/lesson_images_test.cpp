// lesson_images_test.cpp — lesson 10 (scenes/lessons/10-images.toml) played
// at the recorder's pace with a quickly trained classifier: both DCGANs cover
// most classes before the change, the unbalanced one collapses onto a few
// within the time a recording gives it, and the rewind to the checkpoint
// with balanced learning rates makes it train exactly like the other again.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "lesson_playback.h"
#include "temp_folder.h"

using namespace ganarium;
using namespace ganarium::test;

namespace {

// The latest value of `key` of run `run` when step `played` handed over.
double metricAtEnd(const PlayedStep& played, size_t run, const std::string& key) {
    REQUIRE(played.end);
    return played.end->runs[run].metrics.last(key);
}

}  // namespace

TEST_CASE("lesson 10: the unbalanced DCGAN collapses onto a few classes; the rewind restores its diversity") {
    const SceneSpec scene = loadSceneFile(lessonPath("10-images.toml"));
    REQUIRE(static_cast<bool>(scene.lesson));
    REQUIRE(scene.lesson->steps.size() == 8);
    TempFolder cache("ganarium-lesson10-classifier");
    TrainerOptions options;
    options.image_metrics = true;
    options.classifier.cache_dir = cache.path.string();
    options.classifier.epochs = 1;
    options.classifier.train_images = 6000;  // seconds to train; the classes it tells apart are enough here
    options.wait_for_image_metrics = [](const ClassifierStatus&) {};
    const std::vector<PlayedStep> played = playLesson(scene, 1, 30.0, options);
    REQUIRE(played.size() == 8);
    const size_t balanced = runIndex(scene, "Balanced DCGAN");
    const size_t unbalanced = runIndex(scene, "DCGAN to be unbalanced");
    for (size_t i = 0; i < played.size(); ++i) {
        CAPTURE(i + 1);
        CHECK(played[i].rule_held);
        MESSAGE("step " << i + 1 << ": ends at training step " << played[i].end_step << ", classes covered "
                        << metricAtEnd(played[i], balanced, "classes_covered") << " / "
                        << metricAtEnd(played[i], unbalanced, "classes_covered"));
    }
    // Step 4 (the class bars): from noise to clothes, both spread over most classes, identically.
    CHECK(metricAtEnd(played[3], balanced, "classes_covered") >= 5);
    CHECK(metricAtEnd(played[3], unbalanced, "classes_covered") == metricAtEnd(played[3], balanced, "classes_covered"));
    // Step 6 (the collapse): the unbalanced run stands on at most 3 classes, the balanced one on many.
    CHECK(metricAtEnd(played[5], unbalanced, "classes_covered") <= 3);
    CHECK(metricAtEnd(played[5], unbalanced, "class_rkl") > 1.0);
    CHECK(metricAtEnd(played[5], balanced, "classes_covered") >= 6);
    // Step 8 (after the rewind, learning rates balanced again): the two runs train alike, bit for bit.
    CHECK(played[6].end_step >= 500);
    CHECK(metricAtEnd(played[7], unbalanced, "classes_covered") >= 6);
    CHECK(metricAtEnd(played[7], unbalanced, "class_rkl") == metricAtEnd(played[7], balanced, "class_rkl"));
}
