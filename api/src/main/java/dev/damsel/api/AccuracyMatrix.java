package dev.damsel.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The raw material of every sequential-learning metric (Lopez-Paz &amp; Ranzato 2017; Chaudhry et al. 2018) for T tasks:
 * {@code R[i][j]}, the score on task j after training tasks 0..i; {@code b[j]}, the score on task j before any
 * training; optionally {@code aStar[k]}, the score on task k of a reference model trained on tasks 0..k jointly.
 * Immutable; accessors return copies.
 */
public final class AccuracyMatrix {
    private final double[][] r;
    private final double[] b;
    private final double[] aStar;

    public AccuracyMatrix(double[][] r, double[] b, double[] aStar) {
        int t = r.length;
        if (t < 1) {
            throw new IllegalArgumentException("an accuracy matrix needs at least one task");
        }
        for (double[] row : r) {
            if (row.length != t) {
                throw new IllegalArgumentException("an accuracy matrix must be square: " + t + " rows, a row of " + row.length);
            }
        }
        if (b.length != t) {
            throw new IllegalArgumentException("b needs " + t + " entries, got " + b.length);
        }
        if (aStar != null && aStar.length != t) {
            throw new IllegalArgumentException("aStar needs " + t + " entries, got " + aStar.length);
        }
        this.r = Arrays.stream(r).map(double[]::clone).toArray(double[][]::new);
        this.b = b.clone();
        this.aStar = aStar == null ? null : aStar.clone();
    }

    public AccuracyMatrix(double[][] r, double[] b) {
        this(r, b, null);
    }

    /** T, the number of tasks. */
    public int tasks() {
        return r.length;
    }

    /** R[i][j]: score on task j after training tasks 0..i. */
    public double get(int afterTask, int task) {
        return r[afterTask][task];
    }

    public double before(int task) {
        return b[task];
    }

    public double[][] r() {
        return Arrays.stream(r).map(double[]::clone).toArray(double[][]::new);
    }

    public double[] b() {
        return b.clone();
    }

    public Optional<double[]> aStar() {
        return Optional.ofNullable(aStar).map(double[]::clone);
    }

    /** The same matrix with a joint-training reference attached. */
    public AccuracyMatrix withAStar(double[] reference) {
        return new AccuracyMatrix(r, b, reference);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccuracyMatrix m && Arrays.deepEquals(m.r, r) && Arrays.equals(m.b, b)
                && Arrays.equals(m.aStar, aStar);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(r) + Arrays.hashCode(b)) + Arrays.hashCode(aStar);
    }
}
