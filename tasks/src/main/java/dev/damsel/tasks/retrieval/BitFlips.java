package dev.damsel.tasks.retrieval;

import java.util.SplittableRandom;

/**
 * Corruption of bipolar states by flipping a fixed number of units, the probe noise of the recall experiments of
 * Hopfield 1982 and Krotov &amp; Hopfield 2016.
 */
public final class BitFlips {
    private BitFlips() {
    }

    /**
     * The number of units flipped at noise level ρ in dimension N: round(ρ·N), halves rounded up.
     */
    public static int count(double noise, int dimension) {
        return (int) Math.round(noise * dimension);
    }

    /**
     * Flips exactly {@code flips} distinct units of {@code state} (in place), chosen uniformly among all subsets of that
     * size by a partial Fisher–Yates shuffle. Draws exactly {@code flips} ints from {@code random}.
     */
    public static void flip(float[] state, int flips, SplittableRandom random) {
        int n = state.length;
        if (flips < 0 || flips > n) {
            throw new IllegalArgumentException("cannot flip " + flips + " of " + n + " units");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int k = 0; k < flips; k++) {
            int j = k + random.nextInt(n - k);
            int unit = order[j];
            order[j] = order[k];
            order[k] = unit;
            state[unit] = -state[unit];
        }
    }
}
