package dev.damsel.tasks.prototype;

import dev.damsel.api.ConfigException;
import dev.damsel.api.Require;
import dev.damsel.api.UpdateMode;
import dev.damsel.tasks.retrieval.UpdateModes;

/**
 * Configuration of the {@code prototype} suite: tasks made of noisy examples of random prototypes, the prototype
 * regime of Krotov &amp; Hopfield 2016 (a memory that sees many corrupted examples of few patterns learns the patterns).
 *
 * @param tasks              T, ≥ 1; default 5
 * @param prototypes         p prototypes per task, ≥ 1; all prototypes of the suite are distinct; default 3
 * @param examples           e training examples per prototype, ≥ 1; default 20
 * @param dimension          N, ≥ 1; default 64
 * @param exampleNoise       q in [0, 0.5]: each unit of an example (and of a probe) is flipped independently with
 *                           probability q; default 0.2
 * @param probesPerPrototype fresh noisy examples per prototype to score recall on, ≥ 1; default 5
 * @param update             {@code synchronous} (default) or {@code asynchronous}
 * @param maxIterations      the most relaxation sweeps per probe, ≥ 1; default 100
 * @param shuffleOrder       train the tasks in a seeded random order; default {@code false}
 */
public record PrototypeTasksConfig(int tasks, int prototypes, int examples, int dimension, double exampleNoise,
                                   int probesPerPrototype, String update, int maxIterations, boolean shuffleOrder) {

    public static final PrototypeTasksConfig DEFAULTS =
            new PrototypeTasksConfig(5, 3, 20, 64, 0.2, 5, "synchronous", 100, false);

    public PrototypeTasksConfig {
        Require.atLeast("tasks", tasks, 1);
        Require.atLeast("prototypes", prototypes, 1);
        Require.atLeast("examples", examples, 1);
        Require.atLeast("dimension", dimension, 1);
        Require.closed("exampleNoise", exampleNoise, 0, 0.5);
        Require.atLeast("probesPerPrototype", probesPerPrototype, 1);
        UpdateModes.parse("update", update);
        Require.atLeast("maxIterations", maxIterations, 1);
        if (dimension < 62 && (long) tasks * prototypes > 1L << dimension) {
            throw new ConfigException("prototypes", "must be <= " + (1L << dimension) / tasks + " for " + tasks
                    + " tasks of dimension " + dimension + ": all prototypes are distinct (got " + prototypes + ")");
        }
        long rows = (long) prototypes * Math.max(examples, probesPerPrototype);
        if (rows * dimension > Integer.MAX_VALUE - 8) {
            throw new ConfigException("examples", "must keep prototypes * examples * dimension within one Java array"
                    + " (got " + prototypes + " * " + Math.max(examples, probesPerPrototype) + " * " + dimension + ")");
        }
    }

    public UpdateMode updateMode() {
        return UpdateModes.parse("update", update);
    }
}
