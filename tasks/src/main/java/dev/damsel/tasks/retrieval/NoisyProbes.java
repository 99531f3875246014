package dev.damsel.tasks.retrieval;

import dev.damsel.api.StateBatch;

import java.util.SplittableRandom;

/**
 * Probes for a retrieval task: copies of each pattern with exactly {@code flips} distinct units flipped
 * ({@link BitFlips}), {@code perPattern} of them per pattern, pattern by pattern, and the index of each probe's pattern.
 *
 * @param probes  the probes, {@code patterns.size() · perPattern} rows
 * @param targets for each probe, the row of its pattern
 */
public record NoisyProbes(StateBatch probes, int[] targets) {

    /** Draws the probes from {@code random}, in pattern order. */
    public static NoisyProbes of(StateBatch patterns, int perPattern, int flips, SplittableRandom random) {
        int n = patterns.dimension();
        int count = patterns.size() * perPattern;
        float[] probes = new float[count * n];
        int[] targets = new int[count];
        float[] probe = new float[n];
        for (int mu = 0, k = 0; mu < patterns.size(); mu++) {
            for (int r = 0; r < perPattern; r++, k++) {
                System.arraycopy(patterns.values(), mu * n, probe, 0, n);
                BitFlips.flip(probe, flips, random);
                System.arraycopy(probe, 0, probes, k * n, n);
                targets[k] = mu;
            }
        }
        return new NoisyProbes(new StateBatch(count, n, probes), targets);
    }
}
