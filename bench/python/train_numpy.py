"""The seed authors' training procedure for the autoassociative example, in numpy (float64), as a reference.

Same problem and procedure as `damsel bench train`: N units, P random +-1 patterns, K memories, F(a) = max(a, 0)^n on
a = beta * xi . x with beta = 1/T (T = 50 on raw overlaps is damsel's T = 0.5 in its (beta/N) form). For every
pattern and unit i the two clamped states x^+ (x_i = +1) and x^- (x_i = -1) are written out as columns of two
N x (N*P) matrices, Y = tanh(sum_mu F(a^+) - F(a^-)), loss sum (Y - x)^(2m). The gradient is taken by hand (the seed
implementation uses autograd on the same expression). Optimiser: G <- p*G + dL/dxi; each memory moves by
lr * G / max|G| (max floored at 1e-30), then clamped to [-1, 1]; lr = lr0 * decay^epoch. Full batch.

After training, one synchronous step of each pattern (sign(0) = +1, the seed's convention) counts the fixed points.

Usage: python3 train_numpy.py [--init uniform|normal] [--init-mean 0] [--init-std 0.3] [--seeds 8] [--epochs 500]
       python3 train_numpy.py --start DIR    (the start `damsel bench train --save-start DIR` wrote)
Prints one line per seed: seed, fixed points, final loss, units whose output has the wrong sign, seconds per epoch.
"""
import argparse
import time

import numpy as np


def power(x, n):
    out = x.copy()
    for _ in range(n - 1):
        out = out * x
    return out


def train(seed, n_units, n_items, n_memories, degree, temperature, epochs, lr0, decay, momentum, error_power, init,
          init_mean, init_std, start=None):
    rng = np.random.default_rng(seed)
    x = np.where(rng.random((n_units, n_items)) < 0.5, 1.0, -1.0)           # N x P, one pattern per column
    if start is not None:                                                    # damsel's start: rows are items/memories
        x = np.loadtxt(f"{start}/patterns.txt", ndmin=2).T
        xi = np.loadtxt(f"{start}/xi.txt", ndmin=2).T
        n_units, n_items = x.shape
    elif init == "uniform":
        xi = rng.random((n_units, n_memories))                               # [0, 1), the seed's start
    else:
        xi = np.clip(rng.normal(init_mean, init_std, (n_units, n_memories)), -1.0, 1.0)
    beta = 1.0 / temperature
    on = np.tile(x, (1, n_units))                                            # column i*P + b: pattern b, unit i = +1
    off = on.copy()
    for i in range(n_units):
        on[i, i * n_items:(i + 1) * n_items] = 1.0
        off[i, i * n_items:(i + 1) * n_items] = -1.0
    target = np.concatenate([x[i, :] for i in range(n_units)])
    velocity = np.zeros_like(xi)

    def forward(w):
        r_on = np.maximum(beta * (w.T @ on), 0.0)
        r_off = np.maximum(beta * (w.T @ off), 0.0)
        return r_on, r_off, (power(r_on, degree) - power(r_off, degree)).sum(axis=0)

    start = time.perf_counter()
    for epoch in range(epochs):
        lr = lr0 * decay ** epoch
        r_on, r_off, drive = forward(xi)
        y = np.tanh(drive)
        delta = 2 * error_power * power(y - target, 2 * error_power - 1) * (1.0 - y * y)
        grad = beta * degree * (on @ (power(r_on, degree - 1) * delta).T - off @ (power(r_off, degree - 1) * delta).T)
        velocity = momentum * velocity + grad
        largest = np.maximum(np.abs(velocity).max(axis=0, keepdims=True), 1e-30)
        xi = np.clip(xi - lr * velocity / largest, -1.0, 1.0)
    per_epoch = (time.perf_counter() - start) / epochs
    _, _, drive = forward(xi)
    stepped = np.where(drive >= 0, 1.0, -1.0).reshape(n_units, n_items)
    fixed = int(np.all(stepped == x, axis=0).sum())
    y = np.tanh(drive)
    loss = float(power(y - target, 2 * error_power).sum())
    wrong = int((y * target <= 0).sum())
    return fixed, loss, wrong, per_epoch


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--items", type=int, default=25)
    p.add_argument("--memories", type=int, default=100)
    p.add_argument("--degree", type=int, default=5)
    p.add_argument("--temperature", type=float, default=50.0, help="T on raw overlaps")
    p.add_argument("--epochs", type=int, default=500)
    p.add_argument("--learning-rate", type=float, default=0.01)
    p.add_argument("--decay", type=float, default=0.999)
    p.add_argument("--momentum", type=float, default=0.6)
    p.add_argument("--error-power", type=int, default=2)
    p.add_argument("--init", choices=["uniform", "normal"], default="uniform")
    p.add_argument("--init-mean", type=float, default=0.0)
    p.add_argument("--init-std", type=float, default=0.3)
    p.add_argument("--seeds", type=int, default=8)
    p.add_argument("--start", help="train once from the patterns.txt and xi.txt that damsel bench train --save-start "
                                   "wrote to this folder")
    a = p.parse_args()
    if a.start:
        fixed, loss, wrong, per_epoch = train(0, a.dim, a.items, a.memories, a.degree, a.temperature, a.epochs,
                                              a.learning_rate, a.decay, a.momentum, a.error_power, a.init,
                                              a.init_mean, a.init_std, start=a.start)
        print(f"start={a.start} fixed_points={fixed}/{np.loadtxt(a.start + '/patterns.txt', ndmin=2).shape[0]} final_loss={loss:.6g} wrong_sign={wrong} "
              f"s_per_epoch={per_epoch:.4f}", flush=True)
        return
    for seed in range(a.seeds):
        fixed, loss, wrong, per_epoch = train(seed, a.dim, a.items, a.memories, a.degree, a.temperature, a.epochs,
                                              a.learning_rate, a.decay, a.momentum, a.error_power, a.init,
                                              a.init_mean, a.init_std)
        print(f"seed={seed} fixed_points={fixed}/{a.items} final_loss={loss:.6g} wrong_sign={wrong} "
              f"s_per_epoch={per_epoch:.4f} init={a.init}", flush=True)


if __name__ == "__main__":
    main()
