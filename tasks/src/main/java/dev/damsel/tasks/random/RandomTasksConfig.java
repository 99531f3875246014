package dev.damsel.tasks.random;

import dev.damsel.api.ConfigException;
import dev.damsel.api.Require;
import dev.damsel.api.UpdateMode;
import dev.damsel.tasks.retrieval.BitFlips;
import dev.damsel.tasks.retrieval.UpdateModes;

import java.util.Locale;

/**
 * Configuration of the {@code random} suite: T tasks of P random bipolar patterns of N units (the unbiased random
 * patterns of Hopfield 1982 and Krotov &amp; Hopfield 2016), recalled from probes with ρ·N units flipped.
 *
 * @param tasks            T, the number of tasks, ≥ 1
 * @param patterns         P, patterns per task, ≥ 1; all T·P patterns are distinct, so T·P ≤ 2^N
 * @param dimension        N, units per pattern, ≥ 1
 * @param noise            ρ in [0, 1): each probe has exactly round(ρ·N) units of its pattern flipped
 * @param probesPerPattern probes drawn per pattern, ≥ 1
 * @param update           relaxation during evaluation: {@code synchronous} or {@code asynchronous}
 * @param maxIterations    the most relaxation sweeps per probe, ≥ 1
 * @param shuffleOrder     train the tasks in a seeded random order instead of the order they are made
 *                         ({@link dev.damsel.tasks.order.TaskOrder}); default {@code false}
 */
public record RandomTasksConfig(int tasks, int patterns, int dimension, double noise, int probesPerPattern,
                                String update, int maxIterations, boolean shuffleOrder) {

    /**
     * 5 tasks of 10 patterns of 64 units, 10% noise, one probe per pattern, synchronous, at most 100 sweeps, in the
     * order made.
     */
    public static final RandomTasksConfig DEFAULTS =
            new RandomTasksConfig(5, 10, 64, 0.1, 1, "synchronous", 100, false);

    public RandomTasksConfig {
        Require.atLeast("tasks", tasks, 1);
        Require.atLeast("patterns", patterns, 1);
        Require.atLeast("dimension", dimension, 1);
        Require.halfOpen("noise", noise, 0, 1);
        Require.atLeast("probesPerPattern", probesPerPattern, 1);
        UpdateModes.parse("update", update);
        Require.atLeast("maxIterations", maxIterations, 1);
        if (dimension < 62) {
            long distinct = 1L << dimension;
            if ((long) tasks * patterns > distinct) {
                throw new ConfigException("patterns", "must be <= " + distinct / tasks + " for " + tasks
                        + " tasks of dimension " + dimension + ": all patterns of the suite are distinct and only 2^"
                        + dimension + " = " + distinct + " exist (got " + patterns + ")");
            }
        }
        if ((long) patterns * probesPerPattern * dimension > Integer.MAX_VALUE - 8) {
            throw new ConfigException("probesPerPattern", "must keep patterns * probesPerPattern * dimension within"
                    + " one Java array (got " + patterns + " * " + probesPerPattern + " * " + dimension + ")");
        }
    }

    /** The relaxation mode named by {@link #update()}. */
    public UpdateMode updateMode() {
        return UpdateModes.parse("update", update);
    }

    /** The number of units each probe has flipped, round(ρ·N). */
    public int flips() {
        return BitFlips.count(noise, dimension);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "random[T=%d, P=%d, N=%d, noise=%s, probes/pattern=%d, %s, max %d sweeps%s]",
                tasks, patterns, dimension, noise, probesPerPattern, update, maxIterations,
                shuffleOrder ? ", shuffled" : "");
    }
}
