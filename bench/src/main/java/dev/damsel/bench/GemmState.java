package dev.damsel.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;

/**
 * Inputs of the float matrix-product benchmark: C (m×n) += A (m×k) · B (k×n), row-major, for a shape written
 * {@code m x k x n}. The defaults are the step's second product at N = 256, K = 512, B = 128 and at N = 1024,
 * K = 4096, B = 1024, the shapes {@code bench/python/step_numpy.py --gemm} times in numpy.
 */
@State(Scope.Benchmark)
public class GemmState {
    @Param({"128x512x256", "1024x4096x1024"})
    public String shape;

    public int m;
    public int k;
    public int n;
    public float[] a;
    public float[] b;
    public float[] c;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("shape must be m x k x n, got " + shape);
        }
        m = Integer.parseInt(parts[0]);
        k = Integer.parseInt(parts[1]);
        n = Integer.parseInt(parts[2]);
        SplittableRandom random = new SplittableRandom(7);
        a = uniform(m * k, random);
        b = uniform(k * n, random);
        c = new float[m * n];
    }

    /** The floating-point operations of one product, 2·m·n·k. */
    long flops() {
        return 2L * m * n * k;
    }

    private static float[] uniform(int size, SplittableRandom random) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (2 * random.nextDouble() - 1);
        }
        return x;
    }
}
