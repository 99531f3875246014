package dev.damsel.strategies.replay;

import dev.damsel.api.ConfigException;
import dev.damsel.api.Require;

/**
 * Knobs of {@code pseudo-rehearsal}.
 *
 * @param items         pseudo-items made from the memory, ≥ 1; default 50
 * @param refresh       {@code task} (the default): one set made before each task from the memory as it is then;
 *                      {@code epoch}: a fresh set every epoch, made from a snapshot of the memory taken before the task
 * @param rejectLearned reject a pseudo-item equal to a training item of an earlier task; default false (this reads the
 *                      earlier items, so it is a diagnostic, not data-free)
 * @param unique        reject a pseudo-item equal to one already made; default true
 * @param maxAttempts   the most random candidates drawn per set, ≥ 1; default 5000
 */
public record PseudoRehearsalConfig(int items, String refresh, boolean rejectLearned, boolean unique,
                                    int maxAttempts) {
    public static final PseudoRehearsalConfig DEFAULTS = new PseudoRehearsalConfig(50, "task", false, true, 5000);

    public PseudoRehearsalConfig {
        Require.atLeast("items", items, 1);
        if (!"task".equals(refresh) && !"epoch".equals(refresh)) {
            throw new ConfigException("refresh", "must be one of task, epoch (got "
                    + (refresh == null ? "nothing" : "'" + refresh + "'") + ")");
        }
        Require.atLeast("maxAttempts", maxAttempts, 1);
    }

    public boolean refreshEachEpoch() {
        return "epoch".equals(refresh);
    }
}
