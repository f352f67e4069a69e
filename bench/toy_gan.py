#!/usr/bin/env python3
"""toy_gan.py — the Python peer of ganarium-bench: the same toy GAN in plain
PyTorch (G and D: MLP 3x128 ReLU, z=8, batch 256, 8 Gaussians on a ring of
radius 2 with std 0.05, Adam lr 1e-4 betas (0.5, 0.9), one D step then one G
step per iteration), timed on one thread for the non-saturating objective and
WGAN-GP (lambda 10).

    /usr/bin/python3 bench/toy_gan.py --steps 1000 [--repeats 3] [--json]

With --json it prints one line: {"non_saturating": it/s, "wgan_gp": it/s,
"non_saturating_cpu": it/s, "wgan_gp_cpu": it/s, ...}: each figure is the
median of the repeats after a warm-up, per wall-clock second and (_cpu) per
CPU second of the process.
"""
import math
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402  (after the BLAS thread setting)
from torch import nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from peer_timing import run_peer  # noqa: E402  (bench/: this script's folder)

LATENT = 8
BATCH = 256
HIDDEN = 128
MODES = 8
RADIUS = 2.0
MODE_STD = 0.05
GP_LAMBDA = 10.0


def mlp(inputs, outputs):
    """Three hidden layers of 128 ReLU units, linear output."""
    return nn.Sequential(
        nn.Linear(inputs, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, outputs))


def ring_batch(n):
    """n samples of the 8-Gaussian ring."""
    k = torch.randint(0, MODES, (n,))
    angle = k.float() * (2.0 * math.pi / MODES)
    centres = torch.stack([RADIUS * torch.cos(angle), RADIUS * torch.sin(angle)], dim=1)
    return centres + MODE_STD * torch.randn(n, 2)


class ToyGan:
    """Generator, discriminator and their Adam optimizers."""

    def __init__(self, objective):
        self.objective = objective
        self.g = mlp(LATENT, 2)
        self.d = mlp(2, 1)
        self.opt_g = torch.optim.Adam(self.g.parameters(), lr=1e-4, betas=(0.5, 0.9))
        self.opt_d = torch.optim.Adam(self.d.parameters(), lr=1e-4, betas=(0.5, 0.9))

    def d_loss(self, real, fake):
        real_score, fake_score = self.d(real), self.d(fake)
        if self.objective == "non_saturating":
            return (F.binary_cross_entropy_with_logits(real_score, torch.ones_like(real_score))
                    + F.binary_cross_entropy_with_logits(fake_score, torch.zeros_like(fake_score)))
        # WGAN-GP critic loss with the penalty on real-fake interpolates.
        eps = torch.rand(real.shape[0], 1)
        interp = (eps * real + (1.0 - eps) * fake).requires_grad_(True)
        grad, = torch.autograd.grad(self.d(interp).sum(), interp, create_graph=True)
        penalty = ((grad.norm(dim=1) - 1.0) ** 2).mean()
        return fake_score.mean() - real_score.mean() + GP_LAMBDA * penalty

    def g_loss(self, fake):
        score = self.d(fake)
        if self.objective == "non_saturating":
            return F.binary_cross_entropy_with_logits(score, torch.ones_like(score))
        return -score.mean()

    def iteration(self):
        """One D step, then one G step, each with a fresh latent batch."""
        real = ring_batch(BATCH)
        with torch.no_grad():
            fake = self.g(torch.randn(BATCH, LATENT))
        self.opt_d.zero_grad()
        self.d_loss(real, fake).backward()
        self.opt_d.step()

        self.opt_g.zero_grad()
        self.g_loss(self.g(torch.randn(BATCH, LATENT))).backward()
        self.opt_g.step()


if __name__ == "__main__":
    sys.exit(run_peer(ToyGan, __doc__.split("\n\n")[0], steps=500, warmup=50))
