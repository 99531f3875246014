package dev.damsel.strategies.projection;

import dev.damsel.api.Require;

/**
 * Knobs of {@code gem}.
 *
 * @param itemsPerTask items of each earlier task kept in the episodic memory, ≥ 1; default 10
 * @param margin       γ ≥ 0, the lower bound of the dual variables (GEM's "memory strength"); default 0, the exact
 *                     projection
 */
public record GemConfig(int itemsPerTask, double margin) {
    public static final GemConfig DEFAULTS = new GemConfig(10, 0.0);

    public GemConfig {
        Require.atLeast("itemsPerTask", itemsPerTask, 1);
        Require.nonNegative("margin", margin);
    }
}
