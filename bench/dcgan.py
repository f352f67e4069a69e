#!/usr/bin/env python3
"""dcgan.py — the Python peer of ganarium-bench's image GAN: the default image
model in plain PyTorch (G: Linear z=64 -> 64x7x7 + BN + ReLU, nearest x2 +
Conv 64->32 (k3 p1) + BN + ReLU, nearest x2 + Conv 32->1 (k3 p1) + tanh; D: Conv 1->32 (k4 s2
p1) + LeakyReLU 0.2, Conv 32->64 (k4 s2 p1) + LeakyReLU, Linear -> 1; batch
64; Adam 2e-4), one D step then one G step per iteration, on random 28x28
images (the speed does not depend on their content), timed on one thread for
the non-saturating objective (betas 0.5, 0.999) and WGAN-GP (lambda 10,
betas 0, 0.9).

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/dcgan.py --steps 60 [--repeats 3] [--subpixel] [--json]

With --subpixel, G computes each nearest-upsampling + conv pair as the one
stride-2 transposed conv it equals, as Ganarium does
(src/train/nearest_upsample_conv.h): the same model, the same trick.

With --json it prints one line: {"non_saturating": it/s, "wgan_gp": it/s,
"non_saturating_cpu": it/s, "wgan_gp_cpu": it/s, ...}: each figure is the
median of the repeats after a warm-up, per wall-clock second and (_cpu) per
CPU second of the process.
"""
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
import torch  # noqa: E402  (after the thread settings)
from torch import nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from peer_timing import run_peer  # noqa: E402  (bench/: this script's folder)

LATENT = 64
WIDTH = 32
BATCH = 64
GP_LAMBDA = 10.0


# Which 3x3 taps land on each of the 4 taps of the equal transposed conv, along one axis.
SUBPIXEL_TAPS = torch.tensor([[0., 0., 1.], [0., 1., 1.], [1., 1., 0.], [1., 0., 0.]])


def subpixel_upsample_conv(x, conv):
    """conv(upsample_nearest(x, 2)) as one stride-2 transposed conv."""
    kernel = torch.einsum("ky,oiyx,lx->iokl", SUBPIXEL_TAPS, conv.weight, SUBPIXEL_TAPS)
    return F.conv_transpose2d(x, kernel, conv.bias, stride=2, padding=1)


class Generator(nn.Module):
    """z -> 1 x 28 x 28 in [-1, 1]."""

    def __init__(self, subpixel=False):
        super().__init__()
        self.subpixel = subpixel
        self.project = nn.Linear(LATENT, 2 * WIDTH * 7 * 7)
        self.project_norm = nn.BatchNorm2d(2 * WIDTH)
        self.body = nn.Sequential(
            nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(2 * WIDTH, WIDTH, 3, 1, 1),
            nn.BatchNorm2d(WIDTH), nn.ReLU(),
            nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(WIDTH, 1, 3, 1, 1), nn.Tanh())

    def forward(self, z):
        h = F.relu(self.project_norm(self.project(z).view(z.shape[0], 2 * WIDTH, 7, 7)))
        if not self.subpixel:
            return self.body(h)
        layers = list(self.body)
        h = F.relu(layers[2](subpixel_upsample_conv(h, layers[1])))
        return torch.tanh(subpixel_upsample_conv(h, layers[5]))


class Discriminator(nn.Module):
    """1 x 28 x 28 -> a raw score."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, WIDTH, 4, 2, 1), nn.LeakyReLU(0.2),
            nn.Conv2d(WIDTH, 2 * WIDTH, 4, 2, 1), nn.LeakyReLU(0.2))
        self.head = nn.Linear(2 * WIDTH * 7 * 7, 1)

    def forward(self, x):
        return self.head(self.body(x).flatten(1))


class Dcgan:
    """Generator, discriminator and their Adam optimizers."""

    def __init__(self, objective, args=None):
        self.objective = objective
        self.g = Generator(subpixel=bool(args and args.subpixel))
        self.d = Discriminator()
        betas = (0.5, 0.999) if objective == "non_saturating" else (0.0, 0.9)
        self.opt_g = torch.optim.Adam(self.g.parameters(), lr=2e-4, betas=betas)
        self.opt_d = torch.optim.Adam(self.d.parameters(), lr=2e-4, betas=betas)
        self.images = torch.rand(2048, 1, 28, 28) * 2.0 - 1.0

    def d_loss(self, real, fake):
        scores = self.d(torch.cat([real, fake]))
        real_score, fake_score = scores[:BATCH], scores[BATCH:]
        if self.objective == "non_saturating":
            return F.softplus(-real_score).mean() + F.softplus(fake_score).mean()
        eps = torch.rand(BATCH, 1, 1, 1)
        interp = (eps * real + (1.0 - eps) * fake).requires_grad_(True)
        grad, = torch.autograd.grad(self.d(interp).sum(), interp, create_graph=True)
        penalty = ((grad.flatten(1).norm(dim=1) - 1.0) ** 2).mean()
        return fake_score.mean() - real_score.mean() + GP_LAMBDA * penalty

    def g_loss(self, fake):
        score = self.d(fake)
        if self.objective == "non_saturating":
            return F.softplus(-score).mean()
        return -score.mean()

    def iteration(self):
        """One D step, then one G step, each with a fresh latent batch."""
        real = self.images[torch.randint(0, self.images.shape[0], (BATCH,))]
        with torch.no_grad():
            fake = self.g(torch.randn(BATCH, LATENT))
        self.opt_d.zero_grad()
        self.d_loss(real, fake).backward()
        self.opt_d.step()

        self.opt_g.zero_grad()
        self.g_loss(self.g(torch.randn(BATCH, LATENT))).backward()
        self.opt_g.step()


if __name__ == "__main__":
    def add_subpixel_flag(parser):
        parser.add_argument("--subpixel", action="store_true",
                            help="upsampling + conv pairs as one transposed conv (as Ganarium)")
    sys.exit(run_peer(Dcgan, __doc__.split("\n\n")[0], steps=60, warmup=10, add_arguments=add_subpixel_flag))
