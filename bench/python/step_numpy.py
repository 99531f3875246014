"""One synchronous step of a dense associative memory with stored +-1 patterns, in numpy (the two-product form).

Same problem as `damsel bench step --storage stored`: K random +-1 patterns of N units, B probes made from the
patterns with 10% of bits flipped, F(x) = x^n on the (beta/N)-normalised overlap, beta = 1. With M = X Xi^T (B x K),
a = G(M-1), b = G(M+1), G(h) = F(s(h+1)) - F(s(h-1)):  drive = ((a+b)/2) Xi + x * sum((a-b)/2), new x = sign(drive),
sign(0) = -1. float32 products (OpenBLAS), element-wise work in float32, powers by repeated multiplication.

Usage: python3 step_numpy.py --dim 256 --memories 512 --probes 128 --degree 3 [--seconds 3] [--gemm]
Prints one line: probes_per_s=... (and with --gemm the float32 matrix-product throughput on the same shapes).
"""
import argparse
import time

import numpy as np


def power(x, n):
    out = x.copy()
    for _ in range(n - 1):
        out *= x
    return out


def step(x, xi, n, s):
    m = x @ xi.T                                   # B x K overlaps (exact small integers in float32)
    fm = power(s * m, n)
    fminus = power(s * (m - 2), n)
    fplus = power(s * (m + 2), n)
    a = fm - fminus                                # G(M - 1)
    b = fplus - fm                                 # G(M + 1)
    drive = ((a + b) * 0.5) @ xi                   # B x N
    drive += x * ((a - b) * 0.5).sum(axis=1, keepdims=True)
    return np.where(drive > 0, np.float32(1), np.float32(-1))


def timed(call, seconds):
    end = time.perf_counter() + seconds / 3
    while time.perf_counter() < end:
        call()
    start = time.perf_counter()
    calls = 0
    while True:
        call()
        calls += 1
        now = time.perf_counter()
        if now - start >= seconds:
            return (now - start) / calls


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--memories", type=int, default=512)
    p.add_argument("--probes", type=int, default=128)
    p.add_argument("--degree", type=int, default=3)
    p.add_argument("--seconds", type=float, default=3)
    p.add_argument("--gemm", action="store_true")
    args = p.parse_args()
    rng = np.random.default_rng(1)
    n_units, k, b = args.dim, args.memories, args.probes
    xi = np.where(rng.random((k, n_units)) < 0.5, 1, -1).astype(np.float32)
    x = xi[np.arange(b) % k].copy()
    flips = round(0.1 * n_units)
    for r in range(b):
        x[r, rng.permutation(n_units)[:flips]] *= -1
    s = np.float32(1.0 / n_units)
    per = timed(lambda: step(x, xi, args.degree, s), args.seconds)
    line = f"probes_per_s={b / per:.1f} ms_per_step={per * 1e3:.4f} dim={n_units} memories={k} probes={b} " \
           f"degree={args.degree} numpy={np.__version__}"
    if args.gemm:
        coef = rng.random((b, k)).astype(np.float32)
        g = timed(lambda: coef @ xi, args.seconds)
        line += f" gemm_gflops={2.0 * b * k * n_units / g / 1e9:.1f}"
    print(line)


if __name__ == "__main__":
    main()
