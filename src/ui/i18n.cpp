// i18n.cpp — the translation table (English, Chinese). Terms follow the
// glossary of the lecture notes: 生成器 generator, 判别器 discriminator,
// 评价器 critic, 梯度惩罚 gradient penalty, 权重裁剪 weight clipping, ...
#include "ui/i18n.h"

#include <cassert>
#include <string_view>

#include "core/display_names.h"
#include "core/metric_catalogue.h"

namespace ganarium {

namespace {

struct TextRow {
    TextId id;
    const char* en;
    const char* zh;
};

using T = TextId;

const TextRow kTexts[] = {
    {T::Play, "Play", "运行"},
    {T::Pause, "Pause", "暂停"},
    {T::StepD, "D step", "判别器一步"},
    {T::StepG, "G step", "生成器一步"},
    {T::StepIteration, "Iteration", "完整迭代"},
    {T::Speed, "Speed", "速度"},
    {T::SpeedHint, "training iterations per frame (1/30 s); 0 = as fast as possible", "每帧(1/30秒)的训练迭代次数;0 = 尽可能快"},
    {T::SpeedMax, "max", "最快"},
    {T::Reset, "Reset", "重置"},
    {T::Reseed, "Reseed", "换随机种子"},
    {T::Seed, "Seed", "随机种子"},

    {T::Controls, "Controls", "控制"},
    {T::Runs, "Runs", "训练实验"},
    {T::Data, "Data distribution", "数据分布"},
    {T::Layers, "Layers", "图层"},
    {T::Scenes, "Scenes", "场景"},
    {T::Plots, "Curves", "曲线"},
    {T::Weights, "Weights and gradients", "权重与梯度"},
    {T::Help, "Help", "帮助"},
    {T::Language, "Language", "语言"},
    {T::Status, "Status", "状态"},
    {T::File, "File", "文件"},

    {T::Objective, "Objective", "目标函数"},
    {T::Lipschitz, "Lipschitz", "利普希茨约束"},
    {T::ClipC, "Clip c", "裁剪阈值 c"},
    {T::GpLambda, "GP λ", "梯度惩罚 λ"},
    {T::GLearningRate, "G lr", "生成器学习率"},
    {T::DLearningRate, "D lr", "判别器学习率"},
    {T::DStepsPerIteration, "k (D steps)", "k (判别器步数)"},
    {T::GStepsPerIteration, "k_G (G steps)", "k_G (生成器步数)"},
    {T::Batch, "Batch", "批大小"},
    {T::Optimizer, "Optimizer", "优化器"},
    {T::Diverged, "DIVERGED", "已发散"},
    {T::Resume, "Resume", "继续"},
    {T::RunPaused, "paused", "已暂停"},
    {T::ResumeHint, "clears the flag and keeps training this run", "清除标记并继续训练这个实验"},

    {T::Family, "Family", "分布类型"},
    {T::Modes, "Modes", "模式数"},
    {T::Radius, "Radius", "半径"},
    {T::ModeStd, "Mode std", "模式标准差"},
    {T::GridSize, "Grid size", "网格大小"},
    {T::Spacing, "Spacing", "间距"},
    {T::Noise, "Noise", "噪声"},
    {T::Mean, "Mean", "均值"},
    {T::StdDev, "Std", "标准差"},
    {T::Low, "Low", "下界"},
    {T::High, "High", "上界"},
    {T::Low2, "Low (2nd interval)", "下界(第二区间)"},
    {T::High2, "High (2nd interval)", "上界(第二区间)"},
    {T::DrawData, "Draw data", "绘制数据"},
    {T::DrawDataHint, "click: add a Gaussian blob; drag: paint points", "单击:添加高斯团;拖动:绘制点"},
    {T::BlobStd, "Blob std", "高斯团标准差"},
    {T::ClearData, "Clear", "清除"},
    {T::ApplyData, "Apply", "应用"},

    {T::LayerReal, "Real data", "真实数据"},
    {T::LayerFake, "Generated data", "生成数据"},
    {T::LayerDField, "D / critic field", "判别器/评价器场"},
    {T::LayerContours, "Contours", "等高线"},
    {T::LayerDOptimal, "Optimal D*", "最优判别器 D*"},
    {T::LayerDensities, "Densities", "概率密度"},
    {T::LayerArrows, "G gradient arrows", "生成器梯度箭头"},
    {T::LayerManifold, "G manifold", "生成器流形"},
    {T::LayerGpLines, "GP lines", "梯度惩罚插值线"},
    {T::LayerModes, "Modes", "模式"},
    {T::FixedAxes, "Fixed axes", "固定坐标轴"},
    {T::ResetCamera, "Reset view", "重置视图"},
    {T::PanelGrid, "Panel grid", "面板网格"},
    {T::PanelGridAuto, "auto", "自动"},
    {T::PanelGridHint, "columns x rows of the run panels", "运行面板的列数 x 行数"},

    {T::SceneFolder, "Folder", "文件夹"},
    {T::NoScenesFound, "no scene files found", "没有找到场景文件"},
    {T::SaveSceneAs, "Save scene as", "场景另存为"},
    {T::Save, "Save", "保存"},
    {T::SavedTo, "Saved", "已保存"},
    {T::Screenshot, "Screenshot (F12)", "截图 (F12)"},
    {T::ScreenshotFolder, "Screenshot folder", "截图文件夹"},
    {T::ScreenshotSaved, "Screenshot saved", "截图已保存"},
    {T::LoadFailed, "Could not open the scene; the current session keeps running.", "无法打开场景;当前会话继续运行。"},
    {T::SaveFailed, "Could not save", "无法保存"},
    {T::Dismiss, "Dismiss", "关闭"},
    {T::CurrentScene, "Current scene", "当前场景"},
    {T::Refresh, "Refresh", "刷新"},
    {T::ShaderError, "Shader error: the last good shader keeps drawing. Fix the file and save it to reload.",
     "着色器错误:继续使用上一个可用的着色器。修改文件并保存即可重新加载。"},
    {T::ShaderFixed, "Shaders reloaded", "着色器已重新加载"},

    {T::StepsPerSecond, "steps/s", "步/秒"},
    {T::Fps, "FPS", "帧率"},
    {T::FrameTime, "frame", "每帧耗时"},
    {T::Blas, "BLAS", "BLAS"},
    {T::Step, "step", "步数"},
    {T::Playing, "training", "训练中"},
    {T::Paused, "paused", "已暂停"},
    {T::DivergedRuns, "diverged", "已发散"},
    {T::SlowBlasWarning, "slow reference BLAS: install libopenblas0-openmp", "参考BLAS很慢:请安装 libopenblas0-openmp"},

    {T::MetricDivergence, "True vs D's estimate", "真实散度与判别器估计"},
    {T::MetricLossD, "D loss", "判别器损失"},
    {T::MetricLossG, "G loss", "生成器损失"},
    {T::MetricJs, "JS divergence", "JS散度"},
    {T::MetricW1, "W1 distance", "Wasserstein距离"},
    {T::MetricDEstimate, "D's estimate", "判别器的估计"},
    {T::MetricGradNorm, "G gradient norm", "生成器梯度范数"},
    {T::MetricModesCovered, "Modes covered", "覆盖的模式数"},
    {T::LogScale, "log scale", "对数坐标"},
    {T::TrueDivergence, "true (solid)", "真实值(实线)"},
    {T::DEstimate, "D's estimate (dashed)", "判别器估计(虚线)"},
    {T::Steps, "steps", "步数"},
    {T::NoMetricsYet, "no metrics yet: press Play", "还没有指标:请按运行"},
    {T::NotDefined, "n/a", "无"},

    {T::DWeights, "D weights", "判别器权重"},
    {T::GpNorms, "||grad D|| at interpolates", "插值点处的 ||∇D||"},
    {T::ClipMarks, "±c", "±c"},
    {T::NormOne, "1", "1"},
    {T::NoGradientPenalty, "no gradient penalty in this run", "这个实验没有梯度惩罚"},
    {T::RunLabel, "Run", "实验"},
    {T::NoWeightsYet, "no weights yet", "还没有权重"},

    {T::HelpTitle, "Keyboard shortcuts", "键盘快捷键"},
    {T::KeySpace, "Space: play / pause", "空格:运行 / 暂停"},
    {T::KeyS, "S: one full iteration", "S:一次完整迭代"},
    {T::KeyD, "D: one discriminator step", "D:判别器一步"},
    {T::KeyG, "G: one generator step", "G:生成器一步"},
    {T::KeyR, "R: reset (same seed)", "R:重置(相同种子)"},
    {T::KeyF12, "F12: screenshot to PNG", "F12:截图保存为PNG"},
    {T::KeyH, "H or F1: this help", "H 或 F1:显示帮助"},
    {T::KeyDigits, "1-9, 0: toggle layers", "1-9, 0:切换图层"},
    {T::KeyF, "F: fixed axes", "F:固定坐标轴"},
    {T::KeyB, "B: draw-data mode (B or Esc leaves it)", "B:绘制数据模式(按 B 或 Esc 退出)"},
    {T::KeyL, "L: English / 中文", "L:English / 中文"},
    {T::HelpClose, "Close", "关闭"},

    {T::LegendReal, "real data", "真实数据"},
    {T::LegendFake, "generated data", "生成数据"},
    {T::LegendPush, "push on G(z)", "对 G(z) 的推动"},
    {T::LegendManifold, "G(z) over a z grid", "z 网格上的 G(z)"},
    {T::LegendModeCovered, "mode covered", "已覆盖的模式"},
    {T::LegendModeMissed, "mode missed", "丢失的模式"},
    {T::LegendZMap, "z -> G(z)", "z -> G(z)"},
    {T::LegendCritic, "critic f(x)", "评价器 f(x)"},
    {T::StepCounter, "step", "步数"},

    {T::Record, "\u25CF Record", "\u25CF 录制"},
    {T::StopRecording, "\u25A0 Stop recording", "\u25A0 停止录制"},
    {T::RecordHint, "Ctrl+R or F9. Records the window above the status line into FOLDER/ganarium-DATE-TIME.mp4 "
                    "(30 fps). While recording, training runs in lockstep: exactly 'speed' iterations per video frame.",
     "Ctrl+R 或 F9。把状态栏以上的窗口录制为 文件夹/ganarium-日期-时间.mp4(每秒30帧)。"
     "录制时训练与画面同步:每个视频帧恰好训练“速度”次迭代。"},
    {T::VideoFolder, "Video folder", "视频文件夹"},
    {T::RecFrames, "frames", "帧"},
    {T::VideoSaved, "Video saved", "视频已保存"},
    {T::RecordingStopped, "Recording stopped", "录制已停止"},
    {T::RecordFailed, "Could not record", "无法录制"},
    {T::KeyRecord, "Ctrl+R or F9: start / stop recording a video", "Ctrl+R 或 F9:开始 / 停止录制视频"},
    {T::ScreenshotButton, "Screenshot", "截图"},

    {T::ViewReal, "real", "真实数据"},
    {T::ViewGenerated, "generated", "生成数据"},
    {T::ViewPData, "p_data", "p_data(真实分布)"},
    {T::ViewPG, "p_G", "p_G(生成分布)"},
    {T::ViewDOfX, "D(x)", "判别器 D(x)"},
    {T::ViewDStar, "D*", "最优判别器 D*"},
    {T::ViewDHalf, "D = 1/2", "D = 1/2"},
    {T::ViewCriticZero, "f = 0", "f = 0"},
    {T::ViewModesCovered, "modes covered", "覆盖的模式"},
    {T::ViewGradNorm, "||grad D||", "||\u2207D||"},
    {T::ViewGpPairs, "GP pair (real - fake)", "梯度惩罚样本对(真实 - 生成)"},
    {T::LayerLossShapes, "Generator-loss shapes", "生成器损失曲线"},
    {T::MetricDistance, "Distance to equilibrium", "到均衡点的距离"},
    {T::ViewTheta, "theta (generator)", "θ(生成器参数)"},
    {T::ViewPsi, "psi (discriminator)", "ψ(判别器参数)"},
    {T::ViewEquilibrium, "equilibrium", "均衡点"},
    {T::ViewStart, "start", "起点"},
    {T::ViewTrajectory, "training path", "训练轨迹"},
    {T::ViewPhaseHint, "click: start again here", "单击:从此处重新开始"},
    {T::ViewLossTitle, "Generator loss vs D(G(z))", "生成器损失与 D(G(z))"},
    {T::ViewLossMinimax, "minimax log(1 - D)", "极小极大 log(1 - D)"},
    {T::ViewLossNonSaturating, "non-saturating -log D", "非饱和 -log D"},
    {T::ViewLossMaxLikelihood, "max. likelihood -exp(logit D)/2", "最大似然 -exp(logit D)/2"},
    {T::ViewLossBatch, "this run's D(G(z))", "本运行的 D(G(z))"},
    {T::ViewLossSlope, "slope", "斜率"},
    {T::ViewLossAxis, "J_G", "J_G"},
    {T::ViewDistance, "distance", "距离"},
    {T::DiracMethod, "Method", "方法"},
    {T::DiracScheme, "Updates", "更新方式"},
    {T::DiracStepSize, "Step size h", "步长 h"},
    {T::DiracTarget, "GP target g0", "梯度惩罚目标 g0"},
    {T::DiracGamma, "gamma", "γ"},
    {T::DiracNoise, "noise sigma", "噪声 σ"},
    {T::ViewHqShare, "hq", "高质量"},
    {T::CriticEstimateNote,
     "D's estimate of W1 (dashed) is a lower bound only while the critic is 1-Lipschitz. Large values mean the "
     "critic is steep (weak penalty or clipping), not that the distributions are far apart.",
     "判别器对 W1 的估计(虚线)只有在评价器满足 1-Lipschitz 时才是下界。数值很大说明评价器过陡"
     "(惩罚或裁剪太弱),并不说明两个分布相距很远。"},
    {T::Checkpoints, "Checkpoints", "检查点"},
    {T::RewindBack, "Rewind", "回退"},
    {T::RewindToStep, "Rewind every run to step %lld", "将所有运行回退到第 %lld 步"},
    {T::RewindHint,
     "Click a tick to return every run to that checkpoint: weights, optimizer state and curves as they were. "
     "Change a setting afterwards to branch.",
     "点击刻度,所有运行回到该检查点:权重、优化器状态和曲线都恢复原样。之后修改设置即可从此分支。"},
    {T::NoCheckpoints, "no checkpoints (checkpoint_every = 0)", "无检查点(checkpoint_every = 0)"},
    {T::FastForward, "Fast-forward", "快进"},
    {T::FastForwardHint,
     "Train this many steps without drawing every frame, then show the result (a picture every half second).",
     "不逐帧绘制地训练这么多步,然后显示结果(每半秒刷新一次画面)。"},
    {T::FastForwardProgress, "fast-forward %lld / %lld steps", "快进 %lld / %lld 步"},
    {T::FastForwardStop, "Stop", "停止"},
    {T::TrainingShareLabel, "training slowed to %.0f%% to keep frames smooth", "为保持画面流畅, 训练降至 %.0f%%"},
    {T::RecordRealtime, "real time", "实时"},
    {T::RecordRealtimeHint,
     "On: training runs as on screen and the clip plays at the speed the class saw. Off (lockstep): K training "
     "steps per video frame, reproducible, plays faster than the window did.",
     "开: 训练照常进行, 视频以课堂所见的速度播放。关(锁步): 每个视频帧 K 步训练, 可复现, 播放比窗口更快。"},
    {T::FixedGenerator, "Fixed generator", "固定生成器"},
    {T::FixedGeneratorHint, "P_G stays a fixed distribution (the run's fixed_data); only D trains",
     "P_G 保持为固定分布(该实验的 fixed_data);只训练判别器"},
    {T::AdamBeta1, "Adam β1", "Adam β1"},
    {T::AdamBeta2, "Adam β2", "Adam β2"},
    {T::SgdMomentum, "SGD momentum", "SGD 动量"},
    {T::DrawModeBanner, "Draw mode: click to add a blob, drag to paint points — B or Esc to leave",
     "绘制模式:单击添加高斯团,拖动绘制点 — 按 B 或 Esc 退出"},
    {T::DrawModeWarning, "Your first click replaces the current data with drawn points (Undo brings it back).",
     "第一次单击会用手绘点替换当前数据(可撤销)。"},
    {T::DrawModeReplaced, "The data was replaced by drawn points.", "数据已被手绘点替换。"},
    {T::Undo, "Undo", "撤销"},
    {T::SceneTitle, "Title", "标题"},
    {T::OpenSceneFile, "Open a scene file", "打开场景文件"},
    {T::Open, "Open", "打开"},
    {T::OpenHint, "path of a .toml scene anywhere on disk", "任意位置的 .toml 场景文件路径"},
    {T::PresenterMode, "Presenter mode (F5)", "演示模式 (F5)"},
    {T::PresenterHint,
     "Large text that grows with the window, high contrast for a projector, advanced controls hidden.",
     "随窗口放大的大字号、适合投影仪的高对比度,并隐藏高级控件。"},
    {T::KeyPresenter, "F5: presenter mode (large text, high contrast)", "F5:演示模式(大字号、高对比度)"},
    {T::KeyZoom, "Ctrl + / Ctrl - / Ctrl 0: text larger / smaller / reset", "Ctrl + / Ctrl - / Ctrl 0:放大 / 缩小 / 复原文字"},
    {T::CurvesPicker, "Curve", "曲线"},
    {T::ViewImageSamples, "generated (fixed z)", "生成图像(固定 z)"},
    {T::ViewImageReal, "real training images", "真实训练图像"},
    {T::ViewScoresTitle, "D's scores", "判别器得分"},
    {T::ViewScoresReal, "on real images", "真实图像上"},
    {T::ViewScoresFake, "on generated images", "生成图像上"},
    {T::ViewScoresCount, "images", "图像数"},
    {T::ClassifierPreparing, "image classifier for the metrics: loading, or training once on first use (about 2 min)",
     "用于指标的图像分类器:加载中,或首次使用时训练一次(约 2 分钟)"},
    {T::ViewClassesTitle, "Classes", "类别"},
    {T::ViewClassesGenerated, "generated", "生成"},
    {T::ViewClassesData, "data mix", "数据比例"},
    {T::ViewClassesAxis, "% of images", "图像占比 %"},
    {T::ViewClassNames, "T-shirt|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Boot",
     "T恤|裤子|套衫|连衣裙|外套|凉鞋|衬衫|运动鞋|包|短靴"},
    {T::KeyLesson, "Right / Left (Page Down / Up): next / previous lesson step", "右 / 左方向键(Page Down / Up):下一步 / 上一步课程"},
    {T::CheckpointFolder, "Folder", "文件夹"},
    {T::SaveCheckpointsToDisk, "Save checkpoints to disk", "保存检查点到磁盘"},
    {T::SaveCheckpointsHint,
     "Writes every checkpoint the runs hold to FOLDER/<NN>-<run>/step-<N>/ (weights, optimizer state, random "
     "streams, curves, scene). Steps already there are kept. `ganarium train SCENE --resume FOLDER` continues from them.",
     "将各运行保存的所有检查点写入 FOLDER/<NN>-<运行>/step-<N>/(权重、优化器状态、随机流、曲线、场景)。"
     "已有的步骤保持不变。`ganarium train SCENE --resume FOLDER` 可从中继续训练。"},
    {T::LoadCheckpoints, "Load...", "加载..."},
    {T::LoadCheckpointsHint,
     "Every run returns to its latest checkpoint saved in the folder (all runs or none; the scene must match).",
     "所有运行回到该文件夹中最新保存的检查点(全部或都不;场景必须一致)。"},
    {T::CheckpointDiskBusy, "working on %s ...", "正在处理 %s ..."},
    {T::ViewProgressTitle, "The same z during training", "同一组 z 在训练中的变化"},
    {T::ViewProgressNow, "now", "现在"},
    {T::ViewInterpolationTitle, "Latent interpolation A -> B", "潜空间插值 A -> B"},
    {T::ViewInterpolationHint, "click two samples of the grid: A, then B", "在样本网格中点击两个样本：先 A，后 B"},
    {T::ViewInterpolationHintB, "click a second sample: B", "再点击一个样本：B"},
    {T::ViewNeighbourTitle, "Nearest training image (memorisation check)", "最近的训练图像（记忆检查）"},
    {T::ViewNeighbourSample, "sample A", "样本 A"},
    {T::ViewNeighbourTest, "test image", "测试图像"},
    {T::ViewNeighbourHint, "click a sample to compare it with the training set", "点击一个样本，与训练集比较"},
    {T::ConditionalRun, "Conditional G(z, y)", "条件生成 G(z, y)"},
    {T::ConditionalRunHint, "G(z, y) and D(x, y): y = the mixture component of each sample, a one-hot fed to G and D; samples are coloured by y",
     "G(z, y) 与 D(x, y)：y = 每个样本所属的混合分量，以独热向量输入 G 和 D；样本按 y 着色"},
    {T::MismatchedPairs, "Mismatched pairs", "错配样本对"},
    {T::MismatchedPairsHint, "D also sees real x with a wrong y as negatives (half of the fake side of its loss)",
     "D 还会看到带错误 y 的真实 x，并判为假（占其损失中假样本一侧的一半）"},
    {T::ConditionalNeedsMixture, "needs mixture data (mixture, ring, grid or blobs without painted points)",
     "需要混合分布数据（mixture、ring、grid 或未手绘点的 blobs）"},
    {T::FollowSection, "Following a run", "跟随训练"},
    {T::FollowStatusLine, "Following %s — checkpoint step %lld (of %d found), updated %s ago",
     "正在跟随 %s — 检查点第 %lld 步(共找到 %d 个),%s前更新"},
    {T::FollowWaitingLine, "Following %s — waiting for the first checkpoint...", "正在跟随 %s — 等待第一个检查点..."},
    {T::FollowMissingLine, "Following %s — the folder is gone; showing the last checkpoint read",
     "正在跟随 %s — 文件夹已不存在;显示最后读取的检查点"},
    {T::FollowWaitingBody,
     "Waiting for the first checkpoint in\n%s\n\n`ganarium train SCENE --checkpoint-dir DIR` writes one at step 0 "
     "and every checkpoint_every steps.",
     "正在等待第一个检查点:\n%s\n\n`ganarium train SCENE --checkpoint-dir DIR` 在第 0 步及每 checkpoint_every 步写入一个。"},
    {T::FollowAgoSeconds, "%lld s", "%lld 秒"},
    {T::FollowAgoMinutes, "%lld min", "%lld 分钟"},
    {T::FollowAgoHours, "%.1f h", "%.1f 小时"},
    {T::FollowNewest, "Newest (live)", "最新(实时)"},
    {T::FollowNewestHint, "Show each new checkpoint as it appears", "每出现一个新检查点就显示它"},
    {T::FollowOlder, "< Older", "< 更早"},
    {T::FollowNewer, "Newer >", "更新 >"},
    {T::FollowShowStep, "Show step %lld", "显示第 %lld 步"},
    {T::FollowStripHint, "Click a tick to show that checkpoint. The folder is only read, never written.",
     "点击刻度以显示该检查点。文件夹只读取,从不写入。"},
    {T::FollowLoading, "loading step %lld ...", "正在加载第 %lld 步 ..."},
    {T::FollowHeld, "held at an older step: Newest follows the run again", "停在较早的步骤:点击“最新”继续跟随"},
    {T::FollowRetrying, "step %lld cannot be shown yet: %s", "第 %lld 步暂时无法显示:%s"},
    {T::RemediesHeader, "Mode-collapse remedies", "模式崩溃的对策"},
    {T::FeatureMatching, "Feature matching", "特征匹配"},
    {T::FeatureMatchingHint, "G matches the mean of D's last hidden features on real and generated batches",
     "生成器匹配判别器最后一个隐藏层在真实批次与生成批次上的特征均值"},
    {T::MinibatchDiscrimination, "Minibatch discrimination", "小批量判别"},
    {T::MinibatchDiscriminationHint, "D also sees how close each sample is to the others of its batch (16 kernels x 4)",
     "判别器还看到每个样本与同一批次其他样本的接近程度(16 个核 x 4 维)"},
    {T::UnrolledSteps, "Unrolled D steps", "展开的判别器步数"},
    {T::UnrolledStepsHint, "G's update reads D after this many extra D steps, then D goes back (first order: no gradient through the unrolling)",
     "生成器的更新读取多走这么多步之后的判别器,然后判别器复原(一阶:梯度不穿过展开)"},
    {T::PackSize, "PacGAN pack size", "PacGAN 打包数"},
    {T::PackSizeHint, "D judges this many samples at once, concatenated (1 = off)", "判别器一次判断这么多个拼接在一起的样本(1 = 关闭)"},
    {T::InstanceNoise, "Instance noise sigma", "实例噪声 sigma"},
    {T::InstanceNoiseSteps, "Noise anneals to 0 over (steps)", "噪声在多少步内退火到 0"},
    {T::InstanceNoiseHint, "Gaussian noise on D's real and generated inputs, shrinking linearly to 0",
     "加在判别器真实与生成输入上的高斯噪声,线性减小到 0"},
    {T::ViewCycleRealX, "x (colour: its mode of X)", "x(颜色:所属 X 模式)"},
    {T::ViewCycleTranslated, "G_XY(x)", "G_XY(x)"},
    {T::ViewCycleRealY, "y", "y"},
    {T::ViewCycleBack, "G_YX(y)", "G_YX(y)"},
    {T::ViewCyclePath, "x -> G_XY(x) -> G_YX(G_XY(x))", "x -> G_XY(x) -> G_YX(G_XY(x))"},
    {T::ViewCycleMatrix, "G_XY: mode -> mode", "G_XY:模式 -> 模式"},
    {T::ViewCycleSource, "mode of x (X)", "x 的模式(X)"},
    {T::ViewCycleTarget, "mode of G_XY(x) (Y)", "G_XY(x) 的模式(Y)"},
    {T::CycleLambda, "cycle loss weight lambda_cyc", "循环损失权重 lambda_cyc"},
    {T::IdentityLambda, "identity loss weight lambda_id", "恒等损失权重 lambda_id"},
    {T::MinibatchStddev, "Minibatch stddev map", "小批量标准差图"},
    {T::MinibatchStddevHint, "D's head also reads the batch's spread of its last features, as one more map",
     "判别器的输出层还读取批次在最后特征上的离散程度,作为多出的一张特征图"},
    {T::NoiseInputs, "Noise inputs z of each G", "每个生成器的噪声输入 z 维数"},
    {T::NoiseInputsHint, "standard normal numbers beside each G's input point (0 = G(x) alone); a change starts the run afresh",
     "每个生成器输入点旁边的标准正态随机数(0 = 只有 G(x));改动会让该运行重新开始"},
    {T::ImageStripsMore, "more: progress, interpolation, neighbour", "更多:训练进程、插值、最近邻"},
    {T::ImageStripsLess, "fewer views", "收起"},
};

static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<size_t>(TextId::Count),
              "every TextId needs exactly one row in kTexts");

// Labels of the metric catalogue's metrics and curves tabs, by label key.
struct MetricLabelRow {
    const char* key;
    const char* en;
    const char* zh;
};

const MetricLabelRow kMetricLabels[] = {
    {"curves.divergence", "True vs D's estimate", "真实散度与判别器估计"},
    {"curves.loss_d", "D loss", "判别器损失"},
    {"curves.loss_g", "G loss", "生成器损失"},
    {"curves.js", "JS divergence", "JS散度"},
    {"curves.w1", "W1 distance", "Wasserstein距离"},
    {"curves.g_grad_norm", "G gradient norm", "生成器梯度范数"},
    {"curves.modes_covered", "Modes covered", "覆盖的模式数"},
    {"curves.distance", "Distance to equilibrium", "到均衡点的距离"},
    {"curves.d_weight_max_abs", "D's largest |weight|", "判别器最大权重绝对值"},
    {"curves.gp_norm", "GP gradient norm", "梯度惩罚点处的梯度范数"},
    {"curves.d_scores", "D score: real vs generated", "判别器得分：真实与生成"},
    {"curves.classifier_score", "Classifier score (IS-like, higher is better)", "分类器得分(类 IS,越高越好)"},
    {"curves.fcd", "Fréchet classifier distance (FID-like, lower is better)", "分类器特征 Fréchet 距离(类 FID,越低越好)"},
    {"curves.classes_covered", "Classes covered (of 10)", "覆盖的类别数(共 10)"},
    {"curves.class_rkl", "Reverse KL of the class mix (0: the data's mix)", "类别分布的反向 KL(0:与数据一致)"},
    {"curves.nn_ratio", "Nearest-neighbour ratio (far below 1: copying)", "最近邻距离比(远小于 1:记忆复制)"},
    {"metric.loss_d", "D loss", "判别器损失"},
    {"metric.loss_g", "G loss", "生成器损失"},
    {"metric.js", "JS divergence", "JS散度"},
    {"metric.kl_pq", "KL(P_data || P_G)", "KL(P_data || P_G)"},
    {"metric.kl_qp", "KL(P_G || P_data)", "KL(P_G || P_data)"},
    {"metric.w1", "W1 distance", "Wasserstein距离"},
    {"metric.d_estimate", "D's estimate", "判别器的估计"},
    {"metric.d_accuracy", "D accuracy", "判别器准确率"},
    {"metric.g_grad_norm", "G gradient norm", "生成器梯度范数"},
    {"metric.d_weight_max_abs", "D's largest |weight|", "判别器最大权重绝对值"},
    {"metric.gp_norm_mean", "mean ||grad D|| at GP points", "梯度惩罚插值点处梯度范数的均值"},
    {"metric.gp_norm_std", "std of ||grad D|| at GP points", "梯度惩罚插值点处梯度范数的标准差"},
    {"metric.modes_covered", "Modes covered", "覆盖的模式数"},
    {"metric.hq_share", "High-quality share", "高质量样本比例"},
    {"metric.mode_rkl", "Reverse KL over modes", "各模式上的反向KL"},
    {"metric.d_opt_gap", "Gap to the optimal D", "与最优判别器的差距"},
    {"metric.theta", "theta", "θ"},
    {"metric.psi", "psi", "ψ"},
    {"metric.distance", "Distance to equilibrium", "到均衡点的距离"},
    {"metric.classifier_score", "Classifier score (IS-like)", "分类器得分（类IS）"},
    {"metric.fcd", "Fréchet classifier distance (FID-like)", "分类器特征Fréchet距离（类FID）"},
    {"metric.classes_covered", "Classes covered", "覆盖的类别数"},
    {"metric.class_rkl", "Reverse KL over classes", "各类别上的反向KL"},
    {"metric.nn_ratio", "Nearest-neighbour ratio", "最近邻距离比"},
    {"metric.d_score_real", "Mean D score on real images", "判别器对真实图像的平均得分"},
    {"metric.d_score_fake", "Mean D score on generated images", "判别器对生成图像的平均得分"},
    {"metric.label_agreement", "Label agreement (conditional)", "标签一致率(条件生成)"},
    {"curves.label_agreement", "Label agreement: classifier says y for G(z, y) (higher is better)",
     "标签一致率:分类器判定 G(z, y) 为 y 的比例(越高越好)"},
    {"metric.condition_accuracy", "Condition accuracy (conditional)", "条件准确率(条件生成)"},
    {"curves.condition_accuracy", "Condition accuracy (nearest mode is y)", "条件准确率(最近的模式是 y)"},
    {"metric.cycle_error_x", "Cycle error |G_YX(G_XY(x)) - x|", "循环误差 |G_YX(G_XY(x)) - x|"},
    {"metric.cycle_error_y", "Cycle error |G_XY(G_YX(y)) - y|", "循环误差 |G_XY(G_YX(y)) - y|"},
    {"metric.w1_xy", "W1(G_XY(X), Y)", "W1(G_XY(X), Y)"},
    {"metric.w1_yx", "W1(G_YX(Y), X)", "W1(G_YX(Y), X)"},
    {"metric.mapping_mi", "Mode mapping MI (bits)", "模式映射互信息(比特)"},
    {"curves.mapping_mi", "Mode mapping MI, bits (log2 K: one-to-one)", "模式映射互信息,比特(log2 K:一一对应)"},
    {"curves.cycle_error", "Cycle error: x (solid), y (dashed)", "循环误差:x(实线),y(虚线)"},
};

constexpr size_t kMetricLabelCount = sizeof(kMetricLabels) / sizeof(kMetricLabels[0]);
static_assert(kMetricLabelCount == kMetricCount + kCurvesTabCount,
              "every metric and curves tab of core/metric_catalogue.h needs one label row");

}  // namespace

const char* tr(Language language, TextId id) {
    const auto index = static_cast<size_t>(id);
    assert(index < static_cast<size_t>(TextId::Count));
    const TextRow& row = kTexts[index];
    return language == Language::Chinese ? row.zh : row.en;
}

bool languageFromCode(const std::string& code, Language& out) {
    if (code == "en" || code == "english" || code == "en-us" || code == "en_US") { out = Language::English; return true; }
    if (code == "zh" || code == "chinese" || code == "zh-cn" || code == "zh_CN") { out = Language::Chinese; return true; }
    return false;
}

const char* languageCode(Language language) { return language == Language::Chinese ? "zh" : "en"; }

const char* metricLabel(Language language, std::string_view label_key) {
    for (const MetricLabelRow& row : kMetricLabels) {
        if (label_key == row.key) return language == Language::Chinese ? row.zh : row.en;
    }
    return label_key.data();
}

int textCount() { return static_cast<int>(sizeof(kTexts) / sizeof(kTexts[0])); }

bool textTableIsOrdered() {
    for (int i = 0; i < textCount(); ++i)
        if (static_cast<int>(kTexts[i].id) != i) return false;
    return true;
}

std::string allChineseText() {
    std::string all;
    for (const TextRow& row : kTexts) all += row.zh;
    for (const MetricLabelRow& row : kMetricLabels) all += row.zh;
    for (const DisplayName& row : displayNameTable()) all += row.zh;  // combo values (core/display_names.h)
    return all;
}

}  // namespace ganarium
