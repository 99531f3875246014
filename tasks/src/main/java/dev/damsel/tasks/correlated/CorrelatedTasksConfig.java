package dev.damsel.tasks.correlated;

import dev.damsel.api.ConfigException;
import dev.damsel.api.Require;
import dev.damsel.api.UpdateMode;
import dev.damsel.tasks.retrieval.BitFlips;
import dev.damsel.tasks.retrieval.UpdateModes;

/**
 * Configuration of the {@code correlated} suite: bipolar patterns with a controlled feature correlation and a
 * guaranteed minimum pairwise Hamming distance (after Bielmeier &amp; Friedland 2025), recalled like {@code random}.
 *
 * @param tasks            T, ≥ 1; default 5
 * @param patterns         P per task, ≥ 1; default 10
 * @param dimension        N, ≥ 1; default 64
 * @param correlation      c in [0, 1]: each unit of a pattern copies the suite's latent ±1 pattern with probability
 *                         c, else is a fair coin; two patterns then have expected overlap x·y/N = c²; default 0.5
 * @param minDistance      d in [0, N]: every two patterns of the suite differ in at least d units (rejection
 *                         sampling); default 8
 * @param maxAttempts      draws allowed per pattern before giving up, ≥ 1; default 1000
 * @param noise            ρ in [0, 1): probes have round(ρ·N) units flipped; default 0.1
 * @param probesPerPattern ≥ 1; default 1
 * @param update           {@code synchronous} (default) or {@code asynchronous}
 * @param maxIterations    the most relaxation sweeps per probe, ≥ 1; default 100
 * @param shuffleOrder     train the tasks in a seeded random order; default {@code false}
 */
public record CorrelatedTasksConfig(int tasks, int patterns, int dimension, double correlation, int minDistance,
                                    int maxAttempts, double noise, int probesPerPattern, String update,
                                    int maxIterations, boolean shuffleOrder) {

    public static final CorrelatedTasksConfig DEFAULTS =
            new CorrelatedTasksConfig(5, 10, 64, 0.5, 8, 1000, 0.1, 1, "synchronous", 100, false);

    public CorrelatedTasksConfig {
        Require.atLeast("tasks", tasks, 1);
        Require.atLeast("patterns", patterns, 1);
        Require.atLeast("dimension", dimension, 1);
        Require.closed("correlation", correlation, 0, 1);
        Require.inRange("minDistance", minDistance, 0, dimension);
        Require.atLeast("maxAttempts", maxAttempts, 1);
        Require.halfOpen("noise", noise, 0, 1);
        Require.atLeast("probesPerPattern", probesPerPattern, 1);
        UpdateModes.parse("update", update);
        Require.atLeast("maxIterations", maxIterations, 1);
        long total = (long) tasks * patterns;
        long bound = maxCodewords(dimension, minDistance);
        if (total > bound) {
            throw new ConfigException("minDistance", "of " + minDistance + " is infeasible: at most " + bound
                    + " patterns of " + dimension + " units can be pairwise that far apart (Plotkin bound), the suite"
                    + " needs tasks * patterns = " + total);
        }
        if (correlation == 1 && minDistance > 0 && total > 1) {
            throw new ConfigException("correlation", "of 1 makes every pattern the latent one, so minDistance must be 0"
                    + " (got " + minDistance + ")");
        }
        if ((long) patterns * probesPerPattern * dimension > Integer.MAX_VALUE - 8) {
            throw new ConfigException("probesPerPattern", "must keep patterns * probesPerPattern * dimension within"
                    + " one Java array (got " + patterns + " * " + probesPerPattern + " * " + dimension + ")");
        }
    }

    /**
     * An upper bound on how many ±1 vectors of n units can be pairwise at least d apart: 2^n for d ≤ 1 (when n is
     * small enough to say), the Plotkin bound 2·⌊d/(2d − n)⌋ when 2d &gt; n, else no bound ({@code Long.MAX_VALUE}).
     */
    static long maxCodewords(int n, int d) {
        if (2L * d > n) {
            return 2L * (d / (2L * d - n));
        }
        if (d <= 1 && n < 62) {
            return 1L << n;
        }
        return Long.MAX_VALUE;
    }

    public UpdateMode updateMode() {
        return UpdateModes.parse("update", update);
    }

    /** Units flipped per probe, round(ρ·N). */
    public int flips() {
        return BitFlips.count(noise, dimension);
    }
}
