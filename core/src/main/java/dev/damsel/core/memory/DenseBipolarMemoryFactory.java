package dev.damsel.core.memory;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.plugin.MemoryFactory;
import dev.damsel.core.random.Gaussian;

import java.util.SplittableRandom;

/**
 * Makes a {@link DenseBipolarMemory} (id {@code dense-bipolar}) whose ξ values are drawn from
 * N(initMean, initStd²), row-major in the order of θ, and clamped to [−1, 1], as in
 * Krotov &amp; Hopfield 2016 (appendix A, random initialisation) and McAlister et al. 2024.
 */
public final class DenseBipolarMemoryFactory implements MemoryFactory<DenseBipolarMemoryConfig> {
    public static final String ID = "dense-bipolar";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<DenseBipolarMemoryConfig> configType() {
        return DenseBipolarMemoryConfig.class;
    }

    @Override
    public DenseBipolarMemoryConfig defaults() {
        return DenseBipolarMemoryConfig.DEFAULTS;
    }

    @Override
    public DenseBipolarMemory create(DenseBipolarMemoryConfig config, InteractionFunction interaction, int dimension,
                                    SplittableRandom random) {
        if (dimension < 1) {
            throw new IllegalArgumentException("a memory needs dimension >= 1, got " + dimension);
        }
        float[] xi = new float[Math.multiplyExact(config.memories(), dimension)];
        for (int p = 0; p < xi.length; p++) {
            double v = Gaussian.next(random, config.initMean(), config.initStd());
            xi[p] = (float) Math.max(-1.0, Math.min(1.0, v));
        }
        return new DenseBipolarMemory(config.memories(), dimension, xi, interaction, config.temperature(),
                config.errorPower(), config.context());
    }
}
