// display_names.cpp — the display-name table (see display_names.h). Chinese
// terms follow the lecture notes' glossary (生成器, 判别器, 评价器, 梯度惩罚, ...).
#include "core/display_names.h"

#include "core/dirac_gan.h"
#include "core/scene_spec.h"

namespace ganarium {

namespace {

using G = NameGroup;

const std::vector<DisplayName> kNames = {
    {G::Objective, "minimax", "Minimax", "极小极大"},
    {G::Objective, "non_saturating", "Non-saturating", "非饱和"},
    {G::Objective, "max_likelihood", "Max-likelihood", "最大似然"},
    {G::Objective, "least_squares", "Least squares", "最小二乘"},
    {G::Objective, "hinge", "Hinge", "合页损失"},
    {G::Objective, "wasserstein", "Wasserstein", "Wasserstein"},

    {G::Lipschitz, "none", "None", "无"},
    {G::Lipschitz, "clip", "Weight clipping", "权重裁剪"},
    {G::Lipschitz, "gp", "Gradient penalty", "梯度惩罚"},
    {G::Lipschitz, "sn", "Spectral norm", "谱归一化"},

    {G::Optimizer, "sgd", "SGD", "SGD"},
    {G::Optimizer, "adam", "Adam", "Adam"},
    {G::Optimizer, "rmsprop", "RMSprop", "RMSprop"},

    {G::Activation, "relu", "ReLU", "ReLU"},
    {G::Activation, "leaky_relu", "Leaky ReLU", "Leaky ReLU"},
    {G::Activation, "tanh", "tanh", "tanh"},
    {G::Activation, "elu", "ELU", "ELU"},

    {G::Latent, "gaussian", "Gaussian", "高斯"},
    {G::Latent, "uniform", "Uniform", "均匀"},

    {G::Family, "gaussian", "Gaussian", "高斯分布"},
    {G::Family, "mixture", "Gaussian mixture", "高斯混合"},
    {G::Family, "uniform", "Uniform", "均匀分布"},
    {G::Family, "two_intervals", "Two intervals", "两个区间"},
    {G::Family, "ring", "Ring of Gaussians", "高斯环"},
    {G::Family, "grid", "Grid of Gaussians", "高斯网格"},
    {G::Family, "swiss_roll", "Swiss roll", "瑞士卷"},
    {G::Family, "two_moons", "Two moons", "双月形"},
    {G::Family, "spiral", "Spiral", "螺旋"},
    {G::Family, "circles", "Circles", "同心圆"},
    {G::Family, "gaussian2d", "2D Gaussian", "二维高斯"},
    {G::Family, "line", "Line segment", "线段"},
    {G::Family, "blobs", "Gaussian blobs", "高斯团"},
    {G::Family, "points", "Drawn points", "手绘点"},

    {G::DiracMethod, "minimax", "GAN (minimax)", "极小极大 GAN"},
    {G::DiracMethod, "non_saturating", "Non-saturating", "非饱和 GAN"},
    {G::DiracMethod, "wgan_clip", "WGAN clip", "WGAN 裁剪"},
    {G::DiracMethod, "wgan_gp", "WGAN-GP", "WGAN-GP"},
    {G::DiracMethod, "r1", "R1 penalty", "R1 惩罚"},
    {G::DiracMethod, "instance_noise", "Instance noise", "实例噪声"},
    {G::DiracMethod, "consensus", "Consensus", "共识优化"},

    {G::DiracScheme, "simultaneous", "Simultaneous", "同时更新"},
    {G::DiracScheme, "alternating", "Alternating", "交替更新"},

    {G::RunKind, "toy", "Toy GAN", "玩具 GAN"},
    {G::RunKind, "dirac", "Dirac-GAN", "Dirac-GAN"},
    {G::RunKind, "image_gan", "Image GAN (DCGAN)", "图像 GAN(DCGAN)"},
    {G::RunKind, "cyclegan", "Toy CycleGAN", "玩具 CycleGAN"},
};

}  // namespace

std::string displayName(NameGroup group, std::string_view key, bool chinese) {
    for (const DisplayName& row : kNames) {
        if (row.group == group && key == row.key) return chinese ? row.zh : row.en;
    }
    return std::string(key);
}

const std::vector<DisplayName>& displayNameTable() { return kNames; }

std::vector<std::string> groupKeys(NameGroup group) {
    switch (group) {
        case G::Objective: return objectiveNames();
        case G::Lipschitz: return lipschitzNames();
        case G::Optimizer: return optimizerNames();
        case G::Activation: return activationNames();
        case G::Latent: return latentNames();
        case G::Family: return familyNames();
        case G::DiracMethod: return diracMethodNames();
        case G::DiracScheme: return diracSchemeNames();
        case G::RunKind: return runKindNames();
    }
    return {};
}

const std::string& localizedText(const std::string& en, const std::string& zh, bool chinese) {
    return chinese && !zh.empty() ? zh : en;
}

}  // namespace ganarium
