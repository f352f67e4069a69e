"""peer_timing.py — the timing harness the Python peers of ganarium-bench
share (toy_gan.py, dcgan.py): a median of timed blocks of iterations, per
wall-clock and per CPU second, for the non-saturating objective and WGAN-GP,
printed as one JSON line for the bench or as text for a person.
"""
import argparse
import json
import statistics
import time

import torch


def steps_per_second(make_gan, objective, steps, repeats, warmup):
    """Median iterations per second over `repeats` timed blocks of `steps`,
    per wall-clock second and per CPU second of this process."""
    torch.manual_seed(7)
    gan = make_gan(objective)
    for _ in range(warmup):
        gan.iteration()
    wall_rates, cpu_rates = [], []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(steps):
            gan.iteration()
        wall_rates.append(steps / (time.perf_counter() - start))
        cpu_rates.append(steps / (time.process_time() - cpu_start))
    return statistics.median(wall_rates), statistics.median(cpu_rates)


def run_peer(make_gan, description, steps, warmup, add_arguments=None):
    """The command line of a peer: times `make_gan(objective)` for both objectives; returns the exit status.
    With `add_arguments(parser)` the peer adds flags of its own and is called as `make_gan(objective, args)`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--steps", type=int, default=steps, help="iterations per timed repeat")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats (the median is reported)")
    parser.add_argument("--warmup", type=int, default=warmup, help="untimed iterations first")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    if add_arguments:
        add_arguments(parser)
    args = parser.parse_args()
    if add_arguments:
        peer_gan = make_gan
        make_gan = lambda objective: peer_gan(objective, args)  # noqa: E731
    torch.set_num_threads(1)

    result = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    for objective in ("non_saturating", "wgan_gp"):
        wall, cpu = steps_per_second(make_gan, objective, args.steps, args.repeats, args.warmup)
        result[objective] = wall
        result[objective + "_cpu"] = cpu
    if args.json:
        print(json.dumps(result))
    else:
        print(f"PyTorch {result['torch']}, {result['threads']} thread")
        print(f"non-saturating: {result['non_saturating']:.1f} it/s "
              f"({result['non_saturating_cpu']:.1f} per CPU second)")
        print(f"WGAN-GP:        {result['wgan_gp']:.1f} it/s ({result['wgan_gp_cpu']:.1f} per CPU second)")
    return 0
