// i18n.h — every user-visible UI string, in English and Chinese. The table
// lives in i18n.cpp as one namespace-scope const array indexed by TextId;
// the current language is a value the caller carries (UiState,
// SceneFrameOptions), never hidden global state.
#pragma once

#include <string>
#include <string_view>

namespace ganarium {

// Interface languages.
enum class Language { English, Chinese };

// Identifiers of every translated string (order matches the table in i18n.cpp).
enum class TextId {
    // transport
    Play, Pause, StepD, StepG, StepIteration, Speed, SpeedHint, SpeedMax, Reset, Reseed, Seed,
    // panels and headers
    Controls, Runs, Data, Layers, Scenes, Plots, Weights, Help, Language, Status, File,
    // run editor
    Objective, Lipschitz, ClipC, GpLambda, GLearningRate, DLearningRate, DStepsPerIteration, GStepsPerIteration,
    Batch, Optimizer, Diverged, Resume, RunPaused, ResumeHint,
    // data editor
    Family, Modes, Radius, ModeStd, GridSize, Spacing, Noise, Mean, StdDev, Low, High, Low2, High2,
    DrawData, DrawDataHint, BlobStd, ClearData, ApplyData,
    // layers
    LayerReal, LayerFake, LayerDField, LayerContours, LayerDOptimal, LayerDensities, LayerArrows, LayerManifold,
    LayerGpLines, LayerModes, FixedAxes, ResetCamera, PanelGrid, PanelGridAuto, PanelGridHint,
    // scenes and files
    SceneFolder, NoScenesFound, SaveSceneAs, Save, SavedTo, Screenshot, ScreenshotFolder, ScreenshotSaved,
    LoadFailed, SaveFailed, Dismiss, CurrentScene, Refresh, ShaderError, ShaderFixed,
    // status line
    StepsPerSecond, Fps, FrameTime, Blas, Step, Playing, Paused, DivergedRuns, SlowBlasWarning,
    // plots
    MetricDivergence, MetricLossD, MetricLossG, MetricJs, MetricW1, MetricDEstimate, MetricGradNorm,
    MetricModesCovered, LogScale, TrueDivergence, DEstimate, Steps, NoMetricsYet, NotDefined,
    // weights
    DWeights, GpNorms, ClipMarks, NormOne, NoGradientPenalty, RunLabel, NoWeightsYet,
    // help
    HelpTitle, KeySpace, KeyS, KeyD, KeyG, KeyR, KeyF12, KeyH, KeyDigits, KeyF, KeyB, KeyL, HelpClose,
    // presentation
    LegendReal, LegendFake, LegendPush, LegendManifold, LegendModeCovered, LegendModeMissed, LegendZMap,
    LegendCritic, StepCounter,
    // in-app recording
    Record, StopRecording, RecordHint, VideoFolder, RecFrames, VideoSaved, RecordingStopped, RecordFailed, KeyRecord,
    ScreenshotButton,
    // words inside the data views (ViewLabels)
    ViewReal, ViewGenerated, ViewPData, ViewPG, ViewDOfX, ViewDStar, ViewDHalf, ViewCriticZero, ViewModesCovered,
    ViewGradNorm, ViewGpPairs,
    // phase plane (Dirac-GAN) and generator-loss shapes
    LayerLossShapes, MetricDistance, ViewTheta, ViewPsi, ViewEquilibrium, ViewStart, ViewTrajectory, ViewPhaseHint,
    ViewLossTitle, ViewLossMinimax, ViewLossNonSaturating, ViewLossMaxLikelihood, ViewLossBatch, ViewLossSlope,
    ViewLossAxis, ViewDistance,
    // Dirac-GAN run editor
    DiracMethod, DiracScheme, DiracStepSize, DiracTarget, DiracGamma, DiracNoise,
    // pictures that agree with the numbers (issue 10)
    ViewHqShare, CriticEstimateNote,
    // checkpoints and rewind (issue 9)
    Checkpoints, RewindBack, RewindToStep, RewindHint, NoCheckpoints,
    // fast-forward (issue 10)
    FastForward, FastForwardHint, FastForwardProgress, FastForwardStop,
    // training policy under load (issue 10)
    TrainingShareLabel,
    // in-app recording pace (issue 10)
    RecordRealtime, RecordRealtimeHint,
    // a complete Chinese interface and the smaller fixes (issue 10)
    FixedGenerator, FixedGeneratorHint, AdamBeta1, AdamBeta2, SgdMomentum, DrawModeBanner, DrawModeWarning,
    DrawModeReplaced, Undo, SceneTitle, OpenSceneFile, Open, OpenHint,
    // presenter mode (issue 10)
    PresenterMode, PresenterHint, KeyPresenter, KeyZoom, CurvesPicker,
    // image GAN panels (issue 9)
    ViewImageSamples, ViewImageReal, ViewScoresTitle, ViewScoresReal, ViewScoresFake, ViewScoresCount,
    // the image metrics' classifier (issue 9)
    ClassifierPreparing,
    ViewClassesTitle, ViewClassesGenerated, ViewClassesData, ViewClassesAxis, ViewClassNames,
    // lessons (issue 11)
    KeyLesson,
    // checkpoints on disk (issue 9)
    CheckpointFolder, SaveCheckpointsToDisk, SaveCheckpointsHint, LoadCheckpoints, LoadCheckpointsHint,
    CheckpointDiskBusy,
    // progress strip, latent interpolation, nearest training neighbour (issue 9)
    ViewProgressTitle, ViewProgressNow, ViewInterpolationTitle, ViewInterpolationHint, ViewInterpolationHintB,
    ViewNeighbourTitle, ViewNeighbourSample, ViewNeighbourTest, ViewNeighbourHint,
    // the conditional toy GAN (issue 12)
    ConditionalRun, ConditionalRunHint, MismatchedPairs, MismatchedPairsHint, ConditionalNeedsMixture,
    // `ganarium follow DIR` (issue 13)
    FollowSection, FollowStatusLine, FollowWaitingLine, FollowMissingLine, FollowWaitingBody, FollowAgoSeconds,
    FollowAgoMinutes, FollowAgoHours, FollowNewest, FollowNewestHint, FollowOlder, FollowNewer, FollowShowStep,
    FollowStripHint, FollowLoading, FollowHeld, FollowRetrying,
    // mode-collapse remedies (issue 12)
    RemediesHeader, FeatureMatching, FeatureMatchingHint, MinibatchDiscrimination, MinibatchDiscriminationHint,
    UnrolledSteps, UnrolledStepsHint, PackSize, PackSizeHint, InstanceNoise, InstanceNoiseSteps, InstanceNoiseHint,
    // the toy CycleGAN view (issue 12)
    ViewCycleRealX, ViewCycleTranslated, ViewCycleRealY, ViewCycleBack, ViewCyclePath, ViewCycleMatrix,
    ViewCycleSource, ViewCycleTarget, CycleLambda, IdentityLambda,
    // image remedies and CycleGAN noise inputs in the run editor
    MinibatchStddev, MinibatchStddevHint, NoiseInputs, NoiseInputsHint,
    // image panels in small cells (issue 9): the toggle of the strips band
    ImageStripsMore, ImageStripsLess,
    Count
};

// The string for `id` in `language` (UTF-8, never null).
const char* tr(Language language, TextId id);

// The label of a metric or curves tab by its catalogue label key (core/metric_catalogue.h).
const char* metricLabel(Language language, std::string_view label_key);

// Parses "en" / "zh" (also "english", "chinese", "zh-cn"); false when unknown.
bool languageFromCode(const std::string& code, Language& out);

// "en" or "zh".
const char* languageCode(Language language);

// Number of table rows (== TextId::Count) and whether row i is labelled TextId(i) (for tests).
int textCount();
bool textTableIsOrdered();

// All Chinese strings concatenated, the keywords' display names included (to build the CJK font's glyph range).
std::string allChineseText();

}  // namespace ganarium
