package dev.damsel.strategies.projection;

import dev.damsel.api.Require;

/**
 * Knobs of {@code a-gem}.
 *
 * @param itemsPerTask items of each earlier task kept in the episodic memory, ≥ 1; default 10
 * @param sampleSize   stored items drawn (without replacement, across all earlier tasks) for each step's reference
 *                     gradient, ≥ 1; default 10
 */
public record AGemConfig(int itemsPerTask, int sampleSize) {
    public static final AGemConfig DEFAULTS = new AGemConfig(10, 10);

    public AGemConfig {
        Require.atLeast("itemsPerTask", itemsPerTask, 1);
        Require.atLeast("sampleSize", sampleSize, 1);
    }
}
