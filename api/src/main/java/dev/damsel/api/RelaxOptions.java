package dev.damsel.api;

/**
 * How to relax probes towards an attractor.
 *
 * @param mode          synchronous or asynchronous updates
 * @param maxIterations the most sweeps over the mask before stopping (a sweep updates every masked unit once), ≥ 1
 * @param seed          seeds the unit order of asynchronous sweeps; each probe derives its own order from it and its
 *                      index, so results do not depend on how probes are split across threads
 */
public record RelaxOptions(UpdateMode mode, int maxIterations, long seed) {
    /** Synchronous steps until nothing changes or 100 iterations. */
    public static final RelaxOptions DEFAULT = new RelaxOptions(UpdateMode.SYNCHRONOUS, 100, 0L);

    public RelaxOptions {
        if (mode == null) {
            throw new ConfigException("mode", "must be one of synchronous, asynchronous");
        }
        Require.atLeast("maxIterations", maxIterations, 1);
    }

    /** One sweep only. */
    public RelaxOptions singleStep() {
        return new RelaxOptions(mode, 1, seed);
    }
}
