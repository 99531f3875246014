package dev.damsel.strategies.replay;

import dev.damsel.api.Require;

/**
 * Knobs of {@code rehearsal}.
 *
 * @param bufferSize the most real items kept from earlier tasks, ≥ 1; default 50
 * @param selection  which items are kept: {@code reservoir} (the default) or {@code per-task-balanced}
 * @param ratio      rehearsed items added to each batch per new item in it, ≥ 0; default 1 (as many old as new,
 *                   capped by the buffer's size)
 */
public record RehearsalConfig(int bufferSize, String selection, double ratio) {
    public static final RehearsalConfig DEFAULTS = new RehearsalConfig(50, "reservoir", 1.0);

    public RehearsalConfig {
        Require.atLeast("bufferSize", bufferSize, 1);
        SelectionPolicy.of("selection", selection);
        Require.nonNegative("ratio", ratio);
    }

    public SelectionPolicy policy() {
        return SelectionPolicy.of("selection", selection);
    }
}
