#!/usr/bin/env python3
"""wgan_gp_1d_reference.py — plain-PyTorch reference for WGAN-GP on disjoint
1D data, to check Ganarium's behaviour against an independent implementation.

Setup (as scenes/disjoint-1d.toml, data U[3, 4]): G and D are MLPs 1-64-64-1
with LeakyReLU(0.2) and PyTorch's default initialisation; z ~ N(0, 1); batch
256; Adam, D lr 1e-3, G lr 1e-4, betas (0, 0.9); five critic steps per
generator step; two-sided gradient penalty lambda * (|D'(x_hat)| - 1)^2 at
random interpolates between real and fake samples.

    /usr/bin/python3 bench/wgan_gp_1d_reference.py --lambda 10 --seeds 0 1 2 3

For each seed it prints the critic's initial slope sign (D(4) - D(0)) and W1
between 4096 real and generated samples every 250 steps. A critic that starts
with a negative slope ranks fakes above reals; with lambda large against the
distance, turning its slope through 0 costs more penalty than it gains, so
it stays negative and pushes G away until the gap pays for the turn.
"""
import argparse
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402
from torch import nn  # noqa: E402


def mlp():
    """1-64-64-1 LeakyReLU(0.2) network with PyTorch's default initialisation."""
    return nn.Sequential(nn.Linear(1, 64), nn.LeakyReLU(0.2), nn.Linear(64, 64), nn.LeakyReLU(0.2),
                         nn.Linear(64, 1))


def real_batch(n):
    """n samples of U[3, 4]."""
    return 3.0 + torch.rand(n, 1)


def w1(g):
    """W1 between 4096 real and 4096 generated samples (sorted matching)."""
    with torch.no_grad():
        a = torch.sort(real_batch(4096).flatten()).values
        b = torch.sort(g(torch.randn(4096, 1)).flatten()).values
    return (a - b).abs().mean().item()


def train(seed, lam, steps, every):
    """One WGAN-GP run; returns (initial slope sign, [(step, W1)])."""
    torch.manual_seed(seed)
    g, d = mlp(), mlp()
    with torch.no_grad():
        slope = (d(torch.tensor([[4.0]])) - d(torch.tensor([[0.0]]))).item()
    opt_d = torch.optim.Adam(d.parameters(), lr=1e-3, betas=(0.0, 0.9))
    opt_g = torch.optim.Adam(g.parameters(), lr=1e-4, betas=(0.0, 0.9))
    trace = [(0, w1(g))]
    for step in range(1, steps + 1):
        for _ in range(5):
            real = real_batch(256)
            fake = g(torch.randn(256, 1)).detach()
            t = torch.rand(256, 1)
            x_hat = (t * real + (1 - t) * fake).requires_grad_(True)
            grad = torch.autograd.grad(d(x_hat).sum(), x_hat, create_graph=True)[0]
            penalty = lam * ((grad.norm(dim=1) - 1.0) ** 2).mean()
            loss_d = d(fake).mean() - d(real).mean() + penalty
            opt_d.zero_grad()
            loss_d.backward()
            opt_d.step()
        loss_g = -d(g(torch.randn(256, 1))).mean()
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        if step % every == 0:
            trace.append((step, w1(g)))
    return slope, trace


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lambda", dest="lam", type=float, default=10.0)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3])
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--every", type=int, default=250)
    args = parser.parse_args()
    torch.set_num_threads(1)
    for seed in args.seeds:
        slope, trace = train(seed, args.lam, args.steps, args.every)
        points = " ".join(f"{s}:{v:.2f}" for s, v in trace)
        print(f"lambda={args.lam:g} seed={seed} initial_slope={'+' if slope > 0 else '-'} W1 {points}", flush=True)


if __name__ == "__main__":
    main()
