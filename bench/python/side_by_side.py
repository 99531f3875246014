"""Runs damsel's benchmarks and the numpy comparator side by side and prints the ratios as a Markdown table.

Each damsel line is followed at once by the numpy line on the same shapes, so the two share the machine's state; the
load average is printed before and after. Needs the packaged launcher (`mvn -q -B -ntp package -DskipTests`) and numpy.

Usage (from the repository root):
    python3 bench/python/side_by_side.py [--seconds 3] [--repeats 3] [--backends panama,openblas,openblas:2]

A backend is a value of -Ddamsel.vector, optionally followed by ':T' for -Ddamsel.openblas.threads=T (each product one
OpenBLAS call on T OpenBLAS threads).

Step rows: `damsel bench step` (stored +-1 patterns, n=3, 10% noise) against `step_numpy.py` (float32 two-product form).
Product rows: `damsel bench gemm` (float C += A.B through the facade, rows over damsel's threads) against numpy's `@`.
Every figure is the best of the repeats (the least disturbed by other processes), followed by the median of the
repeats; the ratios are damsel / numpy of the bests and of the medians. The paired ratios divide each repeat's damsel
figure by the numpy figure measured right after it, and give their median and their range in brackets.
"""
import argparse
import os
from statistics import median
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHAPES = [(256, 512, 128), (1024, 4096, 1024)]
NUMPY_ENV = {k: v for k, v in os.environ.items() if not k.startswith("OPENBLAS_")}


def fields(line):
    return dict(part.split("=", 1) for part in line.split() if "=" in part)


def last_line(cmd, env):
    out = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return fields(out.strip().splitlines()[-1])


def damsel(args, backend):
    env = dict(os.environ)
    name, _, threads = backend.partition(":")
    opts = " -Ddamsel.vector=" + name + (" -Ddamsel.openblas.threads=" + threads if threads else "")
    env["DAMSEL_JAVA_OPTS"] = (env.get("DAMSEL_JAVA_OPTS", "") + opts).strip()
    return last_line([os.path.join(ROOT, "damsel"), "bench", *args], env)


def numpy(dim, memories, probes, seconds):
    return last_line([sys.executable, os.path.join(ROOT, "bench", "python", "step_numpy.py"), "--dim", str(dim),
                      "--memories", str(memories), "--probes", str(probes), "--degree", "3", "--seconds",
                      str(seconds), "--gemm"], NUMPY_ENV)


def load():
    return os.getloadavg()[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=3)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--backends", default="panama,openblas,openblas:2")
    args = p.parse_args()
    backends = [b for b in args.backends.split(",") if b]
    print(f"load average before: {load():.2f}")
    rows = []
    for dim, memories, probes in SHAPES:
        runs = {}
        for _ in range(args.repeats):
            for backend in backends:
                step = damsel(["step", "--dim", str(dim), "--memories", str(memories), "--probes", str(probes),
                               "--degree", "3", "--seconds", str(args.seconds)], backend)
                gemm = damsel(["gemm", "--m", str(probes), "--n", str(dim), "--k", str(memories), "--seconds",
                               str(args.seconds)], backend)
                ref = numpy(dim, memories, probes, args.seconds)
                for key, value in ((("step", backend), float(step["probes_per_s"])),
                                   (("gemm", backend), float(gemm["parallel_gflops"])),
                                   (("step", "numpy"), float(ref["probes_per_s"])),
                                   (("gemm", "numpy"), float(ref["gemm_gflops"]))):
                    runs.setdefault(key, []).append(value)
        for backend in backends:
            rows.append((f"{dim}, {memories}, {probes}", backend, runs[("step", backend)], runs[("step", "numpy")],
                         runs[("gemm", backend)], runs[("gemm", "numpy")]))
    print(f"load average after: {load():.2f}\n")
    print("| N, K, B | damsel backend | step probes/s | numpy probes/s | step ratio | step ratio, paired "
          "| product GFLOP/s | numpy GFLOP/s | product ratio | product ratio, paired |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for shape, backend, step, step_ref, gemm, gemm_ref in rows:
        print(f"| {shape} | {backend} | {max(step):,.0f} ({median(step):,.0f}) | {max(step_ref):,.0f} "
              f"({median(step_ref):,.0f}) | {max(step) / max(step_ref):.2f}x ({median(step) / median(step_ref):.2f}x) "
              f"| {paired(step, step_ref, 'x')} "
              f"| {max(gemm):.1f} ({median(gemm):.1f}) | {max(gemm_ref):.1f} ({median(gemm_ref):.1f}) "
              f"| {max(gemm) / max(gemm_ref):.2f} ({median(gemm) / median(gemm_ref):.2f}) "
              f"| {paired(gemm, gemm_ref, '')} |")


def paired(ours, theirs, unit):
    """The median of the repeats' own ratios, then their range: each repeat's damsel figure over the numpy figure
    measured right after it, so that a slow drift of the machine cancels within the pair."""
    ratios = sorted(a / b for a, b in zip(ours, theirs))
    return f"{median(ratios):.2f}{unit} [{ratios[0]:.2f}-{ratios[-1]:.2f}]"


if __name__ == "__main__":
    main()
