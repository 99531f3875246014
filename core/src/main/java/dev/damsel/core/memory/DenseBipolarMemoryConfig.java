package dev.damsel.core.memory;

import dev.damsel.api.Require;

/**
 * Configuration of the {@code dense-bipolar} memory ({@link DenseBipolarMemory}).
 *
 * @param memories    K, the number of memory vectors, ≥ 1; default 32
 * @param initMean    mean of the initial ξ values, in [−1, 1]; default 0
 * @param initStd     standard deviation of the initial ξ values, ≥ 0; default 0.1
 * @param errorPower  m in the loss {@code (Y − x)^(2m)}, in [1, 50]; default 1
 * @param temperature T = 1/β, finite and &gt; 0; default 1 (the trainer's schedule overrides it while training)
 * @param lossContext what the other masked units hold while the loss computes a masked unit's output: {@code item}
 *                    (default; the item's own values) or {@code masked-off} (−1, Krotov &amp; Hopfield's classifier
 *                    training, matching prediction with every label unit set to −1); see {@link LossContext}
 */
public record DenseBipolarMemoryConfig(int memories, double initMean, double initStd, int errorPower,
                                       double temperature, String lossContext) {
    public static final DenseBipolarMemoryConfig DEFAULTS = new DenseBipolarMemoryConfig(32, 0.0, 0.1, 1, 1.0, "item");

    public DenseBipolarMemoryConfig {
        Require.atLeast("memories", memories, 1);
        Require.closed("initMean", initMean, -1.0, 1.0);
        Require.nonNegative("initStd", initStd);
        Require.inRange("errorPower", errorPower, 1, 50);
        Require.positive("temperature", temperature);
        LossContext.of("lossContext", Require.present("lossContext", lossContext));
    }

    /** The parsed {@link #lossContext()}. */
    public LossContext context() {
        return LossContext.of("lossContext", lossContext);
    }
}
